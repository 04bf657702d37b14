import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { objectKindOf, parseCustomObject, parseCustomObjectWithChildren } from '../../../src/metadata/objects/custom-object.js';
import { parseCustomField } from '../../../src/metadata/objects/custom-field.js';
import { parseValidationRule } from '../../../src/metadata/objects/validation-rule.js';
import type { ParseInput } from '../../../src/metadata/parse-input.js';
import { corpusDir, fixturesDir } from '../../helpers/paths.js';
import { hasCorpus } from '../../helpers/corpus.js';

function fixture(fileName: string, fullName: string): ParseInput {
  return { file: `fixtures/parsers/custom-object/${fileName}`, fullName, text: readFileSync(join(fixturesDir, 'parsers', 'custom-object', fileName), 'utf8') };
}

describe('objectKindOf', () => {
  it.each([
    ['Account', 'standard'],
    ['Invoice__c', 'custom'],
    ['ns__Invoice__c', 'custom'],
    ['Order_Shipped__e', 'platform-event'],
    ['Rate__mdt', 'custom-metadata'],
    ['Region__x', 'external'],
    ['Archive__b', 'big-object'],
    ['Invoice__ChangeEvent', 'change-event'],
    ['AccountChangeEvent', 'change-event'],
    ['Article__kav', 'custom'],
  ] as const)('%s is %s', (name, kind) => {
    expect(objectKindOf(name)).toBe(kind);
  });
});

describe('parseCustomObject', () => {
  it('reads a custom object file', () => {
    expect(parseCustomObject(fixture('Invoice__c.object-meta.xml', 'Invoice__c'))).toEqual({
      name: 'Invoice__c',
      kind: 'custom',
      custom: true,
      label: 'Invoice',
      pluralLabel: 'Invoices',
      description: 'Invoices synced from the ERP.',
      sharingModel: 'ReadWrite',
      externalSharingModel: 'Private',
      source: { file: 'fixtures/parsers/custom-object/Invoice__c.object-meta.xml', line: 2 },
    });
  });

  it('reads a standard object file (no label)', () => {
    const object = parseCustomObject(fixture('Account.object-meta.xml', 'Account'));
    expect(object).toMatchObject({ name: 'Account', kind: 'standard', custom: false, sharingModel: 'Read', externalSharingModel: 'Private' });
    expect(object.label).toBeUndefined();
  });

  it('reads a platform event', () => {
    const object = parseCustomObject(fixture('Order_Shipped__e.object-meta.xml', 'Order_Shipped__e'));
    expect(object).toMatchObject({ kind: 'platform-event', custom: true, label: 'Order Shipped', pluralLabel: 'Orders Shipped' });
  });

  it('tells a custom setting by <customSettingsType>', () => {
    const object = parseCustomObject(fixture('Automation_Settings__c.object-meta.xml', 'Automation_Settings__c'));
    expect(object).toMatchObject({ kind: 'custom-setting', custom: true, label: 'Automation Settings' });
  });

  it('throws on a wrong root element and on malformed XML', () => {
    expect(() => parseCustomObject({ file: 'x', fullName: 'X__c', text: '<?xml version="1.0"?>\n<CustomField><label>X</label></CustomField>' })).toThrow(
      /expected root element <CustomObject>, found <CustomField>/,
    );
    expect(() => parseCustomObject({ file: 'x', fullName: 'X__c', text: '<CustomObject><label>X</label>' })).toThrow(/Unclosed tag 'CustomObject'/);
    expect(() => parseCustomObject({ file: 'x', fullName: 'X__c', text: '<!DOCTYPE x [<!ENTITY a "b">]><CustomObject/>' })).toThrow(/DOCTYPE/);
  });
});

describe('parseCustomObjectWithChildren (metadata-API .object)', () => {
  const object = parseCustomObjectWithChildren(fixture('Invoice__c.object', 'Invoice__c'));

  it('reads the object itself', () => {
    expect(object).toMatchObject({ name: 'Invoice__c', kind: 'custom', label: 'Invoice', sharingModel: 'Private' });
  });

  it('reads the inline fields with the line of their <fullName>, ignoring picklist values of the same name', () => {
    expect(object.fields.map((field) => [field.fullName, field.source.line])).toEqual([
      ['Invoice__c.Status__c', 7],
      ['Invoice__c.Account__c', 30],
      ['Invoice__c.Paid__c', 41],
      ['Invoice__c.ERP_Key__c', 48],
    ]);
    const account = object.fields.find((field) => field.name === 'Account__c');
    expect(account).toMatchObject({ relationship: 'lookup', referenceTo: ['Account'], required: true, object: 'Invoice__c' });
    expect(object.fields.find((field) => field.name === 'ERP_Key__c')).toMatchObject({
      externalId: true,
      classification: { securityClassification: 'Internal' },
    });
    expect(object.fields.find((field) => field.name === 'Paid__c')?.defaultValue).toBe('false');
  });

  it('reads the inline validation rules with their references', () => {
    expect(object.validationRules.map((rule) => [rule.fullName, rule.active, rule.source.line])).toEqual([
      ['Invoice__c.Paid_Requires_Account', true, 71],
      ['Invoice__c.Old_Status_Check', false, 78],
    ]);
    expect(object.validationRules[0]!.references.bypass).toEqual(['$Permission.Bypass_Invoice_Rules']);
    expect(object.validationRules[0]!.errorDisplayField).toBe('Account__c');
    expect(object.validationRules[1]!.errorConditionFormula).toBe("ISPICKVAL(Status__c, 'Open') && Paid__c");
  });

  it('returns empty lists for an object with no children', () => {
    const bare = parseCustomObjectWithChildren(fixture('Account.object-meta.xml', 'Account'));
    expect(bare.fields).toEqual([]);
    expect(bare.validationRules).toEqual([]);
  });

  it('throws when an inline field has no <fullName>', () => {
    expect(() =>
      parseCustomObjectWithChildren({ file: 'x', fullName: 'X__c', text: '<CustomObject><fields><label>A</label></fields></CustomObject>' }),
    ).toThrow(/<fields> number 1 has no <fullName>/);
  });
});

describe.runIf(hasCorpus)('objects on the real corpus', () => {
  const all = readdirSync(corpusDir, { recursive: true }) as string[];
  const read = (relative: string): string => readFileSync(join(corpusDir, relative), 'utf8');

  it('parses every .object-meta.xml without throwing', () => {
    const files = all.filter((file) => file.endsWith('.object-meta.xml'));
    expect(files.length).toBe(99);
    for (const file of files) {
      const fullName = basename(file, '.object-meta.xml');
      expect(() => parseCustomObject({ file, fullName, text: read(file) }), file).not.toThrow();
    }
  });

  it('parses every metadata-API .object with its children without throwing', () => {
    const files = all.filter((file) => file.endsWith('.object'));
    expect(files.length).toBe(178);
    let fields = 0;
    let rules = 0;
    for (const file of files) {
      const object = parseCustomObjectWithChildren({ file, fullName: basename(file, '.object'), text: read(file) });
      fields += object.fields.length;
      rules += object.validationRules.length;
      for (const field of object.fields) expect(field.source.line, `${file} ${field.name}`).toBeGreaterThan(0);
      for (const rule of object.validationRules) expect(rule.source.line, `${file} ${rule.name}`).toBeGreaterThan(0);
    }
    expect(fields).toBeGreaterThan(500);
    expect(rules).toBeGreaterThan(0);
  });

  it('reads kinds of real objects: a custom setting, custom metadata and a standard object', () => {
    const mdapi = 'SalesforceFoundation__NPSP__mdapi/src/objects';
    const kindOf = (name: string): string =>
      parseCustomObjectWithChildren({ file: name, fullName: name, text: read(`${mdapi}/${name}.object`) }).kind;
    expect(kindOf('Levels_Settings__c')).toBe('custom-setting');
    expect(kindOf('Filter_Group__mdt')).toBe('custom-metadata');
    expect(kindOf('Opportunity')).toBe('standard');
  });

  it('reads NPSP Level__c the same in both formats (fields and validation rule)', () => {
    const mdapi = parseCustomObjectWithChildren({
      file: 'Level__c.object',
      fullName: 'Level__c',
      text: read('SalesforceFoundation__NPSP__mdapi/src/objects/Level__c.object'),
    });
    const sourceDir = 'SalesforceFoundation__NPSP/force-app/main/default/objects/Level__c';
    const sourceObject = parseCustomObject({ file: 'x', fullName: 'Level__c', text: read(`${sourceDir}/Level__c.object-meta.xml`) });
    const sourceFields = (readdirSync(join(corpusDir, sourceDir, 'fields')) as string[]).map((name) =>
      parseCustomField({ file: name, fullName: `Level__c.${basename(name, '.field-meta.xml')}`, text: read(`${sourceDir}/fields/${name}`) }),
    );
    const rule = parseValidationRule({
      file: 'x',
      fullName: 'Level__c.Target_Required',
      text: read(`${sourceDir}/validationRules/Target_Required.validationRule-meta.xml`),
    });

    const { source: _a, fields: _f, validationRules: _v, ...mdapiObject } = mdapi;
    const { source: _b, ...sourceObjectRest } = sourceObject;
    expect(mdapiObject).toEqual(sourceObjectRest);
    const strip = <T extends { source: unknown }>(item: T): Omit<T, 'source'> => {
      const { source: _s, ...rest } = item;
      return rest;
    };
    const byName = (left: { name: string }, right: { name: string }): number => left.name.localeCompare(right.name);
    expect(mdapi.fields.map(strip).sort(byName)).toEqual(sourceFields.map(strip).sort(byName));
    expect(mdapi.validationRules.map(strip)).toEqual([strip(rule)]);
    expect(rule.references.fields).toEqual(['Target__c']);
  });
});

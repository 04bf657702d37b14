import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCustomField } from '../../../src/metadata/objects/custom-field.js';
import type { ParseInput } from '../../../src/metadata/parse-input.js';
import { corpusDir, fixturesDir } from '../../helpers/paths.js';
import { hasCorpus } from '../../helpers/corpus.js';

const dir = join(fixturesDir, 'parsers', 'custom-field');

/** Fixtures are named `Object.Field.field-meta.xml`, which is also SDR's full name. */
function fixture(fullName: string): ParseInput {
  const file = `fixtures/parsers/custom-field/${fullName}.field-meta.xml`;
  return { file, fullName, text: readFileSync(join(dir, `${fullName}.field-meta.xml`), 'utf8') };
}

describe('parseCustomField', () => {
  it('reads a currency field with every data classification tag', () => {
    const field = parseCustomField(fixture('Account.Credit_Limit__c'));
    expect(field).toEqual({
      object: 'Account',
      name: 'Credit_Limit__c',
      fullName: 'Account.Credit_Limit__c',
      custom: true,
      type: 'Currency',
      label: 'Credit Limit',
      description: 'Credit limit granted by Finance. Owned by the ERP.',
      inlineHelpText: 'Maintained by the ERP nightly sync; do not edit by hand.',
      externalId: false,
      unique: false,
      required: false,
      referenceTo: [],
      classification: {
        businessOwnerGroup: 'Finance',
        businessOwnerUser: 'cfo@acme.example.com',
        businessStatus: 'Active',
        securityClassification: 'Confidential',
        complianceGroup: 'PII;GDPR',
      },
      source: { file: 'fixtures/parsers/custom-field/Account.Credit_Limit__c.field-meta.xml', line: 2 },
    });
  });

  it('reads an external ID text field', () => {
    const field = parseCustomField(fixture('Account.ERP_Id__c'));
    expect(field).toMatchObject({ type: 'Text', externalId: true, unique: true, required: true, custom: true });
    expect(field.relationship).toBeUndefined();
    expect(field.classification).toEqual({});
  });

  it('keeps a number default value as written ("00123")', () => {
    const field = parseCustomField(fixture('Account.Branch_Number__c'));
    expect(field.type).toBe('Number');
    expect(field.defaultValue).toBe('00123');
  });

  it('reads a lookup', () => {
    const field = parseCustomField(fixture('Contact.Referred_By_Account__c'));
    expect(field).toMatchObject({
      object: 'Contact',
      fullName: 'Contact.Referred_By_Account__c',
      type: 'Lookup',
      referenceTo: ['Account'],
      relationshipName: 'Referred_Contacts',
      relationship: 'lookup',
    });
  });

  it('reads an external lookup as a lookup', () => {
    const field = parseCustomField(fixture('Account.Parent_Region__c'));
    expect(field.relationship).toBe('lookup');
    expect(field.referenceTo).toEqual(['Region__x']);
  });

  it('reads a master-detail', () => {
    const field = parseCustomField(fixture('Invoice_Line__c.Invoice__c'));
    expect(field).toMatchObject({
      object: 'Invoice_Line__c',
      name: 'Invoice__c',
      type: 'MasterDetail',
      referenceTo: ['Invoice__c'],
      relationshipName: 'Invoice_Lines',
      relationship: 'master-detail',
    });
  });

  it('reads a roll-up summary (SUM) with its child object', () => {
    const field = parseCustomField(fixture('Invoice__c.Total_Amount__c'));
    expect(field.type).toBe('Summary');
    expect(field.rollup).toEqual({
      summarizedField: 'Invoice_Line__c.Amount__c',
      summaryForeignKey: 'Invoice_Line__c.Invoice__c',
      operation: 'sum',
      childObject: 'Invoice_Line__c',
    });
  });

  it('reads a COUNT roll-up (no summarized field) and lower-cases the operation', () => {
    const field = parseCustomField(fixture('Invoice__c.Line_Count__c'));
    expect(field.rollup).toEqual({ summaryForeignKey: 'Invoice_Line__c.Invoice__c', operation: 'count', childObject: 'Invoice_Line__c' });
  });

  it('decodes entities in a formula (&amp;&amp;, &gt;, &quot;)', () => {
    const field = parseCustomField(fixture('Account.Is_Key_Account__c'));
    expect(field.formula).toBe('AnnualRevenue > 1000000 && ISPICKVAL(Rating, "Hot") && Owner.IsActive');
    expect(field.type).toBe('Checkbox');
  });

  it('reads a standard field file as not custom', () => {
    const field = parseCustomField(fixture('Account.Industry'));
    expect(field).toMatchObject({ name: 'Industry', fullName: 'Account.Industry', custom: false, type: 'Picklist', externalId: false });
    expect(field.label).toBeUndefined();
  });

  it('falls back to the file <fullName> when the component name has no object', () => {
    const field = parseCustomField({ ...fixture('Account.ERP_Id__c'), fullName: '' });
    expect(field).toMatchObject({ object: '', name: 'ERP_Id__c', fullName: 'ERP_Id__c' });
  });

  it('throws on a wrong root element', () => {
    expect(() =>
      parseCustomField({ file: 'x.field-meta.xml', fullName: 'Account.X__c', text: '<?xml version="1.0"?><CustomObject><label>X</label></CustomObject>' }),
    ).toThrow(/expected root element <CustomField>, found <CustomObject>/);
  });

  it('throws on malformed XML', () => {
    expect(() =>
      parseCustomField({ file: 'x.field-meta.xml', fullName: 'Account.X__c', text: '<CustomField><label>X</CustomField>' }),
    ).toThrow(/Expected closing tag 'label'/);
    expect(() => parseCustomField({ file: 'x.field-meta.xml', fullName: 'Account.X__c', text: '   ' })).toThrow(/empty/);
  });
});

describe.runIf(hasCorpus)('parseCustomField on the real corpus', () => {
  const files = (readdirSync(corpusDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.field-meta.xml')).sort();

  const inputOf = (relative: string): ParseInput => {
    const object = basename(dirname(dirname(relative)));
    const name = basename(relative, '.field-meta.xml');
    return { file: relative, fullName: `${object}.${name}`, text: readFileSync(join(corpusDir, relative), 'utf8') };
  };

  it('parses every .field-meta.xml without throwing', () => {
    expect(files.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const file of files) {
      try {
        const field = parseCustomField(inputOf(file));
        if (!field.name || !field.object) failures.push(`${file}: no name/object`);
      } catch (error) {
        failures.push(`${file}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('reads the classification tags of a Technology-Transfer-Starter external ID field', () => {
    const field = parseCustomField(
      inputOf('SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/objects/TTS_Technology__c/fields/IP_External_Reference__c.field-meta.xml'),
    );
    expect(field).toMatchObject({
      fullName: 'TTS_Technology__c.IP_External_Reference__c',
      type: 'Text',
      label: 'External Reference',
      externalId: true,
      unique: true,
      classification: { businessStatus: 'Active', securityClassification: 'Internal' },
    });
  });

  it('reads a Technology-Transfer-Starter roll-up summary', () => {
    const field = parseCustomField(
      inputOf('SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/objects/TTS_Technology__c/fields/IP_Total_Percentage_Share__c.field-meta.xml'),
    );
    expect(field.rollup).toEqual({
      summarizedField: 'TTS_Inventor__c.Percentage_Share__c',
      summaryForeignKey: 'TTS_Inventor__c.IP_Contribution__c',
      operation: 'sum',
      childObject: 'TTS_Inventor__c',
    });
  });

  it('finds the corpus-wide counts of external IDs, master-details and roll-ups', () => {
    const fields = files.map((file) => parseCustomField(inputOf(file)));
    const count = (predicate: (field: (typeof fields)[number]) => boolean): number => fields.filter(predicate).length;
    expect(count((field) => field.relationship === 'master-detail')).toBe(24);
    expect(count((field) => field.rollup !== undefined)).toBe(12);
    expect(count((field) => field.externalId)).toBe(22);
    expect(count((field) => field.classification.securityClassification !== undefined)).toBeGreaterThan(0);
  });
});

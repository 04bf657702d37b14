import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePermissionSetGroup } from '../../../src/metadata/permissions/permission-set-group.js';
import { corpusDir, fixturesDir } from '../../helpers/paths.js';
import { hasCorpus } from '../../helpers/corpus.js';

const file = 'fixtures/parsers/permission-set-group/Sales_Bundle.permissionsetgroup-meta.xml';
const text = readFileSync(join(fixturesDir, 'parsers', 'permission-set-group', 'Sales_Bundle.permissionsetgroup-meta.xml'), 'utf8');

describe('parsePermissionSetGroup', () => {
  it('reads a group with sorted permission sets and muting permission sets', () => {
    expect(parsePermissionSetGroup({ file, fullName: 'Sales_Bundle', text })).toEqual({
      name: 'Sales_Bundle',
      label: 'Sales Bundle',
      description: 'Everything a sales rep needs',
      status: 'Updated',
      permissionSets: ['Integration_Access', 'Sales_Rep_Access'],
      mutingPermissionSets: ['Sales_Bundle_Muting'],
      source: { file, line: 2 },
    });
  });

  it('reads an empty group', () => {
    const group = parsePermissionSetGroup({ file: 'x', fullName: 'Empty', text: '<PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata"><label>Empty</label></PermissionSetGroup>' });
    expect(group).toMatchObject({ name: 'Empty', label: 'Empty', permissionSets: [], mutingPermissionSets: [] });
    expect(group.status).toBeUndefined();
  });

  it('throws on a wrong root element and on malformed XML', () => {
    expect(() => parsePermissionSetGroup({ file: 'x', fullName: 'X', text: text.replace(/PermissionSetGroup/g, 'PermissionSet') })).toThrow(
      'expected root element <PermissionSetGroup>, found <PermissionSet>',
    );
    expect(() => parsePermissionSetGroup({ file: 'x', fullName: 'X', text: text.replace('</label>', '') })).toThrow(/Expected closing tag 'label'/);
  });

  it('parses every .permissionsetgroup-meta.xml found under a folder (the fixtures have one, the real corpus none)', () => {
    const parseAllIn = (dir: string): string[] =>
      (readdirSync(dir, { recursive: true }) as string[])
        .filter((name) => name.endsWith('.permissionsetgroup-meta.xml'))
        .map((name) => parsePermissionSetGroup({ file: name, fullName: basename(name, '.permissionsetgroup-meta.xml'), text: readFileSync(join(dir, name), 'utf8') }).name);
    expect(parseAllIn(join(fixturesDir, 'parsers', 'permission-set-group'))).toEqual(['Sales_Bundle']);
    if (hasCorpus) expect(() => parseAllIn(corpusDir)).not.toThrow();
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseMutingPermissionSet,
  parsePermissionContainerWithTree,
  parsePermissionSet,
  parseProfile,
} from '../../../src/metadata/permissions/permission-container.js';
import type { ParseInput } from '../../../src/metadata/parse-input.js';
import type { PermissionContainerKind } from '../../../src/metadata/model.js';
import { corpusDir, fixturesDir } from '../../helpers/paths.js';
import { hasCorpus } from '../../helpers/corpus.js';

function fixture(folder: string, fileName: string, fullName: string): ParseInput {
  const file = `fixtures/parsers/${folder}/${fileName}`;
  return { file, fullName, text: readFileSync(join(fixturesDir, 'parsers', folder, fileName), 'utf8') };
}

const none = { create: false, read: false, edit: false, delete: false, viewAll: false, modifyAll: false };

describe('parsePermissionSet', () => {
  const input = fixture('permission-set', 'Integration_Access.permissionset-meta.xml', 'Integration_Access');
  const set = parsePermissionSet(input);

  it('reads a permission set, keeping only what it grants, sorted', () => {
    expect(set).toEqual({
      kind: 'PermissionSet',
      name: 'Integration_Access',
      label: 'Integration Access',
      description: 'API user for the ERP & billing sync <nightly>',
      license: 'Salesforce API Integration',
      userPermissions: ['ApiEnabled', 'ModifyAllData'],
      objectPermissions: [
        { object: 'Account', create: true, read: true, edit: true, delete: false, viewAll: true, modifyAll: true },
        { ...none, object: 'Invoice__c', read: true },
      ],
      fieldPermissions: [
        { field: 'Account.Credit_Limit__c', readable: true, editable: true },
        { field: 'Account.ERP_Id__c', readable: true, editable: false },
      ],
      classAccess: ['AccountSelector', 'ErpSyncService'],
      tabCount: 1,
      source: { file: 'fixtures/parsers/permission-set/Integration_Access.permissionset-meta.xml', line: 2 },
    });
    expect(set.custom).toBeUndefined();
  });

  it('reads the same through the tree-based reader', () => {
    expect(parsePermissionContainerWithTree('PermissionSet', input)).toEqual(set);
  });

  it('falls back to the older <userLicense> element of a permission set', () => {
    const legacy = parsePermissionSet({
      file: 'x',
      fullName: 'Legacy',
      text: '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>Legacy</label><userLicense>Salesforce</userLicense></PermissionSet>',
    });
    expect(legacy).toMatchObject({ name: 'Legacy', label: 'Legacy', license: 'Salesforce', userPermissions: [], tabCount: 0 });
  });

  it('throws on a wrong root element and on malformed XML', () => {
    expect(() => parsePermissionSet({ ...input, text: input.text.replace(/PermissionSet/g, 'Profile') })).toThrow(
      'expected root element <PermissionSet>, found <Profile>',
    );
    expect(() => parsePermissionSet({ ...input, text: input.text.replace('</classAccesses>', '') })).toThrow(/malformed XML: expected <\/classAccesses>/);
  });
});

describe('parseProfile', () => {
  const input = fixture('profile', 'Sales_Rep.profile-meta.xml', 'Sales Rep');
  const profile = parseProfile(input);

  it('reads a profile and merges duplicate entries (OR of grants) without double counting', () => {
    expect(profile).toEqual({
      kind: 'Profile',
      name: 'Sales Rep',
      license: 'Salesforce',
      custom: true,
      userPermissions: ['ExportReport', 'RunReports'],
      objectPermissions: [
        { ...none, object: 'Account', create: true, read: true, edit: true },
        { ...none, object: 'Opportunity', create: true, read: true, edit: true, delete: true },
      ],
      fieldPermissions: [
        { field: 'Account.AnnualRevenue', readable: true, editable: false },
        { field: 'Account.Credit_Limit__c', readable: true, editable: true },
      ],
      classAccess: ['OpportunityService'],
      tabCount: 2,
      source: { file: 'fixtures/parsers/profile/Sales_Rep.profile-meta.xml', line: 2 },
    });
  });

  it('does not take a nested <description> (loginIpRanges) for the profile description', () => {
    expect(profile.description).toBeUndefined();
  });

  it('reads the same through the tree-based reader', () => {
    expect(parsePermissionContainerWithTree('Profile', input)).toEqual(profile);
  });

  it('handles CRLF, a BOM and whitespace in tags', () => {
    const variant = `\ufeff${input.text.replace(/\n/g, '\r\n').replace(/<fieldPermissions>/g, '<fieldPermissions >').replace(/<\/field>/g, '</field >')}`;
    const parsed = parseProfile({ ...input, text: variant });
    expect(parsed).toEqual(profile);
  });

  it('throws on a wrong root element, a DOCTYPE and malformed XML', () => {
    expect(() => parseProfile({ ...input, text: '<?xml version="1.0"?>\n<PermissionSet><label>x</label></PermissionSet>' })).toThrow(
      'expected root element <Profile>, found <PermissionSet>',
    );
    expect(() => parseProfile({ ...input, text: `<!DOCTYPE Profile>${input.text}` })).toThrow(/DOCTYPE declarations are refused/);
    expect(() => parseProfile({ ...input, text: input.text.slice(0, input.text.length / 2) })).toThrow(/malformed XML/);
  });
});

describe('parseMutingPermissionSet', () => {
  const input = fixture('muting-permission-set', 'Sales_Bundle_Muting.mutingpermissionset-meta.xml', 'Sales_Bundle_Muting');

  it('lists what is muted', () => {
    expect(parseMutingPermissionSet(input)).toEqual({
      kind: 'MutingPermissionSet',
      name: 'Sales_Bundle_Muting',
      label: 'Sales Bundle Muting',
      description: 'Mutes export and deletes inside the Sales bundle',
      userPermissions: ['ExportReport'],
      objectPermissions: [{ ...none, object: 'Account', delete: true, modifyAll: true }],
      fieldPermissions: [{ field: 'Account.Credit_Limit__c', readable: false, editable: true }],
      classAccess: [],
      tabCount: 0,
      source: { file: 'fixtures/parsers/muting-permission-set/Sales_Bundle_Muting.mutingpermissionset-meta.xml', line: 2 },
    });
    expect(parsePermissionContainerWithTree('MutingPermissionSet', input)).toEqual(parseMutingPermissionSet(input));
  });

  it('throws on a wrong root element and on malformed XML', () => {
    expect(() => parseMutingPermissionSet({ ...input, text: '<PermissionSet/>' })).toThrow('expected root element <MutingPermissionSet>, found <PermissionSet>');
    expect(() => parseMutingPermissionSet({ ...input, text: '<MutingPermissionSet><label>x</labl></MutingPermissionSet>' })).toThrow(
      'malformed XML: expected </label> but found </labl> at line 1',
    );
  });
});

describe.runIf(hasCorpus)('permission containers on the real corpus', () => {
  const all = (readdirSync(corpusDir, { recursive: true }) as string[]).sort();
  const cases: Array<{ file: string; kind: PermissionContainerKind; parse: (input: ParseInput) => ReturnType<typeof parseProfile> }> = [];
  for (const file of all) {
    if (/\.permissionset(-meta\.xml)?$/.test(file)) cases.push({ file, kind: 'PermissionSet', parse: parsePermissionSet });
    else if (/\.profile(-meta\.xml)?$/.test(file)) cases.push({ file, kind: 'Profile', parse: parseProfile });
    else if (/\.mutingpermissionset(-meta\.xml)?$/.test(file)) cases.push({ file, kind: 'MutingPermissionSet', parse: parseMutingPermissionSet });
  }
  const inputOf = (file: string): ParseInput => ({
    file,
    fullName: basename(file).replace(/\.(permissionset|profile|mutingpermissionset)(-meta\.xml)?$/, ''),
    text: readFileSync(join(corpusDir, file), 'utf8'),
  });

  it('finds the corpus files', () => {
    expect(cases.filter((entry) => entry.kind === 'PermissionSet')).toHaveLength(24);
    expect(cases.filter((entry) => entry.kind === 'Profile')).toHaveLength(19);
  });

  it('parses every profile and permission set, and agrees with the fast-xml-parser reading', () => {
    for (const { file, kind, parse } of cases) {
      const input = inputOf(file);
      const selective = parse(input);
      expect(selective.kind, file).toBe(kind);
      expect(selective, file).toEqual(parsePermissionContainerWithTree(kind, input));
    }
  });

  it('reads the Technology-Transfer-Starter Admin profile: ModifyAllData and its license', () => {
    const admin = parseProfile(inputOf('SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/profiles/Admin.profile-meta.xml'));
    expect(admin.userPermissions).toContain('ModifyAllData');
    expect(admin.userPermissions).toContain('ViewAllData');
    expect(admin.license).toBe('Salesforce');
    expect(admin.custom).toBe(false);
    expect(admin.fieldPermissions).toContainEqual({ field: 'TTS_Protection__c.Expiration_Date__c', readable: true, editable: true });
  });

  it('drops the big NPSP permission sets\' field entries that grant nothing', () => {
    // Edit_Donations lists 1,276 fieldPermissions, every one readable=false/editable=false.
    const edit = parsePermissionSet(inputOf('SalesforceFoundation__NPSP/unpackaged/config/trial_tso/permissionsets/Edit_Donations.permissionset'));
    expect(edit.fieldPermissions).toEqual([]);
    expect(edit.objectPermissions.length).toBeGreaterThan(0);
    // NPSP_Data_Import lists 1,156, of which 183 are readable.
    const dataImport = parsePermissionSet(inputOf('SalesforceFoundation__NPSP/unpackaged/config/trial_tso/permissionsets/NPSP_Data_Import.permissionset'));
    expect(dataImport.fieldPermissions).toHaveLength(183);
    const fields = dataImport.fieldPermissions.map((entry) => entry.field);
    expect(fields).toEqual([...fields].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0)));
  });

  it('counts the Technology-Transfer-Starter Admin profile user permissions', () => {
    const admin = parseProfile(inputOf('SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/profiles/Admin.profile-meta.xml'));
    expect(admin.userPermissions).toHaveLength(187);
  });
});

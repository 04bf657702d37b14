import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshot, readSnapshotFile } from '../../src/permissions/snapshot-file.js';
import { diffSnapshots, type PermissionSnapshot, SNAPSHOT_KIND, SNAPSHOT_VERSION, serializeSnapshot } from '../../src/permissions/snapshot.js';
import { review } from '../../src/review/review.js';
import { type DxFile, customObject, permissionContainer, permissionSetGroup, sorField, writePolicy, writeProject } from '../helpers/dx-project.js';
import { fixturesDir } from '../helpers/paths.js';

const POLICY = 'systems:\n  erp:\n    owns: ["Order__c.ERP_*"]\n    integration:\n      permissionSets: [ERP_Sync]\n';

/** A small project with every kind of principal and grant, in source format. */
const FILES: DxFile[] = [
  ...customObject('Order__c', [sorField('ERP_Number__c'), sorField('Notes__c')]),
  permissionContainer('PermissionSet', 'ERP_Sync', {
    description: 'Integration user: ERP middleware.',
    userPermissions: ['ApiEnabled', 'ViewAllData'],
    objects: { Order__c: { create: true, edit: true, delete: true }, Account: { viewAll: true } },
    fields: { 'Order__c.ERP_Number__c': 'edit', 'Order__c.Notes__c': 'read' },
    classes: ['OrderService'],
  }),
  permissionContainer('PermissionSet', 'Order_Reader', { objects: { Order__c: { read: true } }, userPermissions: ['ExportReport'] }),
  permissionContainer('MutingPermissionSet', 'Warehouse_Bundle_Muting', { userPermissions: ['ExportReport'] }),
  permissionSetGroup('Warehouse_Bundle', { permissionSets: ['Order_Reader', 'ERP_Sync'], mutingPermissionSets: ['Warehouse_Bundle_Muting'], description: 'What the warehouse sync needs.' }),
  permissionContainer('Profile', 'Warehouse API', { license: 'Salesforce Integration', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
];

async function snapshotOf(baseDir: string, sourceDirs: string[] = []): Promise<string> {
  const { permissionSnapshot } = await review({ baseDir, sourceDirs, asOf: '2026-11-23' });
  return serializeSnapshot(permissionSnapshot());
}

/** The same project in metadata API format: no -meta.xml, objects as one .object file, a package.xml. */
function asMetadataApi(): string {
  const root = mkdtempSync(join(tmpdir(), 'arch-review-mdapi-'));
  const src = join(root, 'src');
  const write = (path: string, text: string): void => {
    mkdirSync(join(src, path, '..'), { recursive: true });
    writeFileSync(join(src, path), text);
  };
  for (const [path, xml] of FILES) {
    if (path.startsWith('objects/')) continue;
    write(path.replace(/-meta\.xml$/, ''), xml);
  }
  const field = (name: string): string => `    <fields>\n        <fullName>${name}</fullName>\n        <label>${name}</label>\n        <length>80</length>\n        <type>Text</type>\n    </fields>`;
  write(
    'objects/Order__c.object',
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n${field('ERP_Number__c')}\n${field('Notes__c')}\n    <label>Order__c</label>\n    <pluralLabel>Order__cs</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n`,
  );
  const types: Array<[string, string[]]> = [
    ['CustomObject', ['Order__c']],
    ['MutingPermissionSet', ['Warehouse_Bundle_Muting']],
    ['PermissionSet', ['ERP_Sync', 'Order_Reader']],
    ['PermissionSetGroup', ['Warehouse_Bundle']],
    ['Profile', ['Warehouse API']],
  ];
  write(
    'package.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types
      .map(([type, members]) => `    <types>\n${members.map((member) => `        <members>${member}</members>`).join('\n')}\n        <name>${type}</name>\n    </types>`)
      .join('\n')}\n    <version>62.0</version>\n</Package>\n`,
  );
  writePolicy(root, POLICY);
  return root;
}

describe('permission snapshots', () => {
  it('are byte-identical across two runs, and across source and metadata API format of the same project', async () => {
    const source = writeProject(FILES);
    writePolicy(source, POLICY);
    const first = await snapshotOf(source);
    expect(await snapshotOf(source)).toBe(first);
    expect(await snapshotOf(asMetadataApi(), ['src'])).toBe(first);
    // No dates, no paths: only what integrations may do.
    expect(first).not.toMatch(/force-app|\d{4}-\d{2}-\d{2}/);
  });

  it('list each principal with its audited grants, one per line, sources included', async () => {
    const root = writeProject(FILES);
    writePolicy(root, POLICY);
    const text = await snapshotOf(root);
    const snapshot = JSON.parse(text) as PermissionSnapshot;
    expect(snapshot.kind).toBe(SNAPSHOT_KIND);
    expect(snapshot.snapshotVersion).toBe(SNAPSHOT_VERSION);
    expect(snapshot.principals.map((principal) => `${principal.id} ${principal.origin} ${principal.system ?? '-'}`)).toEqual([
      'PermissionSet:ERP_Sync declared erp',
      'PermissionSetGroup:Warehouse_Bundle detected -',
      'Profile:Warehouse API detected -',
    ]);
    const group = snapshot.principals[1]!;
    // Muted ExportReport is gone; field reads and class access are not audited.
    expect(group.grants.map((grant) => `${grant.kind} ${grant.key} ${grant.access}`)).toEqual([
      'user-permission ApiEnabled enabled',
      'user-permission ViewAllData enabled',
      'object Account read',
      'object Account viewAll',
      'object Order__c create',
      'object Order__c read',
      'object Order__c edit',
      'object Order__c delete',
      'field Order__c.ERP_Number__c edit',
    ]);
    expect(group.grants.find((grant) => grant.key === 'Order__c' && grant.access === 'read')!.sources).toEqual([
      'PermissionSetGroup:Warehouse_Bundle > PermissionSet:ERP_Sync',
      'PermissionSetGroup:Warehouse_Bundle > PermissionSet:Order_Reader',
    ]);
    expect(text).toContain(
      '        {"kind": "user-permission", "key": "ViewAllData", "access": "enabled", "sources": ["PermissionSetGroup:Warehouse_Bundle > PermissionSet:ERP_Sync"]},\n',
    );
  });

  it('diff by what a grant is, not where it comes from', () => {
    const base: PermissionSnapshot = {
      kind: SNAPSHOT_KIND,
      snapshotVersion: SNAPSHOT_VERSION,
      principals: [
        { id: 'PermissionSet:A', type: 'PermissionSet', name: 'A', origin: 'declared', grants: [{ kind: 'object', key: 'Order__c', access: 'read', sources: ['PermissionSet:A'] }] },
        { id: 'PermissionSet:Gone', type: 'PermissionSet', name: 'Gone', origin: 'detected', grants: [] },
      ],
    };
    const now: PermissionSnapshot = {
      ...base,
      principals: [
        {
          id: 'PermissionSet:A',
          type: 'PermissionSet',
          name: 'A',
          origin: 'declared',
          grants: [
            { kind: 'object', key: 'order__c', access: 'read', sources: ['PermissionSetGroup:G > PermissionSet:A'] },
            { kind: 'user-permission', key: 'ModifyAllData', access: 'enabled', sources: ['PermissionSet:A'] },
          ],
        },
        { id: 'Profile:New', type: 'Profile', name: 'New', origin: 'detected', grants: [] },
      ],
    };
    expect(diffSnapshots(base, now).map((change) => `${change.id} ${change.status} +${change.added.map((grant) => grant.key).join(',')} -${change.removed.length}`)).toEqual([
      'PermissionSet:A changed +ModifyAllData -0',
      'PermissionSet:Gone gone + -0',
      'Profile:New new + -0',
    ]);
  });
});

describe('reading a baseline', () => {
  const snapshot = (version: number): string => JSON.stringify({ kind: SNAPSHOT_KIND, snapshotVersion: version, principals: [] });

  it('reads a snapshot it wrote', () => {
    const root = mkdtempSync(join(tmpdir(), 'arch-review-snap-'));
    writeFileSync(join(root, 'perms.json'), snapshot(SNAPSHOT_VERSION));
    expect(readSnapshotFile(root, 'perms.json')).toEqual({ file: 'perms.json', snapshot: JSON.parse(snapshot(SNAPSHOT_VERSION)) as unknown });
  });

  it('fails clearly on a future version, an old one, a foreign file, bad JSON, a bad grant and a missing file', () => {
    expect(() => parseSnapshot(snapshot(SNAPSHOT_VERSION + 1), 'audit/perms.json')).toThrow(
      `The permission baseline audit/perms.json was written by a newer sf-arch-review (snapshot version ${SNAPSHOT_VERSION + 1}; this version reads ${SNAPSHOT_VERSION}).`,
    );
    expect(() => parseSnapshot(snapshot(0), 'audit/perms.json')).toThrow(/audit\/perms\.json has the old snapshot version 0/);
    expect(() => parseSnapshot(JSON.stringify({ schemaVersion: '2', findings: [] }), 'report.json')).toThrow('The permission baseline report.json is a saved review report, not a permission snapshot.');
    expect(() => parseSnapshot('{"name": "x"}', 'other.json')).toThrow('other.json is not a permission snapshot of sf-arch-review');
    expect(() => parseSnapshot('{', 'broken.json')).toThrow(/broken\.json is not JSON/);
    const badGrant = JSON.stringify({ kind: SNAPSHOT_KIND, snapshotVersion: SNAPSHOT_VERSION, principals: [{ id: 'PermissionSet:A', name: 'A', grants: [{ kind: 'x' }] }] });
    expect(() => parseSnapshot(badGrant, 'p.json')).toThrow('principals[0].grants[0] is not a grant');
    expect(() => readSnapshotFile(fixturesDir, 'no-such.json')).toThrow('The permission baseline no-such.json does not exist.');
    try {
      parseSnapshot(snapshot(SNAPSHOT_VERSION + 1), 'audit/perms.json');
    } catch (error) {
      expect((error as { exitCode?: number; actions?: string[] }).exitCode).toBe(2);
      expect((error as { actions?: string[] }).actions?.join(' ')).toContain('--save-snapshot');
    }
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files, planBatches } from '../../src/org/batches.js';
import type { Member } from '../../src/org/inventory.js';
import { retrieveOrg } from '../../src/org/index.js';
import type { OrgSnapshot } from '../../src/org/types.js';
import { loadModel } from '../../src/review/review.js';
import { ACME_SOURCE, startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import { trimProfile } from '../helpers/fake-org/profile-quirk.js';
import { repoRoot } from '../helpers/paths.js';
import { modelCounts } from './model-counts.js';

const member = (type: string, fullName: string, size = 1): Member => ({ type, fullName, files: size });

describe('planBatches', () => {
  it('keeps a retrieve that fits in one batch', () => {
    const members = [member('CustomObject', 'Account'), member('Profile', 'Admin')];
    expect(planBatches(members, 10)).toEqual([members]);
    expect(planBatches([], 10)).toEqual([]);
  });

  it('puts the permission containers in every batch and stays under the limit', () => {
    const objects = Array.from({ length: 25 }, (_, index) => member('CustomObject', `Object${index}__c`));
    const classes = Array.from({ length: 10 }, (_, index) => member('ApexClass', `Class${index}`, 2));
    const containers = [member('Profile', 'Admin'), member('PermissionSet', 'Ops'), member('MutingPermissionSet', 'Mute')];
    const batches = planBatches([...objects, ...classes, ...containers], 20);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) {
      expect(files(batch)).toBeLessThanOrEqual(20);
      expect(batch).toEqual(expect.arrayContaining(containers));
    }
    const rest = batches.flatMap((batch) => batch.filter((one) => !containers.includes(one)));
    expect(rest).toEqual([...objects, ...classes]);
  });

  it('splits the permission containers too when they take more than half the limit, pairing every part with every other part', () => {
    const profiles = Array.from({ length: 12 }, (_, index) => member('Profile', `Profile${index}`));
    const objects = Array.from({ length: 12 }, (_, index) => member('CustomObject', `Object${index}__c`));
    const batches = planBatches([...objects, ...profiles], 10);
    for (const batch of batches) expect(files(batch)).toBeLessThanOrEqual(10);
    // Every profile meets every object in some batch, so its permissions are complete once merged.
    for (const profile of profiles) {
      for (const object of objects) expect(batches.some((batch) => batch.includes(profile) && batch.includes(object))).toBe(true);
    }
  });
});

describe('the fake org keeps the Metadata API profile quirk', () => {
  it('returns only the permissions for objects and classes retrieved with the profile', () => {
    const xml = [
      '<Profile>',
      '    <classAccesses><apexClass>Kept</apexClass><enabled>true</enabled></classAccesses>',
      '    <classAccesses><apexClass>Dropped</apexClass><enabled>true</enabled></classAccesses>',
      '    <fieldPermissions><editable>true</editable><field>Account.A__c</field><readable>true</readable></fieldPermissions>',
      '    <fieldPermissions><editable>true</editable><field>Case.B__c</field><readable>true</readable></fieldPermissions>',
      '    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>',
      '</Profile>',
    ].join('\n');
    const trimmed = trimProfile(xml, { objects: new Set(['Account']), classes: new Set(['Kept']) });
    expect(trimmed).toContain('Account.A__c');
    expect(trimmed).not.toContain('Case.B__c');
    expect(trimmed).toContain('Kept');
    expect(trimmed).not.toContain('Dropped');
    expect(trimmed).toContain('ApiEnabled');
  });
});

describe('a large org, retrieved in batches', () => {
  let acme: AcmeOrg;
  let project: string;
  let snapshot: OrgSnapshot;
  const LIMIT = 30;

  beforeAll(async () => {
    // The fake refuses more than 30 files per retrieve, as a real org refuses more than 10,000.
    acme = await startAcmeOrg({ metadata: { maxFilesPerRetrieve: LIMIT } });
    project = mkdtempSync(join(tmpdir(), 'arch-review-batches-'));
    snapshot = await retrieveOrg({ org: acme.org, projectDir: project, useCache: false, pollIntervalMs: 20, maxFilesPerRetrieve: LIMIT, retry: { baseDelayMs: 10 } });
  });
  afterAll(() => acme.fake.close());

  it('sends several retrieves, each under the limit, each with the profiles', () => {
    const retrieves = acme.fake.metadataApi.retrieves;
    expect(retrieves.length).toBeGreaterThan(2);
    for (const retrieve of retrieves) expect(retrieve.Profile).toEqual(['Acme Sales User', 'SAP Integration Profile']);
    expect(snapshot.componentFailures).toEqual([]);
  });

  it('merges the batches into the same model as the local sample, profile permissions complete', async () => {
    const local = await loadModel({ baseDir: repoRoot, sourceDirs: [ACME_SOURCE] });
    const remote = await loadModel({ baseDir: project, sourceDirs: [snapshot.sourceDir] });
    expect(remote.parseIssues).toEqual([]);
    expect(modelCounts(remote)).toEqual(modelCounts(local));
    const localProfile = local.profiles.find((profile) => profile.name === 'SAP Integration Profile')!;
    const remoteProfile = remote.profiles.find((profile) => profile.name === 'SAP Integration Profile')!;
    expect(remoteProfile.fieldPermissions).toEqual(localProfile.fieldPermissions);
    expect(remoteProfile.objectPermissions).toEqual(localProfile.objectPermissions);
    expect(remoteProfile.userPermissions).toEqual(localProfile.userPermissions);
  });
});

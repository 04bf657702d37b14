// What the snapshot says it does not cover: hidden managed code, flows whose active version is not the
// latest, types the org does not offer, and packages read without the tooling API.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieveOrg } from '../../src/org/index.js';
import type { OrgSnapshot } from '../../src/org/types.js';
import { acmeStore, startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import { flowDefinitionRecords } from '../helpers/fake-org/sample-records.js';

describe('what an org retrieve cannot cover', () => {
  let acme: AcmeOrg;
  let snapshot: OrgSnapshot;

  beforeAll(async () => {
    const store = await acmeStore();
    store.add({ type: 'Flow', fullName: 'acmebill__Sync_Invoices', files: [], namespacePrefix: 'acmebill', manageableState: 'installed' });
    store.add({ type: 'ApexTrigger', fullName: 'acmebill__InvoiceTrigger', files: [], namespacePrefix: 'acmebill', manageableState: 'installed' });
    const definitions = flowDefinitionRecords(store).map((record) =>
      record.DeveloperName === 'Account_Before_Save_Defaults' ? { ...record, ActiveVersion: { VersionNumber: 2 }, LatestVersion: { VersionNumber: 3 } } : record,
    );
    acme = await startAcmeOrg({
      store,
      // No InstalledSubscriberPackage: the user has no tooling access to it.
      toolingRecords: { FlowDefinition: definitions },
      records: { User: [], PermissionSetAssignment: [], PackageLicense: [{ attributes: { type: 'PackageLicense' }, NamespacePrefix: 'acmebill', Status: 'Active' }] },
      metadata: { unofferedTypes: ['DuplicateRule'] },
    });
    snapshot = await retrieveOrg({ org: acme.org, projectDir: mkdtempSync(join(tmpdir(), 'arch-review-coverage-')), useCache: false, pollIntervalMs: 20, retry: { baseDelayMs: 10 } });
  });
  afterAll(() => acme.fake.close());

  it('lists managed flows and Apex as hidden, and does not ask for them', () => {
    expect(snapshot.notRetrievable).toEqual(
      expect.arrayContaining([
        { type: 'Flow', fullName: 'acmebill__Sync_Invoices', reason: expect.stringContaining('managed package acmebill') as string },
        { type: 'ApexTrigger', fullName: 'acmebill__InvoiceTrigger', reason: expect.stringContaining('managed package acmebill') as string },
      ]),
    );
    const requested = acme.fake.metadataApi.retrieves.flatMap((retrieve) => Object.values(retrieve).flat());
    expect(requested.filter((name) => name.startsWith('acmebill__'))).toEqual([]);
  });

  it('says which flow is read at its latest version while an older one is active', () => {
    expect(snapshot.notRetrievable).toContainEqual({
      type: 'Flow',
      fullName: 'Account_Before_Save_Defaults',
      reason: 'version 2 is active but the Metadata API returns the latest, version 3: the review reads version 3',
    });
  });

  it('lists a type the org does not offer', () => {
    expect(snapshot.notRetrievable).toContainEqual({ type: 'DuplicateRule', fullName: '*', reason: 'the org does not offer DuplicateRule at API version 62.0' });
  });

  it('falls back to PackageLicense without the tooling API, and says so', () => {
    expect(snapshot.installedPackages).toEqual([{ namespace: 'acmebill', name: 'acmebill', version: '' }]);
    expect(snapshot.warnings).toEqual([expect.stringContaining('PackageLicense')]);
  });
});

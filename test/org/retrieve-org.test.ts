import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieveOrg } from '../../src/org/index.js';
import type { OrgSnapshot, ProgressStage } from '../../src/org/types.js';
import { loadModel } from '../../src/review/review.js';
import { ACME_SOURCE, startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import { SAMPLE_PACKAGE, SAMPLE_USERS } from '../helpers/fake-org/sample-records.js';
import { FAKE_TOKEN } from '../helpers/fake-org/server.js';
import { repoRoot } from '../helpers/paths.js';
import { modelCounts } from './model-counts.js';

describe('retrieveOrg against the fake org serving the sample', () => {
  let acme: AcmeOrg;
  let project: string;
  let snapshot: OrgSnapshot;
  const progress: Array<[ProgressStage, string]> = [];

  beforeAll(async () => {
    // Two records a page: 5 users come in 3 pages.
    acme = await startAcmeOrg({ pageSize: 2 });
    acme.store.add({ type: 'ApexClass', fullName: 'acmebill__InvoiceSync', files: [], namespacePrefix: 'acmebill', manageableState: 'installed' });
    project = mkdtempSync(join(tmpdir(), 'arch-review-org-'));
    snapshot = await retrieveOrg({
      org: acme.org,
      projectDir: project,
      useCache: false,
      pollIntervalMs: 20,
      retry: { baseDelayMs: 10 },
      onProgress: (stage, detail) => progress.push([stage, detail]),
    });
  });
  afterAll(() => acme.fake.close());

  it('loads into the same model as the local sample', async () => {
    const local = await loadModel({ baseDir: repoRoot, sourceDirs: [ACME_SOURCE] });
    const remote = await loadModel({ baseDir: project, sourceDirs: [snapshot.sourceDir] });
    expect(remote.parseIssues).toEqual([]);
    expect(modelCounts(remote)).toEqual(modelCounts(local));
    expect(remote.objects.length).toBe(9);
    expect(remote.flows.length).toBe(16);
  });

  it('describes the org it read', () => {
    expect(snapshot.org).toMatchObject({ id: acme.fake.orgId, instanceUrl: acme.fake.url, username: acme.fake.username, apiVersion: '62.0' });
    expect(Date.parse(snapshot.org.retrievedAt)).not.toBeNaN();
    expect(snapshot.fromCache).toBe(false);
    expect(snapshot.sourceDir).toBe(join(project, '.sfdx', 'arch-review', acme.fake.orgId, 'metadata'));
    expect(snapshot.componentCounts).toMatchObject({ CustomObject: 9, Flow: 16, ApexClass: 13, ApexTrigger: 5, Profile: 2, PermissionSet: 8 });
    expect(existsSync(join(snapshot.sourceDir, 'package.xml'))).toBe(true);
  });

  it('names every member, standard objects and email templates included', () => {
    const [retrieve] = acme.fake.metadataApi.retrieves;
    expect(acme.fake.metadataApi.retrieves).toHaveLength(1);
    expect(retrieve!.CustomObject).toEqual(expect.arrayContaining(['Account', 'Case', 'Contact', 'Opportunity', 'Invoice__c']));
    // The folder is named under its content type, as a package.xml has it.
    expect(retrieve!.EmailTemplate).toEqual(['Acme_Finance', 'Acme_Finance/Credit_Hold_Notice', 'Acme_Finance/New_Customer_Created']);
    expect(Object.values(retrieve!).flat()).not.toContain('*');
    // Profiles travel with the objects and classes whose permissions they hold.
    expect(retrieve!.Profile).toEqual(['Acme Sales User', 'SAP Integration Profile']);
  });

  it('makes the calls a retrieve makes: describe, list, retrieve, then polls until done', () => {
    const actions = acme.fake.requests.filter((request) => request.soapAction).map((request) => request.soapAction);
    expect(actions[0]).toBe('describeMetadata');
    expect(actions.filter((action) => action === 'retrieve')).toHaveLength(1);
    // InProgress first, then the zip.
    expect(actions.filter((action) => action === 'checkRetrieveStatus').length).toBeGreaterThanOrEqual(2);
    const lists = acme.fake.requests.filter((request) => request.soapAction === 'listMetadata');
    expect(lists.length).toBeGreaterThanOrEqual(7);
  });

  it('reads active users and assignments across pages', () => {
    expect(snapshot.users).toEqual(SAMPLE_USERS.map((user) => ({ username: user.username, profile: user.profile, userLicense: user.license, isActive: true })));
    const userPages = acme.fake.requests.filter((request) => request.path.includes('/query') && (request.soql?.includes('FROM User') || /query\/01g/.test(request.path)));
    expect(userPages.length).toBeGreaterThanOrEqual(3);
    expect(snapshot.assignments).toContainEqual({ username: 'sales.rep@acme.example', permissionSetGroup: 'Sales_Team_Bundle' });
    expect(snapshot.assignments).toContainEqual({ username: 'sales.rep@acme.example', profile: 'Acme Sales User' });
    expect(snapshot.assignments).toContainEqual({ username: 'sap.integration@acme.example', permissionSet: 'SAP_Integration' });
    expect(snapshot.assignments).toHaveLength(10);
  });

  it('follows nextRecordsUrl to the third page', () => {
    const pages = acme.fake.requests.filter((request) => /\/services\/data\/v62\.0\/query\/01g/.test(request.path));
    // Users: 5 records = 3 pages (2 more requests); assignments: 10 records = 5 pages (4 more requests).
    expect(pages).toHaveLength(2 + 4);
  });

  it('lists installed packages as opaque automation and managed code as not retrievable', () => {
    expect(snapshot.installedPackages).toEqual([SAMPLE_PACKAGE]);
    expect(snapshot.notRetrievable).toContainEqual({
      type: 'ApexClass',
      fullName: 'acmebill__InvoiceSync',
      reason: expect.stringContaining('managed package acmebill') as string,
    });
    expect(Object.values(acme.fake.metadataApi.retrieves[0]!).flat()).not.toContain('acmebill__InvoiceSync');
    expect(snapshot.componentFailures).toEqual([]);
    expect(snapshot.warnings).toEqual([]);
    // Nothing else is missing: every manifest type is offered, every flow's active version is its latest.
    expect(snapshot.notRetrievable).toHaveLength(1);
  });

  it('caches the tree with a retrieval.json that holds no token', () => {
    const dir = join(project, '.sfdx', 'arch-review', acme.fake.orgId);
    const record = JSON.parse(readFileSync(join(dir, 'retrieval.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ orgId: acme.fake.orgId, apiVersion: '62.0', username: acme.fake.username, batches: 1 });
    expect(record.componentCounts).toMatchObject({ CustomObject: 9 });
    expect(readFileSync(join(dir, 'retrieval.json'), 'utf8')).not.toContain(FAKE_TOKEN);
    expect(readFileSync(join(dir, 'org-data.json'), 'utf8')).not.toContain(FAKE_TOKEN);
  });

  it('reports its progress stage by stage', () => {
    const stages = [...new Set(progress.map(([stage]) => stage))];
    expect(stages).toEqual(['connect', 'list', 'retrieve', 'query', 'cache']);
    expect(progress.some(([stage, detail]) => stage === 'retrieve' && /batch 1 of 1/.test(detail))).toBe(true);
  });
});

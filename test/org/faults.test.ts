import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SfError } from '@salesforce/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openOrg, retrieveOrg } from '../../src/org/index.js';
import type { OrgSnapshot, RetrieveOrgOptions } from '../../src/org/types.js';
import { loadModel } from '../../src/review/review.js';
import { startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import type { Fault } from '../helpers/fake-org/faults.js';
import { FAKE_TOKEN } from '../helpers/fake-org/server.js';

let acme: AcmeOrg;
let baseline: OrgSnapshot;
let baselineListCalls: number;
let project: string;
const progress: string[] = [];

function run(overrides: Partial<RetrieveOrgOptions> = {}): Promise<OrgSnapshot> {
  project = mkdtempSync(join(tmpdir(), 'arch-review-faults-'));
  progress.length = 0;
  acme.fake.requests.length = 0;
  return retrieveOrg({
    org: acme.org,
    projectDir: project,
    useCache: false,
    pollIntervalMs: 20,
    retry: { baseDelayMs: 10 },
    onProgress: (stage, detail) => progress.push(`${stage}: ${detail}`),
    ...overrides,
  });
}

async function failure(overrides: Partial<RetrieveOrgOptions> = {}): Promise<SfError> {
  try {
    await run(overrides);
  } catch (error) {
    return error as SfError;
  }
  throw new Error('the retrieve did not fail');
}

function inject(...faults: Fault[]): void {
  for (const fault of faults) acme.fake.faults.add(fault);
}

/** A failed run caches nothing and leaves no partial folder behind. */
function expectNothingCached(): void {
  const root = join(project, '.sfdx', 'arch-review');
  expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
}

/** A sf-style error: a name, actions, and neither a stack trace nor the token in what is shown. */
function expectShownCleanly(error: SfError): void {
  const shown = [error.message, ...(error.actions ?? [])].join('\n');
  expect(shown).not.toContain(FAKE_TOKEN);
  expect(shown).not.toMatch(/\n\s+at /);
  expect(error.actions?.length).toBeGreaterThan(0);
}

/** A run that recovered has everything the clean run had. */
function expectComplete(snapshot: OrgSnapshot): void {
  expect(snapshot.componentCounts).toEqual(baseline.componentCounts);
  expect(snapshot.users).toEqual(baseline.users);
  expect(snapshot.assignments).toEqual(baseline.assignments);
  expect(snapshot.installedPackages).toEqual(baseline.installedPackages);
  expect(snapshot.componentFailures).toEqual([]);
}

beforeAll(async () => {
  acme = await startAcmeOrg({ pageSize: 3 });
  baseline = await run();
  baselineListCalls = acme.fake.calls('listMetadata');
});
afterAll(() => acme.fake.close());
afterEach(() => {
  acme.fake.faults.clear();
  acme.fake.state.accessToken = FAKE_TOKEN;
  acme.fake.metadataApi.settings.componentFailures = [];
  acme.fake.metadataApi.settings.neverFinish = false;
});

describe('auth', () => {
  it('says so when the saved login has expired or was revoked', async () => {
    acme.fake.state.accessToken = 'a-new-session-the-cli-does-not-have';
    const error = await failure();
    expect(error.name).toBe('OrgAuthExpired');
    expect(error.message).toContain(`rejected the saved login for ${acme.fake.username}`);
    expect(error.actions).toContainEqual(expect.stringContaining(`sf org login web --instance-url ${acme.fake.url}`));
    expectShownCleanly(error);
    // Trying again cannot fix a session: one call, no retries.
    expect(acme.fake.calls('describeMetadata')).toBe(1);
    expectNothingCached();
  });

  it('says how to log in when no login is saved for the org', async () => {
    const error = (await openOrg('nobody@nowhere.example').catch((caught: unknown) => caught)) as SfError;
    expect(error.name).toBe('OrgNotAuthenticated');
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('nobody@nowhere.example');
    expect(error.actions).toContainEqual(expect.stringContaining('sf org login web'));
  });

  it('stops with INVALID_SESSION_ID mid-run (while polling the retrieve)', async () => {
    inject({ kind: 'invalid-session', when: { soapAction: 'checkRetrieveStatus' }, skip: 1 });
    const error = await failure();
    expect(error.name).toBe('OrgAuthExpired');
    expect(error.message).toContain('expired or was revoked while the org was being read');
    expectShownCleanly(error);
    expectNothingCached();
  });

  it('stops with INVALID_SESSION_ID mid-run (in a query page)', async () => {
    inject({ kind: 'invalid-session', when: { path: '/query/01g' } });
    const error = await failure();
    expect(error.name).toBe('OrgAuthExpired');
    expect(error.message).toContain('while the org was being read');
    expectNothingCached();
  });
});

describe('API version', () => {
  it('refuses a version the org does not have, before any metadata call', async () => {
    const error = await failure({ apiVersion: '99.0' });
    expect(error.name).toBe('OrgApiVersionUnsupported');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('The org does not offer API version 99.0. It offers 31.0 to 62.0.');
    expect(error.actions).toContainEqual(expect.stringContaining('--api-version 62.0'));
    expect(acme.fake.requests.filter((request) => request.soapAction)).toEqual([]);
    expectNothingCached();
  });

  it('takes a version written without .0', async () => {
    const snapshot = await run({ apiVersion: '61' });
    expect(snapshot.org.apiVersion).toBe('61.0');
    expect(acme.fake.requests.filter((request) => request.soapAction).every((request) => request.path === '/services/Soap/m/61.0')).toBe(true);
  });
});

describe('component failures', () => {
  it('lists what the org did not return and goes on with what arrived', async () => {
    const problems = [
      { type: 'Flow', fullName: 'Pilot_Case_Routing', problem: "Entity of type 'Flow' named 'Pilot_Case_Routing' cannot be found" },
      { type: 'ApexClass', fullName: 'CaseService', problem: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-5678 (-1020)' },
    ];
    acme.fake.metadataApi.settings.componentFailures = problems;
    const snapshot = await run();
    // The second problem names no component: its file does (classes/CaseService.cls-meta.xml).
    expect(snapshot.componentFailures).toEqual([problems[1], problems[0]]);
    expect(snapshot.componentCounts).toEqual({ ...baseline.componentCounts, Flow: 15, ApexClass: 12 });
    const model = await loadModel({ baseDir: project, sourceDirs: [snapshot.sourceDir] });
    expect(model.flows.map((flow) => flow.name)).not.toContain('Pilot_Case_Routing');
    expect(model.flows).toHaveLength(15);
    expect(model.apexClasses.map((apexClass) => apexClass.name)).not.toContain('CaseService');
    expect(model.objects).toHaveLength(9);
    expect(model.parseIssues).toEqual([]);
    // What arrived is cached, with the failures, for the report.
    expect(existsSync(join(project, '.sfdx', 'arch-review', acme.fake.orgId, 'retrieval.json'))).toBe(true);
  });
});

describe('poll timeout', () => {
  it('stops when --wait runs out, naming the retrieve and a longer --wait', async () => {
    acme.fake.metadataApi.settings.neverFinish = true;
    const started = Date.now();
    const error = await failure({ waitMinutes: 0.01 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error.name).toBe('OrgRetrieveTimeout');
    expect(error.message).toMatch(/did not finish within 0\.01 minute\(s\) \(--wait\); 0 of 1 retrieve batch\(es\) had finished\. The unfinished retrieve is 09S\d+\./);
    expect(error.actions).toContainEqual(expect.stringContaining('--wait 10'));
    expectShownCleanly(error);
    expect(acme.fake.calls('checkRetrieveStatus')).toBeGreaterThan(1);
    expectNothingCached();
  });
});

describe('HTTP 5xx and dropped connections', () => {
  it('retries a Metadata API call after 503s (jsforce does not retry SOAP POSTs)', async () => {
    inject({ kind: 'http-503', when: { soapAction: 'listMetadata' }, times: 2 });
    const snapshot = await run();
    expectComplete(snapshot);
    expect(acme.fake.calls('listMetadata')).toBe(baselineListCalls + 2);
    expect(progress).toContainEqual(expect.stringMatching(/listMetadata .* failed \(.*503.*\); trying again \(attempt 2\)/));
  });

  it('gives up after a bounded number of attempts when the org keeps failing', async () => {
    inject({ kind: 'http-500', when: { soapAction: 'describeMetadata' } });
    const error = await failure();
    expect(error.name).toBe('OrgUnreachable');
    expect(error.message).toMatch(/did not answer describeMetadata after 3 attempt\(s\)/);
    expect(acme.fake.calls('describeMetadata')).toBe(3);
    expectShownCleanly(error);
    expectNothingCached();
  });

  it('keeps polling through a 503 on checkRetrieveStatus', async () => {
    inject({ kind: 'http-503', when: { soapAction: 'checkRetrieveStatus' }, times: 1 });
    expectComplete(await run());
    expect(acme.fake.calls('retrieve')).toBe(1);
  });

  it('gets a query page again after a 503 (jsforce retries GETs)', async () => {
    inject({ kind: 'http-503', when: { path: '/query/01g' }, times: 1 });
    expectComplete(await run());
  });

  it('starts the retrieve again when the connection drops on the request', async () => {
    inject({ kind: 'drop-connection', when: { soapAction: 'retrieve' }, times: 1 });
    expectComplete(await run());
    expect(acme.fake.calls('retrieve')).toBe(2);
  });

  it('re-attaches to the same retrieve when the connection drops while polling', async () => {
    inject({ kind: 'drop-connection', when: { soapAction: 'checkRetrieveStatus' }, times: 1 });
    expectComplete(await run());
    expect(acme.fake.calls('retrieve')).toBe(1);
    expect(progress).toContainEqual(expect.stringMatching(/checkRetrieveStatus failed .*; trying again/));
  });

  it('gets a query page again after a dropped connection', async () => {
    inject({ kind: 'drop-connection', when: { path: '/query/01g' }, times: 1 });
    expectComplete(await run());
  });

  it('gives up on a connection that keeps dropping', async () => {
    inject({ kind: 'drop-connection', when: { soapAction: 'listMetadata' } });
    const error = await failure();
    expect(error.name).toBe('OrgUnreachable');
    expect(acme.fake.calls('listMetadata')).toBe(3);
    expectShownCleanly(error);
    expectNothingCached();
  });
});

describe('REQUEST_LIMIT_EXCEEDED', () => {
  it('stops at once on a query, without retrying', async () => {
    inject({ kind: 'request-limit', when: { soql: 'FROM User' } });
    const error = await failure();
    expect(error.name).toBe('OrgRequestLimitExceeded');
    expect(error.message).toContain('REQUEST_LIMIT_EXCEEDED');
    expect(error.actions).toContainEqual(expect.stringContaining('sf org list limits'));
    expect(acme.fake.requests.filter((request) => request.soql?.includes('FROM User'))).toHaveLength(1);
    expectShownCleanly(error);
    expectNothingCached();
  });

  it('stops at once on a Metadata API call', async () => {
    inject({ kind: 'request-limit', when: { soapAction: 'listMetadata' } });
    const error = await failure();
    expect(error.name).toBe('OrgRequestLimitExceeded');
    expect(acme.fake.calls('listMetadata')).toBe(1);
    expectNothingCached();
  });
});


import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, retrieveOrg } from '../../src/org/index.js';
import type { OrgSnapshot, RetrieveOrgOptions } from '../../src/org/types.js';
import { loadModel } from '../../src/review/review.js';
import { startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import { modelCounts } from './model-counts.js';

describe('the org cache', () => {
  let acme: AcmeOrg;
  let project: string;
  let first: OrgSnapshot;
  const options = (): RetrieveOrgOptions => ({ org: acme.org, projectDir: project, useCache: false, pollIntervalMs: 20, retry: { baseDelayMs: 10 } });

  beforeAll(async () => {
    acme = await startAcmeOrg();
    project = mkdtempSync(join(tmpdir(), 'arch-review-cache-'));
    first = await retrieveOrg(options());
  });
  afterAll(() => acme.fake.close());

  it('is reused with useCache, without a single call to the org', async () => {
    acme.fake.requests.length = 0;
    const stages: string[] = [];
    const cached = await retrieveOrg({ ...options(), useCache: true, onProgress: (stage, detail) => stages.push(`${stage}: ${detail}`) });
    expect(acme.fake.requests).toEqual([]);
    expect(acme.fake.calls('retrieve')).toBe(0);
    expect(cached).toEqual({ ...first, fromCache: true });
    expect(stages).toEqual([expect.stringMatching(/^cache: Using the copy of .* retrieved /)]);
    const fresh = await loadModel({ baseDir: project, sourceDirs: [first.sourceDir] });
    expect(modelCounts(await loadModel({ baseDir: project, sourceDirs: [cached.sourceDir] }))).toEqual(modelCounts(fresh));
  });

  it('is not reused for another API version', async () => {
    acme.fake.requests.length = 0;
    const other = await retrieveOrg({ ...options(), useCache: true, apiVersion: '61.0' });
    expect(other.fromCache).toBe(false);
    expect(other.org.apiVersion).toBe('61.0');
    expect(acme.fake.calls('retrieve')).toBe(1);
    expect(acme.fake.requests.some((request) => request.path === '/services/Soap/m/61.0')).toBe(true);
  });

  it('retrieves when there is no cache yet', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'arch-review-cache-empty-'));
    acme.fake.requests.length = 0;
    const snapshot = await retrieveOrg({ ...options(), projectDir: empty, useCache: true });
    expect(snapshot.fromCache).toBe(false);
    expect(acme.fake.calls('retrieve')).toBe(1);
  });

  it('survives a failed run: the old copy stays, no partial folder is left', async () => {
    acme.fake.faults.add({ kind: 'request-limit', when: { soapAction: 'retrieve' } });
    try {
      await expect(retrieveOrg(options())).rejects.toMatchObject({ name: 'OrgRequestLimitExceeded' });
    } finally {
      acme.fake.faults.clear();
    }
    const root = join(project, '.sfdx', 'arch-review');
    expect(readdirSync(root)).toEqual([acme.fake.orgId]);
    const cached = await retrieveOrg({ ...options(), useCache: true });
    expect(cached.fromCache).toBe(true);
  });

  it('lives in a temp folder outside a project', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'arch-review-tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = temp;
    try {
      const snapshot = await retrieveOrg({ ...options(), projectDir: undefined });
      expect(snapshot.sourceDir).toBe(join(temp, 'sf-arch-review', acme.fake.orgId, 'metadata'));
      expect(cacheDir(undefined, acme.fake.orgId)).toBe(join(temp, 'sf-arch-review', acme.fake.orgId));
      expect(existsSync(join(temp, 'sf-arch-review', acme.fake.orgId, 'retrieval.json'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cachedReview } from '../../src/review/cached-review.js';
import { compactResult } from '../../src/review/compact.js';
import { resultRoot } from '../../src/review/result-cache/store.js';
import { review, type ReviewConfig } from '../../src/review/review.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../helpers/corpus.js';
import { fixturesDir } from '../helpers/paths.js';
import { copyOf, generatedOrg } from '../load/support/review-kit.js';
import { firstFile, touch, touchFlowClassPermissionSet } from './support/touch.js';

const AS_OF = '2026-11-23';

/** The reference: a review with no cache at all. */
async function cold(baseDir: string, extra: Partial<ReviewConfig> = {}): Promise<string> {
  const { result } = await review({ baseDir, sourceDirs: [], asOf: AS_OF, workers: 1, ...extra });
  return JSON.stringify(result);
}

async function cached(baseDir: string, extra: Partial<ReviewConfig> = {}): Promise<{ json: string; fromCache: boolean; reusedRules: string[] }> {
  const outcome = await cachedReview({ baseDir, sourceDirs: [], asOf: AS_OF, workers: 2, cache: true, resultCache: true, ...extra });
  return { json: JSON.stringify(outcome.result), fromCache: outcome.fromCache, reusedRules: outcome.reusedRules };
}

function entries(baseDir: string): string[] {
  const root = resultRoot(baseDir);
  return existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)) : [];
}

/** Cold, warm, then one flow, class and permission set edited: every result the same as a review without cache. */
async function expectCacheTransparent(dir: string, editsShow = true): Promise<void> {
  const reference = await cold(dir);
  const first = await cached(dir);
  expect(first.fromCache).toBe(false);
  expect(first.json).toBe(reference);
  const warm = await cached(dir);
  expect(warm.fromCache).toBe(true);
  expect(warm.json).toBe(reference);

  const touched = touchFlowClassPermissionSet(dir, 'touched');
  expect(touched.length).toBeGreaterThanOrEqual(1);
  const changed = await cold(dir);
  // The edits reach the report (a label, a method), except where the edited flow is not reported on.
  if (editsShow) expect(changed).not.toBe(reference);
  const afterEdit = await cached(dir);
  expect(afterEdit.fromCache).toBe(false);
  expect(afterEdit.json).toBe(changed);
  const warmAgain = await cached(dir);
  expect(warmAgain.fromCache).toBe(true);
  expect(warmAgain.json).toBe(changed);
}

describe('the result cache on the generated org at scale 0.1', () => {
  let dir: string;
  beforeAll(() => {
    dir = generatedOrg(0.1);
  });

  it('gives a cold run’s bytes cold, warm and after one flow, class and permission set changed', { timeout: 240_000 }, async () => {
    await expectCacheTransparent(dir);
  });

  it('reuses the findings of the rules that read nothing that changed, and only those', { timeout: 240_000 }, async () => {
    const own = copyOf(dir);
    await cached(own);
    // A flow and a class: the permission rules read neither.
    touch(firstFile(own, /_After_Save.*\.flow-meta\.xml$/)!, 'flowAndClass');
    touch(firstFile(own, /TriggerHandler\.cls$/)!, 'flowAndClass');
    const afterCode = await cached(own);
    expect(afterCode.fromCache).toBe(false);
    expect(afterCode.json).toBe(await cold(own));
    expect(afterCode.reusedRules).toEqual(expect.arrayContaining(['hygiene/cloned-permission-set', 'perm/integration-dangerous-permission', 'perm/integration-object-scope', 'legacy/workflow-rule']));
    for (const rule of ['recursion/cross-object-cycle', 'sor/foreign-field-write', 'hygiene/missing-owner', 'limits/dml-in-loop', 'perm/integration-bypass']) expect(afterCode.reusedRules).not.toContain(rule);

    // A permission set: the automation rules read none.
    touch(firstFile(own, /\.permissionset-meta\.xml$/)!, 'permissionSet');
    const afterPermissions = await cached(own);
    expect(afterPermissions.json).toBe(await cold(own));
    expect(afterPermissions.reusedRules).toEqual(expect.arrayContaining(['recursion/cross-object-cycle', 'recursion/self-update', 'limits/dml-in-loop', 'legacy/process-builder']));
    for (const rule of ['perm/integration-dangerous-permission', 'hygiene/cloned-permission-set', 'sor/foreign-field-write', 'hygiene/missing-owner']) expect(afterPermissions.reusedRules).not.toContain(rule);

    // Another review date: nothing is reused (expiry and baselines are dated).
    const otherDay = await cached(own, { asOf: '2027-02-01' });
    expect(otherDay.reusedRules).toEqual([]);
    expect(otherDay.json).toBe(await cold(own, { asOf: '2027-02-01' }));
  });

  it('keeps compact and full results apart, and a compact result is the projection of the full one', { timeout: 120_000 }, async () => {
    const full = JSON.parse(await cold(dir));
    const compact = await cached(dir, { detail: 'compact' });
    expect(JSON.stringify(compactResult(JSON.parse(compact.json)))).toBe(JSON.stringify(compactResult(full)));
    expect(JSON.parse(compact.json).objects).toEqual([]);
    expect((await cached(dir, { detail: 'compact' })).fromCache).toBe(true);
    expect((await cached(dir)).json).toBe(JSON.stringify(full));
  });

  it('misses on another review date, rule selection or object filter', { timeout: 120_000 }, async () => {
    await cached(dir);
    expect((await cached(dir)).fromCache).toBe(true);
    expect((await cached(dir, { asOf: '2027-01-01' })).fromCache).toBe(false);
    expect((await cached(dir, { excludeRules: ['hygiene/*'] })).fromCache).toBe(false);
    const narrowed = await cached(dir, { objects: ['Account'] });
    expect(narrowed.json).toBe(await cold(dir, { objects: ['Account'] }));
  });
});

describe('the result cache on the sample', () => {
  it('is transparent, survives corrupted entries and concurrent runs, and drops other builds’ folders', { timeout: 120_000 }, async () => {
    const dir = copyOf(join(fixturesDir, 'acme'));
    const stale = join(resultRoot(dir), 'r1-00000000000000000000');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'old.json'), 'from another build');
    const reference = await cold(dir);
    expect((await cached(dir)).json).toBe(reference);
    expect(existsSync(stale)).toBe(false);

    // Garbage, a truncated entry, another key's header: each is a miss, then rewritten.
    const [entry] = entries(dir);
    const good = readFileSync(entry!, 'utf8');
    for (const broken of ['garbage', good.slice(0, good.length - 10), good.replace(/^(\S+) (\S+)/, '$1 0000')]) {
      writeFileSync(entry!, broken);
      const run = await cached(dir);
      expect(run.fromCache).toBe(false);
      expect(run.json).toBe(reference);
      expect((await cached(dir)).fromCache).toBe(true);
    }
    // A well-formed entry whose payload is not a result is a miss too.
    writeFileSync(entry!, `${good.slice(0, good.indexOf(' ', good.indexOf(' ') + 1))} 2\n{}`);
    expect((await cached(dir)).json).toBe(reference);

    // Two runs at once: both right, and the entry they leave is whole.
    const runs = await Promise.all([cached(dir, { asOf: '2026-12-01' }), cached(dir, { asOf: '2026-12-01' })]);
    const expected = await cold(dir, { asOf: '2026-12-01' });
    expect(runs.map((run) => run.json)).toEqual([expected, expected]);
    expect((await cached(dir, { asOf: '2026-12-01' })).fromCache).toBe(true);
    await expectCacheTransparent(dir);
  });

  it('rereads the policy: an edited arch-review.yml is a miss', { timeout: 60_000 }, async () => {
    const dir = copyOf(join(fixturesDir, 'acme'));
    await cached(dir);
    writeFileSync(join(dir, 'arch-review.yml'), `${readFileSync(join(dir, 'arch-review.yml'), 'utf8')}\n# edited\n`);
    const run = await cached(dir);
    expect(run.fromCache).toBe(false);
    expect(run.json).toBe(await cold(dir));
  });
});

describe.runIf(hasCorpus)('the result cache on the corpus (a copy): cold, warm, and a flow and a permission set edited', () => {
  it.each(CORPUS_FOLDERS)('%s', { timeout: 240_000 }, async (folder) => {
    const dir = copyOf(corpus(folder));
    // The corpus folders are not DX projects: review the copy as a source folder of itself.
    writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: '.', default: true }] }));
    await expectCacheTransparent(dir, false);
  });
});

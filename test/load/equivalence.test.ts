import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ParseOptions, ParseStats } from '../../src/load/parse-components.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../helpers/corpus.js';
import { fixturesDir } from '../helpers/paths.js';
import { copyOf, findingLines, generatedOrg, reviewJson } from './support/review-kit.js';

// review() has no switch for the Apex scope: the reference runs force `apex: 'all'` through the loader.
const loader = vi.hoisted(() => ({ apex: undefined as ParseOptions['apex'], stats: [] as ParseStats[] }));
vi.mock('../../src/load/parse-components.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/parse-components.js')>();
  return {
    ...original,
    parseComponents: (components: Parameters<typeof original.parseComponents>[0], dirs: string[], options: ParseOptions = {}) =>
      original.parseComponents(components, dirs, {
        ...options,
        ...(loader.apex ? { apex: loader.apex } : {}),
        onStats: (stats) => loader.stats.push(stats),
      }),
  };
});

/** The reference: one thread, no cache, every Apex class parsed. */
async function reference(baseDir: string, sourceDirs: string[]): Promise<string> {
  loader.apex = 'all';
  try {
    return await reviewJson({ baseDir, sourceDirs, workers: 1 });
  } finally {
    loader.apex = undefined;
  }
}

function expectSame(actual: string, expected: string): void {
  expect(findingLines(actual)).toEqual(findingLines(expected));
  expect(actual === expected, 'the whole result is identical').toBe(true);
}

const lastStats = (): ParseStats => loader.stats[loader.stats.length - 1]!;

describe('the generated enterprise org at scale 0.1: one result whatever the threads, cache and Apex scope', () => {
  let org: string;
  let expected: string;
  beforeAll(async () => {
    org = generatedOrg(0.1);
    expected = await reference(org, []);
  });

  it('parses in two threads without a cache, reached Apex only', async () => {
    expectSame(await reviewJson({ baseDir: org, sourceDirs: [], workers: 2 }), expected);
    expect(lastStats()).toMatchObject({ threads: 2, cached: 0 });
    expect(lastStats().unreachedClasses).toBeGreaterThan(0);
  });

  it('fills the cache cold and reads it warm, in one thread and in three', async () => {
    expectSame(await reviewJson({ baseDir: org, sourceDirs: [], workers: 2, cache: true }), expected);
    expect(lastStats().cached).toBe(0);
    expectSame(await reviewJson({ baseDir: org, sourceDirs: [], workers: 1, cache: true }), expected);
    const warm = lastStats();
    expect(warm.cached).toBe(warm.components - warm.unreachedClasses);
    expectSame(await reviewJson({ baseDir: org, sourceDirs: [], workers: 3, cache: true }), expected);
    expect(lastStats()).toMatchObject({ threads: 3, cached: warm.cached });
  });
});

describe('the sample project: one result whatever the threads, cache and Apex scope', () => {
  it('gives the reference result with threads, with the cache cold and warm', async () => {
    const sample = copyOf(join(fixturesDir, 'acme'));
    const expected = await reference(sample, []);
    expectSame(await reviewJson({ baseDir: sample, sourceDirs: [], workers: 2 }), expected);
    expectSame(await reviewJson({ baseDir: sample, sourceDirs: [], workers: 2, cache: true }), expected);
    expectSame(await reviewJson({ baseDir: sample, sourceDirs: [], workers: 1, cache: true }), expected);
    expect(lastStats().cached).toBeGreaterThan(0);
  });
});

describe.runIf(hasCorpus)('the corpus: one result whatever the threads, cache and Apex scope', () => {
  it.each(CORPUS_FOLDERS)('%s', async (folder) => {
    // A scratch base folder: the cache goes there, not into the repository or the corpus.
    const base = mkdtempSync(join(tmpdir(), 'arch-review-corpus-'));
    const sourceDirs = [corpus(folder)];
    const expected = await reference(base, sourceDirs);
    expectSame(await reviewJson({ baseDir: base, sourceDirs, workers: 2, cache: true }), expected);
    expectSame(await reviewJson({ baseDir: base, sourceDirs, workers: 2, cache: true }), expected);
    expect(lastStats().cached).toBeGreaterThan(0);
  });
});

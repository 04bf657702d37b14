import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/review/finding.js';
import { review } from '../../src/review/review.js';
import { corpus, hasCorpus } from '../helpers/corpus.js';
import { fixturesDir } from '../helpers/paths.js';
import { tempDir } from './kit.js';

/** `npm run fuzz` sets FUZZ_RUNS=2000; `npm test` keeps a few runs per target (the suite stays fast). */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 6);

type Target = { path: string; folder: string; suffix: string; name: string; bytes: Buffer };

// --- mutations -------------------------------------------------------------------------------

type Mutation =
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; nth: number }
  | { kind: 'duplicate'; nth: number }
  | { kind: 'noise'; nth: number; noise: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), nth: fc.nat() }),
  fc.record({ kind: fc.constant('noise' as const), nth: fc.nat(), noise: fc.oneof(fc.string(), fc.constantFrom(' a="1"', ' a=1', ' "', ' =', '/', ' xmlns:x="y" x:a="&lt;"', ' &bogus;')) }),
);

/** Elements with no child element inside: deleting or duplicating one keeps the rest well formed. */
const ELEMENT = /<([A-Za-z][\w.-]*)\b[^<>]*>[^<]*<\/\1>/g;
const START_TAG = /<[A-Za-z][\w.-]*/g;

function mutate(bytes: Buffer, change: Mutation): Buffer {
  if (change.kind === 'flip') {
    const copy = Buffer.from(bytes);
    const at = change.at % Math.max(1, copy.length);
    copy[at] = (copy[at] ?? 0) ^ change.xor;
    return copy;
  }
  if (change.kind === 'truncate') return bytes.subarray(0, change.at % Math.max(1, bytes.length));
  const text = bytes.toString('utf8');
  const pattern = change.kind === 'noise' ? START_TAG : ELEMENT;
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return bytes;
  const match = matches[change.nth % matches.length]!;
  const start = match.index;
  const end = start + match[0].length;
  const next =
    change.kind === 'delete' ? text.slice(0, start) + text.slice(end)
    : change.kind === 'duplicate' ? text.slice(0, end) + match[0] + text.slice(end)
    : text.slice(0, end) + change.noise + text.slice(end);
  return Buffer.from(next, 'utf8');
}

// --- the harness -----------------------------------------------------------------------------

/** Findings that do not involve the mutated component: these must not move. */
const untouched = (findings: Finding[], name: string): string[] =>
  findings.map((finding) => JSON.stringify({ ...finding, baselineState: undefined })).filter((json) => !json.includes(name)).sort();

/**
 * A temp project: the sample untouched in force-app, one target copied under a new name (`Fuzz_…`)
 * into its own package directory. Each run rewrites only the target.
 */
async function fuzzTarget(target: Target): Promise<void> {
  const root = tempDir('arch-review-fuzz-');
  // Without the original: a clone next to it would change the clone rules' findings, not a parser bug.
  cpSync(join(fixturesDir, 'acme', 'force-app'), join(root, 'force-app'), { recursive: true, filter: (path) => path !== target.path });
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'fuzz' }] }));
  const name = `Fuzz_${target.name}`;
  const shown = `fuzz/main/default/${target.folder}/${name}${target.suffix}`;
  mkdirSync(join(root, 'fuzz/main/default', target.folder), { recursive: true });
  const write = (bytes: Buffer): void => writeFileSync(join(root, shown), bytes);
  const run = async () => (await review({ baseDir: root, sourceDirs: [], asOf: '2025-01-01', workers: 1 })).result;

  write(target.bytes);
  const baseline = await run();
  expect(baseline.parseIssues.filter((issue) => issue.file === shown), 'the unmutated target parses').toEqual([]);
  const expected = untouched(baseline.findings, name);

  await fc.assert(
    fc.asyncProperty(mutation, async (change) => {
      write(mutate(target.bytes, change));
      const result = await run();
      const reported = result.parseIssues.some((issue) => issue.file === shown);
      const parsed = JSON.stringify({ ...result.summary, findings: result.findings, objects: result.objects }).includes(name) || !reported;
      expect(reported || parsed).toBe(true);
      expect(untouched(result.findings, name)).toEqual(expected);
      // Nothing else became unreadable.
      expect(result.parseIssues.filter((issue) => issue.file !== shown)).toEqual(baseline.parseIssues);
    }),
    { numRuns: RUNS, seed: process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined },
  );
}

const target = (path: string, suffix: string): Target => {
  const file = basename(path);
  return { path, folder: basename(join(path, '..')), suffix, name: file.slice(0, -suffix.length).replace(/[^\w]/g, '_'), bytes: readFileSync(path) };
};

const acme = (path: string): string => join(fixturesDir, 'acme', 'force-app', 'main', 'default', path);

describe('fuzzing the sample (fixtures/acme)', () => {
  it.each([
    ['flow', acme('flows/Holiday_Promo_Discount.flow-meta.xml'), '.flow-meta.xml'],
    ['permission set', acme('permissionsets/Sales_Operations.permissionset-meta.xml'), '.permissionset-meta.xml'],
  ])('a mutated %s parses or is a ParseIssue; nothing else changes', async (_kind, path, suffix) => {
    await fuzzTarget(target(path, suffix));
  }, 600_000);
});

/** The first few files of a kind in a corpus folder (sorted, so runs are repeatable). */
function corpusFiles(folder: string, suffix: string, count: number): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (found.length >= count) return;
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(suffix)) found.push(join(dir, entry.name));
    }
  };
  walk(corpus(folder));
  return found;
}

describe.runIf(hasCorpus)('fuzzing real corpus files (copied to a temp project)', () => {
  it('mutated corpus flows and permission sets parse or are ParseIssues', async () => {
    const targets = [
      ...corpusFiles('Lightning-Flow-Scanner__lightning-flow-scanner-core', '.flow-meta.xml', 1).map((path) => target(path, '.flow-meta.xml')),
      ...corpusFiles('SalesforceFoundation__NPSP', '.permissionset-meta.xml', 1).map((path) => target(path, '.permissionset-meta.xml')),
    ];
    expect(targets.length).toBeGreaterThan(0);
    for (const each of targets) await fuzzTarget(each);
  }, 1_200_000);
});

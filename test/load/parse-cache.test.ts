import { existsSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../src/load/cache/namespace.js';
import { ParseCache } from '../../src/load/cache/parse-cache.js';
import { loadComponents } from '../../src/load/load-components.js';
import { type ParseStats, parseComponents } from '../../src/load/parse-components.js';
import { review } from '../../src/review/review.js';
import { generatedOrg, reviewJson } from './support/review-kit.js';

/** Cache entries (`<2 hex>/<key>.json`) under a cache folder. */
function entries(cacheDir: string): string[] {
  return readdirSync(cacheDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[0-9a-f]{64}\.json$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const keyOf = (file: string): string => file.slice(file.lastIndexOf('/') + 1, -'.json'.length);

/** Parses the org straight through the loader, with a cache folder, and says how it went. */
async function parseWith(org: string, cacheDir: string, workers: number): Promise<{ model: string; stats: ParseStats }> {
  const loaded = await loadComponents([join(org, 'force-app')], org, { cacheDir });
  let stats: ParseStats | undefined;
  const model = await parseComponents(loaded.components, ['force-app'], { workers, cacheDir, onStats: (value) => (stats = value) });
  loaded.dispose();
  return { model: JSON.stringify(model), stats: stats! };
}

/** Every file of the project an hour old, so their stamps are trusted (files younger than 2 s never are). */
function ageFiles(org: string): void {
  const past = new Date(Date.now() - 3_600_000);
  for (const entry of readdirSync(join(org, 'force-app'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) utimesSync(join(entry.parentPath, entry.name), past, past);
  }
}

describe('the parse cache', () => {
  let org: string;
  let expected: string;
  beforeAll(async () => {
    org = generatedOrg(0.02);
    ageFiles(org);
    expected = await reviewJson({ baseDir: org, sourceDirs: [], workers: 1 });
  });

  it('lives under <project>/.sfdx/arch-review/cache/, one folder per plugin build', () => {
    expect(cacheDirFor(org)).toMatch(/\/\.sfdx\/arch-review\/cache\/v\d+-[0-9a-f]{20}$/);
    expect(cacheDirFor(org, '0.1.0')).not.toBe(cacheDirFor(org, '0.2.0'));
  });

  it('ignores corrupted entries, rebuilds them, and gives the same result (threads and main thread)', async () => {
    for (const workers of [2, 1]) {
      rmSync(join(org, '.sfdx'), { recursive: true, force: true });
      expect(await reviewJson({ baseDir: org, sourceDirs: [], workers, cache: true })).toBe(expected);
      const cacheDir = cacheDirFor(org);
      const files = entries(cacheDir);
      expect(files.length).toBeGreaterThan(100);
      const [truncated, garbage, wrongShape, wrongKey, other] = files;
      writeFileSync(truncated!, readFileSync(truncated!, 'utf8').slice(0, 60));
      const header = readFileSync(garbage!, 'utf8').split('\n')[0]!;
      const body = readFileSync(garbage!, 'utf8').split('\n').slice(1).join('\n');
      writeFileSync(garbage!, `${header}\n${'\u0000#'.repeat(body.length / 2)}${body.length % 2 ? '#' : ''}`);
      const shapeJson = '{"kind":"flow","valu":{}}';
      writeFileSync(wrongShape!, `arch-review-parse-cache/1 ${keyOf(wrongShape!)} ${shapeJson.length}\n${shapeJson}`);
      writeFileSync(wrongKey!, readFileSync(other!, 'utf8'));

      expect(await reviewJson({ baseDir: org, sourceDirs: [], workers, cache: true })).toBe(expected);
      const { stats } = await parseWith(org, cacheDir, workers);
      expect(stats.cached).toBe(stats.components - stats.unreachedClasses);
      // Every damaged entry was written again, whole.
      const cache = new ParseCache(cacheDir);
      for (const file of [truncated!, garbage!, wrongShape!, wrongKey!]) {
        const payload = cache.get(keyOf(file));
        expect(payload, file).toBeDefined();
        expect(() => JSON.parse(payload!)).not.toThrow();
        expect(JSON.parse(payload!)).toHaveProperty('kind');
      }
    }
  });

  it('misses after a plugin upgrade (another folder), without failing, and gives the same model', async () => {
    const before = cacheDirFor(org, '9.0.0-test-before');
    const after = cacheDirFor(org, '9.0.1-test-after');
    const first = await parseWith(org, before, 2);
    const again = await parseWith(org, before, 2);
    const upgraded = await parseWith(org, after, 2);
    expect(first.stats.cached).toBe(0);
    expect(again.stats.cached).toBe(again.stats.components - again.stats.unreachedClasses);
    expect(upgraded.stats.cached).toBe(0);
    // The old build's folder is removed on the new build's first run.
    expect(existsSync(before)).toBe(false);
    expect(existsSync(after)).toBe(true);
    expect(again.model).toBe(first.model);
    expect(upgraded.model).toBe(first.model);
  });

  it('survives two reviews of the same project at the same time, and leaves no temp files', async () => {
    rmSync(join(org, '.sfdx'), { recursive: true, force: true });
    const both = await Promise.all([
      reviewJson({ baseDir: org, sourceDirs: [], workers: 2, cache: true }),
      reviewJson({ baseDir: org, sourceDirs: [], workers: 2, cache: true }),
    ]);
    expect(both).toEqual([expected, expected]);
    expect(await reviewJson({ baseDir: org, sourceDirs: [], workers: 2, cache: true })).toBe(expected);
    const leftovers = readdirSync(join(org, '.sfdx'), { recursive: true }).filter((name) => String(name).endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  });

  it('sees edited, added and removed files, even an edit that keeps the size and the modification time', async () => {
    const flows = join(org, 'force-app', 'main', 'default', 'flows');
    const flowFile = join(flows, readdirSync(flows).sort()[0]!);
    const original = readFileSync(flowFile, 'utf8');
    const flowName = (name: string) => name.replace('.flow-meta.xml', '');
    await review({ baseDir: org, sourceDirs: [], cache: true });
    try {
      // Same length, same mtime: only the change time (and the content) differ.
      const { mtime, atime } = statSync(flowFile);
      // The flow's own label (top level, four spaces in), not an element's.
      const edited = original.replace(/\n {4}<label>./, '\n    <label>Z');
      expect(edited.length).toBe(original.length);
      writeFileSync(flowFile, edited);
      utimesSync(flowFile, atime, mtime);
      const { model } = await review({ baseDir: org, sourceDirs: [], cache: true });
      expect(model.flows.find((flow) => flow.name === flowName(readdirSync(flows).sort()[0]!))?.label).toMatch(/^Z/);

      writeFileSync(join(flows, 'Added_By_Test.flow-meta.xml'), original.replace(/\n {4}<label>[^<]*<\/label>/, '\n    <label>Added</label>'));
      const added = await review({ baseDir: org, sourceDirs: [], cache: true });
      expect(added.model.flows.find((flow) => flow.name === 'Added_By_Test')?.label).toBe('Added');
      rmSync(join(flows, 'Added_By_Test.flow-meta.xml'));
      const removed = await review({ baseDir: org, sourceDirs: [], cache: true });
      expect(removed.model.flows.some((flow) => flow.name === 'Added_By_Test')).toBe(false);
    } finally {
      writeFileSync(flowFile, original);
    }
    expect(await reviewJson({ baseDir: org, sourceDirs: [], cache: true })).toBe(expected);
  });

  it('is safe to delete between runs', async () => {
    await review({ baseDir: org, sourceDirs: [], cache: true });
    rmSync(join(org, '.sfdx', 'arch-review'), { recursive: true, force: true });
    expect(await reviewJson({ baseDir: org, sourceDirs: [], cache: true })).toBe(expected);
  });
});

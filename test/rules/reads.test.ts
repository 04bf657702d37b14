// A rule's `reads` decide when its findings are reused (src/review/result-cache/rule-keys.ts): a type a
// rule depends on but does not name would leave a stale finding after an edit to it. Here each rule runs
// on the project with only the files of the types behind its reads, and must find exactly what it finds
// on the whole project.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/review/finding.js';
import { typesBehind } from '../../src/review/result-cache/rule-keys.js';
import { analyse, discover, graphOf, parseDiscovered, readInputs, type ReviewConfig } from '../../src/review/review.js';
import { RULES } from '../../src/rules/index.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../helpers/corpus.js';
import { fixturesDir } from '../helpers/paths.js';
import { copyOf, generatedOrg } from '../load/support/review-kit.js';

/** Rules grouped by the types behind their reads: one load of the project per group. */
function groups(): Map<string, string[]> {
  const byTypes = new Map<string, string[]>();
  for (const rule of RULES) {
    const key = typesBehind(rule.meta.reads).join(',');
    byTypes.set(key, [...(byTypes.get(key) ?? []), rule.meta.id]);
  }
  return byTypes;
}

const lines = (findings: readonly Finding[], ids: readonly string[]): string[] =>
  findings.filter((finding) => ids.includes(finding.ruleId)).map((finding) => JSON.stringify(finding));

/** Each group's findings on the project reduced to its types, and on the whole project. */
async function compareGroups(config: ReviewConfig): Promise<Array<{ types: string; rules: string[]; whole: string[]; reduced: string[] }>> {
  const inputs = readInputs(config);
  // A scratch parse cache: each component is parsed once, whatever the groups.
  const cacheDir = mkdtempSync(join(tmpdir(), 'arch-review-reads-cache-'));
  const run = async (keep: ((type: string) => boolean) | undefined, rules?: string[]): Promise<Finding[]> => {
    const found = await discover(config);
    try {
      const components = keep ? found.loaded.components.filter((component) => keep(component.type)) : found.loaded.components;
      const model = await parseDiscovered(config, { ...found, loaded: { ...found.loaded, components }, cacheDir });
      const { graph } = graphOf(config, model);
      return analyse({ ...config, ...(rules ? { rules } : {}) }, inputs, model, graph).result.findings;
    } finally {
      found.loaded.dispose();
    }
  };
  const whole = await run(undefined);
  const out = [];
  for (const [types, rules] of groups()) {
    const kept = new Set(types.split(','));
    out.push({ types, rules, whole: lines(whole, rules), reduced: lines(await run((type) => kept.has(type), rules), rules) });
  }
  return out;
}

async function expectReadsComplete(config: ReviewConfig, expectSomeFindings: boolean): Promise<void> {
  const compared = await compareGroups({ asOf: '2026-11-23', workers: 1, ...config });
  for (const group of compared) expect(group.reduced, `${group.rules.join(', ')} on only ${group.types}`).toEqual(group.whole);
  if (expectSomeFindings) expect(compared.filter((group) => group.whole.length > 0).length).toBeGreaterThanOrEqual(3);
}

describe('every rule reads what it says it reads', () => {
  it('groups the rules by the types behind their reads', () => {
    const all = groups();
    expect([...all.values()].flat().sort()).toEqual(RULES.map((rule) => rule.meta.id).sort());
    // Apex is parsed only where triggers, flows and handler registries lead: a reader of classes reads those too.
    expect(typesBehind(['ApexClass'])).toEqual(['ApexClass', 'ApexTrigger', 'CustomMetadata', 'Flow']);
    expect(typesBehind(['PermissionSet'])).toEqual(['MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile']);
  });

  it('on the sample', { timeout: 120_000 }, async () => {
    await expectReadsComplete({ baseDir: copyOf(join(fixturesDir, 'acme')), sourceDirs: [] }, true);
  });

  it('on the generated org at scale 0.05', { timeout: 240_000 }, async () => {
    await expectReadsComplete({ baseDir: generatedOrg(0.05), sourceDirs: [] }, true);
  });
});

describe.runIf(hasCorpus)('every rule reads what it says it reads, on the corpus', () => {
  it.each(CORPUS_FOLDERS)('%s', { timeout: 240_000 }, async (folder) => {
    const base = mkdtempSync(join(tmpdir(), 'arch-review-reads-'));
    await expectReadsComplete({ baseDir: base, sourceDirs: [corpus(folder)] }, false);
  });
});

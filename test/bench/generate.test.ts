import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM benchmark tooling, no declarations
import { generateOrg } from '../../bench/generate/index.mjs';
import { review } from '../../src/review/review.js';

type Summary = { files: number; counts: Record<string, number> };
const generate = generateOrg as (options: { scale: number; out: string; seed?: number }) => Summary;

function generated(scale: number, seed?: number): { dir: string; summary: Summary } {
  const dir = mkdtempSync(join(tmpdir(), 'arch-review-gen-'));
  return { dir, summary: generate({ scale, out: dir, ...(seed !== undefined ? { seed } : {}) }) };
}

/** One hash over every file's path and content. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(file.slice(dir.length)).update(readFileSync(file));
  return hash.digest('hex');
}

describe('the synthetic org generator', () => {
  it('writes the same org for the same scale and seed, another for another seed', () => {
    const a = generated(0.02);
    const b = generated(0.02);
    const c = generated(0.02, 7);
    expect(treeHash(a.dir)).toBe(treeHash(b.dir));
    expect(treeHash(c.dir)).not.toBe(treeHash(a.dir));
  });

  it('scales the enterprise counts (scale 0.1: a tenth of each)', () => {
    const { summary } = generated(0.1);
    // Classes and triggers count two files each (code and -meta.xml).
    expect(summary.counts).toEqual({
      objects: 80,
      fields: 4000,
      validationRules: 250,
      flows: 200,
      triggers: 80,
      classes: 600,
      workflows: 20,
      permissionsets: 100,
      permissionsetgroups: 6,
      profiles: 15,
    });
  });

  it('has the shapes the review looks for: chains and cycles, integration users, owners and expiry dates', async () => {
    const { dir } = generated(0.1);
    const { result, model } = await review({ baseDir: dir, sourceDirs: [], asOf: '2026-11-23' });
    expect(result.parseIssues).toEqual([]);
    const rules = new Set(result.findings.map((finding) => finding.ruleId));
    for (const rule of ['recursion/cross-object-cycle', 'recursion/self-update', 'recursion/event-loop', 'hygiene/expired', 'legacy/workflow-rule']) expect(rules, rule).toContain(rule);
    expect(model.flows.filter((flow) => flow.trigger.triggerType === 'RecordBeforeSave').length).toBe(80);
    expect(model.flows.some((flow) => flow.elements.some((element) => element.kind === 'loop'))).toBe(true);
    expect(model.flows.some((flow) => flow.elements.some((element) => element.kind === 'subflow'))).toBe(true);
    expect(model.permissionSets.some((set) => set.description?.includes('Integration user:'))).toBe(true);
    // Profiles carry a field permission for every field.
    const fields = model.objects.reduce((sum, object) => sum + object.fields.length, 0);
    expect(model.profiles.every((profile) => profile.fieldPermissions.length === fields)).toBe(true);
  });
});

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countsForGate, typesRead } from '../../src/gate/read-types.js';
import { review } from '../../src/review/review.js';
import { RULES } from '../../src/rules/index.js';
import { addRealRepoShapes } from '../helpers/real-repo-shapes.js';
import { generatedOrg } from './support/review-kit.js';

const SRC = 'force-app/main/default';

describe('a generated enterprise org with what real repositories carry besides metadata', () => {
  it('loads with every non-metadata file reported by name, well under 1% of the files, and the review completes', async () => {
    const org = generatedOrg(0.05);
    const { junk, unknown } = addRealRepoShapes(join(org, SRC));
    const { result, model } = await review({ baseDir: org, sourceDirs: [], asOf: '2026-11-23', workers: 1 });

    // Every issue is one of the files that are not metadata; SDR itself passes over some junk inside bundles
    // and decomposed folders, but what it would read (a backup flow) or cannot place is always reported.
    const notMetadata = [...junk, ...unknown].map((path) => `${SRC}/${path}`);
    expect(result.parseIssues.map((issue) => issue.file).filter((file) => !notMetadata.includes(file))).toEqual([]);
    expect(result.parseIssues.map((issue) => issue.file)).toEqual(expect.arrayContaining([`${SRC}/.DS_Store`, `${SRC}/flows/Account_Backup.flow-meta.xml.orig`, `${SRC}/unknowns/thing.madeuptype-meta.xml`]));
    const componentFiles = [...model.flows, ...model.apexClasses, ...model.objects.flatMap((object) => object.fields)].map((component) => component.source.file);
    expect(componentFiles.filter((file) => notMetadata.includes(file))).toEqual([]);
    for (const issue of result.parseIssues) expect(issue.message).toMatch(/^skipped: an OS, editor or backup file|^could not be resolved as metadata: Could not infer a metadata type/);
    // Set-aside files never make a gated review incomplete; a file SDR cannot place does.
    const read = typesRead(RULES.map((rule) => rule.meta));
    expect(result.parseIssues.filter((issue) => countsForGate(issue, read)).map((issue) => issue.file)).toEqual([`${SRC}/unknowns/thing.madeuptype-meta.xml`]);
    const components = Object.values(result.summary.counts).reduce((sum, count) => sum + count, 0);
    expect(result.parseIssues.length / components).toBeLessThan(0.01);
    // A backup copy never becomes a second flow (or replaces the real one).
    expect(model.flows.some((flow) => flow.source.file.endsWith('.orig'))).toBe(false);
    expect(result.ruleErrors).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
  });
});

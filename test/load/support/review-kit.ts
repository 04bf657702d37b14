import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The benchmark's generator (plain ESM, no types): the synthetic enterprise org at a small scale.
// @ts-expect-error -- an .mjs module without declarations
import { generateOrg } from '../../../bench/generate/index.mjs';
import { review, type ReviewConfig } from '../../../src/review/review.js';

/** A generated org (DX project) in a fresh temp folder. */
export function generatedOrg(scale: number): string {
  const dir = mkdtempSync(join(tmpdir(), `arch-review-org-${scale}-`));
  (generateOrg as (options: { scale: number; out: string }) => unknown)({ scale, out: dir });
  return dir;
}

/** A copy of a project, so a cache written into it stays out of the repository. */
export function copyOf(project: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'arch-review-copy-'));
  cpSync(project, dir, { recursive: true });
  return dir;
}

/** The review's result as JSON: what must not depend on threads, cache or Apex scope. */
export async function reviewJson(config: ReviewConfig): Promise<string> {
  const { result } = await review({ asOf: '2026-11-23', ...config });
  return JSON.stringify(result);
}

/** Findings only, one line each: a readable diff when results differ. */
export function findingLines(json: string): string[] {
  const result = JSON.parse(json) as { findings: Array<{ ruleId: string; message: string }> };
  return result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`);
}

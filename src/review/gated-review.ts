import { type Baseline, applyGate } from '../gate/apply-gate.js';
import { reviewAtRef } from '../gate/base-ref.js';
import { readBaselineFile } from '../gate/baseline-file.js';
import type { FailOn, FailOnScope } from '../gate/types.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { ReviewResult } from './result.js';
import { cachedReview, type ReviewOutcome } from './cached-review.js';
import type { ReviewConfig } from './review.js';

export type GateConfig = {
  /** `--base-ref`: compare with the project as committed at this git ref. */
  baseRef?: string;
  /** `--baseline` report file: compare with a saved JSON result. */
  baselineReport?: string;
  failOn?: FailOn;
  failOnScope?: FailOnScope;
};

/**
 * A review with the release gate on top: accepted risks, new/existing/fixed against a baseline, and
 * the verdict. `review()` stays gate-free because the base-ref comparison runs it a second time. The
 * gate is applied after the result cache: accepted risks and the baseline are read fresh every run.
 */
export async function gatedReview(config: ReviewConfig, gate: GateConfig): Promise<ReviewOutcome> {
  const asOf = config.asOf ?? new Date().toISOString().slice(0, 10);
  const current = await cachedReview({ ...config, asOf });
  let baseline: Baseline | undefined;
  if (gate.baseRef) {
    // The base review runs in a temp checkout: no progress lines, no result cache there.
    const { onProgress: _progress, resultCache: _cache, ...plain } = config;
    const base = await reviewAtRef({ ...plain, asOf }, gate.baseRef);
    baseline = { info: { kind: 'base-ref', ref: gate.baseRef, commit: base.commit, findings: base.findings.length }, findings: base.findings, warnings: base.warnings };
  } else if (gate.baselineReport) {
    const file = readBaselineFile(config.baseDir, gate.baselineReport);
    baseline = { info: { kind: 'baseline-file', file: file.file, findings: file.findings.length }, findings: file.findings, ...(file.objectFilter ? { objectFilter: file.objectFilter } : {}) };
  }
  const narrowed = (config.objects ?? []).length > 0 || (config.rules ?? []).length > 0 || (config.excludeRules ?? []).length > 0;
  const result = applyGate(current.result, {
    policy: loadPolicy(config.baseDir, config.policyFile),
    asOf,
    ...(baseline ? { baseline } : {}),
    ...(gate.failOn ? { gate: { failOn: gate.failOn, ...(gate.failOnScope ? { scope: gate.failOnScope } : {}) } } : {}),
    reportUnusedAcceptances: !narrowed,
  });
  return { ...current, result };
}

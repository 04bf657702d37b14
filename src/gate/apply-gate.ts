import type { LoadedPolicy } from '../policy/policy.js';
import type { Finding } from '../review/finding.js';
import type { ReviewResult } from '../review/result.js';
import { applyAcceptances, EXPIRED_ACCEPTANCE_ID } from './accepted.js';
import { compareToBaseline } from './compare.js';
import { defaultScope, evaluateGate } from './gate.js';
import { typesRead } from './read-types.js';
import { applySeverityOverrides, disabledByPolicy } from './rule-selection.js';
import type { BaselineInfo, FailOn, FailOnScope } from './types.js';

export type Baseline = {
  info: BaselineInfo;
  findings: Finding[];
  warnings?: string[];
  /** The `--object` filter the baseline was made with (from a saved report). */
  objectFilter?: string[];
};

export type GateRun = {
  policy: LoadedPolicy;
  /** The review date (YYYY-MM-DD): acceptances expire against it. */
  asOf: string;
  baseline?: Baseline;
  /** `--fail-on` / `--fail-on-scope`; without it the result carries no verdict. */
  gate?: { failOn: FailOn; scope?: FailOnScope };
  /** Warn about accepted entries that match nothing (leave off when `--object` or `--rules` narrowed the review). */
  reportUnusedAcceptances?: boolean;
};

/**
 * After `review()`: accepted risks, the comparison with the baseline and the verdict, as one result.
 * Pure: the baseline is read by the caller (`reviewAtRef`, `readBaselineFile`).
 */
export function applyGate(result: ReviewResult, run: GateRun): ReviewResult {
  const rules = run.policy.policy.rules;
  const acceptance = applyAcceptances(result.findings, run.policy, run.asOf, { reportUnused: run.reportUnusedAcceptances ?? false });
  const findings = applySeverityOverrides(
    acceptance.findings.filter((finding) => finding.ruleId !== EXPIRED_ACCEPTANCE_ID || !disabledByPolicy(EXPIRED_ACCEPTANCE_ID, rules)),
    rules,
  );
  const warnings = [...result.warnings, ...acceptance.warnings, ...(run.baseline?.warnings ?? [])];
  if (run.baseline?.objectFilter && !sameList(run.baseline.objectFilter, result.objectFilter ?? [])) {
    warnings.push(`The baseline was made with --object ${run.baseline.objectFilter.join(', ')}: findings on other objects show as new or fixed.`);
  }
  const compared = run.baseline ? compareToBaseline(findings, run.baseline.findings) : { findings, fixed: undefined };
  const gated: ReviewResult = {
    ...result,
    warnings,
    findings: compared.findings,
    ...(run.baseline ? { baseline: run.baseline.info, fixed: compared.fixed } : {}),
    ...(acceptance.accepted.length > 0 ? { accepted: acceptance.accepted } : {}),
  };
  if (!run.gate) return gated;
  const hasBaseline = run.baseline !== undefined;
  // The rules that ran (`result.rules`) say which unreadable files could have hidden a finding.
  const readTypes = typesRead(result.rules);
  const verdict = evaluateGate(
    { findings: gated.findings, accepted: acceptance.accepted, parseIssues: result.parseIssues, ...(readTypes ? { readTypes } : {}), ruleErrors: result.ruleErrors, hasBaseline },
    { failOn: run.gate.failOn, scope: run.gate.scope ?? defaultScope(hasBaseline) },
  );
  return { ...gated, gate: verdict };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\n') === [...b].sort().join('\n');
}

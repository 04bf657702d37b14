import type { Finding } from '../review/finding.js';
import { compareFindings } from '../rules/runner.js';
import type { FixedFinding, GatedFinding } from './types.js';

export type Comparison = {
  /** The current findings, in their order, each marked `new` or `existing`. */
  findings: GatedFinding[];
  /** Baseline findings with no current finding of the same fingerprint, most severe first. */
  fixed: FixedFinding[];
};

/**
 * Marks each finding against a baseline by fingerprint alone: the fingerprint is the rule id plus the
 * components and chain involved, so moving lines or rewording a message never makes a finding new.
 * A finding whose severity changed is still `existing` (same problem, graded differently).
 */
export function compareToBaseline(current: readonly Finding[], baseline: readonly Finding[]): Comparison {
  const before = new Map<string, Finding>();
  for (const finding of baseline) if (!before.has(finding.fingerprint)) before.set(finding.fingerprint, finding);
  const now = new Set(current.map((finding) => finding.fingerprint));
  const findings = current.map((finding): GatedFinding => ({ ...finding, baselineState: before.has(finding.fingerprint) ? 'existing' : 'new' }));
  const fixed = [...before.values()]
    .filter((finding) => !now.has(finding.fingerprint))
    .map((finding): FixedFinding => ({ ...stripGateFields(finding), baselineState: 'fixed' }))
    .sort((a, b) => compareFindings({ ...a, baselineState: undefined }, { ...b, baselineState: undefined }));
  return { findings, fixed };
}

/** A saved report's findings may carry an earlier comparison's state: it means nothing here. */
function stripGateFields(finding: Finding): Finding {
  const { baselineState: _ignored, ...rest } = finding as GatedFinding;
  return rest;
}

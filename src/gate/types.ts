/**
 * What the release gate adds to a review result (GateReport, which ReviewResult includes): every field is
 * optional, so a review without gate options is already complete. This module never imports the result,
 * so the two stay free of an import cycle.
 */
import type { Finding, Severity } from '../review/finding.js';

/** Against the baseline: `new` in this release, `existing` before it, `fixed` gone in this release. */
export type BaselineState = 'new' | 'existing' | 'fixed';

/** Added to Finding: present on every finding when a baseline was given. */
export type FindingGateFields = { baselineState?: 'new' | 'existing' };

export type GatedFinding = Finding & FindingGateFields;

/** A finding of the baseline that this review no longer reports. */
export type FixedFinding = Omit<Finding, 'baselineState'> & { baselineState: 'fixed' };

/** Where the baseline came from. */
export type BaselineInfo =
  | { kind: 'base-ref'; ref: string; commit: string; findings: number }
  | { kind: 'baseline-file'; file: string; findings: number };

/** A finding kept out of the gate by an `accepted:` entry of the policy. */
export type AcceptedFinding = {
  fingerprint: string;
  ruleId: string;
  reason: string;
  owner: string;
  expires: string;
  /** Where the entry is in the policy file, for "edit it here" messages. */
  policyLine?: number;
};

export type FailOn = 'critical' | 'high' | 'medium' | 'low' | 'never';
export type FailOnScope = 'new' | 'all';

export type GateStatus = 'passed' | 'failed' | 'incomplete';

export type GateVerdict = {
  status: GateStatus;
  /** 0 passed, 1 failed, 3 incomplete (usage errors, 2, are thrown before a verdict exists). */
  exitCode: 0 | 1 | 3;
  failOn: FailOn;
  scope: FailOnScope;
  /** Fingerprints of the findings that fail the gate, in report order. */
  failing: string[];
  /** One line of plain text: the verdict and why. */
  summary: string;
};

/** A rule as it ran: its metadata with the policy's severity override applied (SARIF lists these). */
export type RuleSummary = {
  id: string;
  category: string;
  /** The default severity after `rules:` overrides. */
  severity: Severity;
  description: string;
  docs: string;
};

/** The fields the gate adds to ReviewResult (all optional: absent when no gate option was used). */
export type GateReport = {
  /** The rules that ran (after `--rules`, `--exclude-rules` and the policy's `rules:`). */
  rules?: RuleSummary[];
  baseline?: BaselineInfo;
  /** Baseline findings this review no longer reports. */
  fixed?: FixedFinding[];
  accepted?: AcceptedFinding[];
  gate?: GateVerdict;
};


export const FAIL_ON_VALUES: readonly FailOn[] = ['critical', 'high', 'medium', 'low', 'never'];
export const FAIL_ON_SCOPES: readonly FailOnScope[] = ['new', 'all'];

/** Exit codes of `sf arch review` with a gate. */
export const EXIT_CODES = { passed: 0, failed: 1, usage: 2, incomplete: 3 } as const;

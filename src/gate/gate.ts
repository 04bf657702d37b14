import { inputError } from '../load/errors.js';
import { type Severity, SEVERITIES } from '../review/finding.js';
import { countsForGate } from './read-types.js';
import type { AcceptedFinding, FailOn, FailOnScope, GatedFinding, GateVerdict } from './types.js';

export type GateOptions = { failOn: FailOn; scope: FailOnScope };

/** What the gate reads of a result. */
export type GateInput = {
  findings: readonly GatedFinding[];
  accepted?: readonly AcceptedFinding[];
  parseIssues: readonly { type?: string }[];
  /**
   * The metadata types the rules that ran read (their `meta.reads`): only a file of one of these that
   * could not be read makes the review incomplete. Absent: every parse issue does.
   */
  readTypes?: ReadonlySet<string>;
  ruleErrors: readonly { ruleId: string }[];
  /** Whether findings carry a baseline state (a `--base-ref` or `--baseline` was given). */
  hasBaseline: boolean;
};

/**
 * The release gate: fails when a finding at or above `failOn` is not accepted and (scope `new`) was not
 * in the baseline. Exit codes: 0 passed, 1 failed, 3 incomplete: nothing fails it, but files that an
 * enabled rule reads could not be read, or rules failed, so a pass cannot be vouched for. A failure
 * wins over incomplete: the missing input could only add findings. `never` reports without gating and
 * always passes. Files of types no enabled rule reads stay in the report and leave the exit code alone.
 */
export function evaluateGate(input: GateInput, options: GateOptions): GateVerdict {
  checkGateOptions(options, input.hasBaseline);
  const accepted = new Set((input.accepted ?? []).map((item) => item.fingerprint));
  const failing = input.findings.filter(
    (finding) => atOrAbove(finding.severity, options.failOn) && !accepted.has(finding.fingerprint) && (options.scope === 'all' || finding.baselineState === 'new'),
  );
  const base = { failOn: options.failOn, scope: options.scope, failing: failing.map((finding) => finding.fingerprint) };
  const scopeText = options.scope === 'new' ? 'new ' : '';
  const threshold = `at ${options.failOn} or above`;
  if (failing.length > 0) {
    const bySeverity = SEVERITIES.map((severity) => [severity, failing.filter((finding) => finding.severity === severity).length] as const)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => `${count} ${severity}`);
    return { ...base, status: 'failed', exitCode: 1, summary: `Release gate failed: ${count(failing.length, `${scopeText}finding`)} ${threshold} (${bySeverity.join(', ')}).` };
  }
  const gaps = incompleteness(input);
  if (options.failOn !== 'never' && gaps) {
    return { ...base, status: 'incomplete', exitCode: 3, summary: `Release gate incomplete: no ${scopeText}finding ${threshold}, but ${gaps}, so findings may be missing.` };
  }
  const ignored = input.parseIssues.length - countedIssues(input).length;
  const unreadNote = ignored > 0 ? ` ${count(ignored, 'file')} could not be read, of types no enabled rule reads.` : '';
  const summary =
    options.failOn === 'never'
      ? 'Release gate not enforced (--fail-on never).'
      : `Release gate passed: no ${scopeText}finding ${threshold}${accepted.size > 0 ? ` that is not accepted` : ''}.${unreadNote}`;
  return { ...base, status: 'passed', exitCode: 0, summary };
}

/** `--fail-on-scope new` compares with something: without a baseline every finding would be new. */
export function checkGateOptions(options: GateOptions, hasBaseline: boolean): void {
  if (options.scope === 'new' && !hasBaseline && options.failOn !== 'never') {
    throw inputError('--fail-on-scope new needs a baseline to tell new findings from existing ones.', [
      'Add --base-ref (for example --base-ref origin/main) or --baseline with a saved JSON report, or use --fail-on-scope all.',
    ], 'GateNeedsBaseline');
  }
}

/** The default scope: `new` when there is a baseline to compare with, else `all`. */
export function defaultScope(hasBaseline: boolean): FailOnScope {
  return hasBaseline ? 'new' : 'all';
}

export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

/** The parse issues that can hide a finding of the rules that ran. */
function countedIssues(input: GateInput): ReadonlyArray<{ type?: string }> {
  return input.parseIssues.filter((issue) => countsForGate(issue, input.readTypes));
}

function incompleteness(input: GateInput): string | undefined {
  const unread = countedIssues(input).length;
  const parts = [
    unread > 0 ? `${count(unread, 'file')} could not be read` : '',
    input.ruleErrors.length > 0 ? `${count(input.ruleErrors.length, 'rule')} failed (${input.ruleErrors.map((error) => error.ruleId).join(', ')})` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

function count(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

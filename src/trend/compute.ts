import { SEVERITIES, type Finding, type Severity } from '../review/finding.js';
import { compare } from '../shared/compare.js';
import type { HistoryRun } from './entry.js';
import type { Trend, TrendChange, TrendFinding, TrendRun } from './types.js';

/** Runs a report shows: a year of monthly audits. Older runs stay in the folder and are counted. */
export const MAX_TREND_RUNS = 12;

type RunFindings = Pick<Finding, 'ruleId' | 'category' | 'severity' | 'message' | 'fingerprint' | 'object'>;

/**
 * The trend of this run over the earlier ones (any order; a run of this run's date is replaced by it).
 * Pure: the same runs give the same trend, rows and keys sorted.
 */
export function computeTrend(earlier: readonly HistoryRun[], current: { date: string; findings: readonly RunFindings[] }, max = MAX_TREND_RUNS): Trend {
  const all = earlier
    .filter((run) => run.date !== current.date)
    .map((run) => ({ date: run.date, findings: run.result.findings as readonly RunFindings[] }))
    .sort((a, b) => compare(a.date, b.date));
  // Only earlier runs count as "previous": a history entry dated later is not what this run follows.
  const before = all.filter((run) => compare(run.date, current.date) < 0);
  const runs = [...before, current];
  const shown = runs.slice(Math.max(0, runs.length - max));
  const ruleIds = keysOf(shown, (finding) => finding.ruleId);
  const categories = keysOf(shown, (finding) => finding.category);
  const previous = before.at(-1);
  return {
    runs: shown.map((run) => countRun(run.date, run.findings, ruleIds, categories)),
    totalRuns: runs.length,
    ...(previous ? { sincePrevious: changeSince(previous, current.findings) } : {}),
  };
}

function countRun(date: string, findings: readonly RunFindings[], ruleIds: readonly string[], categories: readonly string[]): TrendRun {
  const severities = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  const rules = Object.fromEntries(ruleIds.map((id) => [id, 0])) as Record<string, number>;
  const topics = Object.fromEntries(categories.map((category) => [category, 0])) as Record<string, number>;
  for (const finding of findings) {
    severities[finding.severity] += 1;
    rules[finding.ruleId] = (rules[finding.ruleId] ?? 0) + 1;
    topics[finding.category] = (topics[finding.category] ?? 0) + 1;
  }
  return { date, findings: findings.length, severities, rules, categories: topics };
}

/** Every key seen in any run shown, sorted: each run then lists the same keys, zeros included. */
function keysOf(runs: ReadonlyArray<{ findings: readonly RunFindings[] }>, key: (finding: RunFindings) => string): string[] {
  const keys = new Set<string>();
  for (const run of runs) for (const finding of run.findings) keys.add(key(finding));
  return [...keys].sort(compare);
}

/** New and fixed by fingerprint, the gate's notion of "the same finding" (stable across unrelated edits). */
function changeSince(previous: { date: string; findings: readonly RunFindings[] }, findings: readonly RunFindings[]): TrendChange {
  const before = new Set(previous.findings.map((finding) => finding.fingerprint));
  const now = new Set(findings.map((finding) => finding.fingerprint));
  return {
    previous: previous.date,
    new: listed(findings.filter((finding) => !before.has(finding.fingerprint))),
    fixed: listed(previous.findings.filter((finding) => !now.has(finding.fingerprint))),
  };
}

/** Sorted by rule, object, fingerprint and message, one entry per fingerprint. */
function listed(findings: readonly RunFindings[]): TrendFinding[] {
  const byFingerprint = new Map<string, TrendFinding>();
  const sorted = findings
    .map((finding): TrendFinding => ({ ruleId: finding.ruleId, severity: finding.severity, ...(finding.object !== undefined ? { object: finding.object } : {}), message: finding.message, fingerprint: finding.fingerprint }))
    .sort((a, b) => compare(a.ruleId, b.ruleId) || compare(a.object ?? '', b.object ?? '') || compare(a.fingerprint, b.fingerprint) || compare(a.message, b.message));
  for (const finding of sorted) if (!byFingerprint.has(finding.fingerprint)) byFingerprint.set(finding.fingerprint, finding);
  return [...byFingerprint.values()];
}

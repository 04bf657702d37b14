import type { Finding } from '../finding.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from '../result.js';

/** What a result entry holds: the result, and the key of each rule that ran for it. */
export type ResultEntry = { ruleKeys: Record<string, string>; result: ReviewResult };

/** The entry's JSON, built around the result's own (a large org's result is tens of MB: not serialised twice). */
export function entryJson(ruleKeys: Record<string, string>, resultJson: string): string {
  return `{"ruleKeys":${JSON.stringify(ruleKeys)},"result":${resultJson}}`;
}

/** An entry, or undefined when the JSON is not one (a miss: the review runs and rewrites it). */
export function decodeEntry(json: string | undefined): ResultEntry | undefined {
  if (json === undefined) return undefined;
  try {
    const value = JSON.parse(json) as Partial<ResultEntry> | null;
    if (value === null || typeof value !== 'object' || typeof value.ruleKeys !== 'object' || value.ruleKeys === null) return undefined;
    return isResult(value.result) ? (value as ResultEntry) : undefined;
  } catch {
    return undefined;
  }
}

function isResult(value: unknown): value is ReviewResult {
  if (value === null || typeof value !== 'object') return false;
  const result = value as Partial<ReviewResult>;
  return result.schemaVersion === RESULT_SCHEMA_VERSION && [result.findings, result.ruleErrors, result.parseIssues, result.warnings, result.objects, result.edges].every(Array.isArray) && typeof result.summary === 'object';
}

/**
 * The last run's findings of every rule whose key is unchanged (nothing it reads changed), by rule id.
 * A rule missing from the entry's keys did not run then (or failed: such runs are not kept) and runs now.
 */
export function reusableFindings(entry: ResultEntry | undefined, ruleKeys: Readonly<Record<string, string>>): Map<string, Finding[]> {
  const reusable = new Map<string, Finding[]>();
  if (!entry) return reusable;
  for (const [ruleId, key] of Object.entries(ruleKeys)) {
    if (entry.ruleKeys[ruleId] === key) reusable.set(ruleId, []);
  }
  for (const finding of entry.result.findings) reusable.get(finding.ruleId)?.push(finding);
  return reusable;
}

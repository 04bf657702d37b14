import { stableStringify } from '../report/stable-json.js';
import { type CompactResult, compactResult } from '../review/compact.js';
import { SEVERITIES } from '../review/finding.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from '../review/result.js';

/** A run kept in the history folder: its date (from the file name) and its compact result. */
export type HistoryRun = { date: string; result: Pick<CompactResult, 'findings'> };

/** `2026-11-23.json`: one entry per review date, so a rerun on the same date replaces it. */
const ENTRY_NAME = /^(\d{4}-\d{2}-\d{2})\.json$/;

/** The file name a run of this date is kept under. */
export function entryFileName(date: string): string {
  return `${date}.json`;
}

/** The date a history file name stands for, or undefined when the name is not `YYYY-MM-DD.json` with a real date. */
export function entryDate(fileName: string): string | undefined {
  const date = ENTRY_NAME.exec(fileName)?.[1];
  return date !== undefined && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? date : undefined;
}

/**
 * A history file's text as a run, or the reason it is not one (the caller names the file): a folder
 * anyone can write to must never crash the review, and an entry that is left out must say so.
 */
export function parseEntry(date: string, text: string): { run: HistoryRun } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `is not valid JSON (${(error as Error).message})` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not a compact review result (not a JSON object)' };
  const candidate = value as Record<string, unknown>;
  if (candidate.schemaVersion !== RESULT_SCHEMA_VERSION) {
    const found = typeof candidate.schemaVersion === 'string' ? `schemaVersion ${candidate.schemaVersion}` : 'no schemaVersion';
    return { problem: `has ${found}; this version reads ${RESULT_SCHEMA_VERSION}` };
  }
  if (candidate.detail !== 'compact') return { problem: 'is not a compact review result (its detail is not "compact")' };
  if (!Array.isArray(candidate.findings) || !candidate.findings.every(isFinding)) return { problem: 'is not a compact review result (its findings are not a list of findings)' };
  return { run: { date, result: { findings: candidate.findings as CompactResult['findings'] } } };
}

/** Only what the trend reads: a finding missing one of these would count or match wrongly. */
function isFinding(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const finding = value as Record<string, unknown>;
  return (
    typeof finding.ruleId === 'string' &&
    typeof finding.category === 'string' &&
    typeof finding.message === 'string' &&
    typeof finding.fingerprint === 'string' &&
    (SEVERITIES as readonly unknown[]).includes(finding.severity) &&
    (finding.object === undefined || typeof finding.object === 'string')
  );
}

/** What a run keeps in the history: its compact result, keys sorted, so the same review writes the same bytes. */
export function entryText(result: ReviewResult): string {
  // The trend itself is not kept: each run's is recomputed from the entries, and would only grow them.
  const { trend: _trend, ...kept } = result;
  return `${stableStringify(compactResult(kept))}\n`;
}

import { join } from 'node:path';
import type { ReviewResult } from '../review/result.js';
import { computeTrend } from './compute.js';
import { entryFileName, entryText } from './entry.js';
import { readHistory } from './history.js';

export { computeTrend, MAX_TREND_RUNS } from './compute.js';
export type { Trend, TrendChange, TrendFinding, TrendRun } from './types.js';

/**
 * `--history DIR`: the result with its trend over the runs kept in `dir` (and a warning per file left
 * out), and the entry this run adds. The entry is the result as reviewed, without the trend or those
 * warnings: they describe the folder, not the project.
 */
export function withTrend(result: ReviewResult, dir: string, date: string): { result: ReviewResult; entry: { file: string; text: string } } {
  const history = readHistory(dir, date);
  const trend = computeTrend(history.runs, { date, findings: result.findings });
  const warnings = result.warnings.slice();
  for (const warning of history.warnings) warnings.push(warning);
  return { result: { ...result, warnings, trend }, entry: { file: join(dir, entryFileName(date)), text: entryText(result) } };
}

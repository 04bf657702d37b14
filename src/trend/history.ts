import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../shared/compare.js';
import { entryDate, type HistoryRun, parseEntry } from './entry.js';

export type History = {
  /** The runs dated before this review, oldest first. */
  runs: HistoryRun[];
  /** One per file left out, naming it (for `result.warnings`). */
  warnings: string[];
};

/**
 * The earlier runs kept in `dir` (as the user wrote it, so warnings name files the way they know them).
 * This date's own entry is left out: this run replaces it. A missing folder is an empty history.
 */
export function readHistory(dir: string, date: string): History {
  if (!existsSync(dir)) return { runs: [], warnings: [] };
  const runs: HistoryRun[] = [];
  const warnings: string[] = [];
  const names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name));
  for (const entry of names) {
    const file = join(dir, entry.name);
    const entryOn = entryDate(entry.name);
    if (!entry.isFile() || entryOn === undefined) {
      warnings.push(`History file ${file} is not a run (runs are files named YYYY-MM-DD.json): left out of the trend.`);
      continue;
    }
    if (entryOn === date) continue;
    if (compare(entryOn, date) > 0) {
      warnings.push(`History file ${file} is dated after this review (${date}): left out of the trend.`);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      warnings.push(`History file ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): left out of the trend.`);
      continue;
    }
    const parsed = parseEntry(entryOn, text);
    if ('problem' in parsed) warnings.push(`History file ${file} ${parsed.problem}: left out of the trend.`);
    else runs.push(parsed.run);
  }
  return { runs, warnings };
}

import type { Finding } from '../../review/finding.js';
import { code, table } from '../markdown-escape.js';

/**
 * How much of a long list the Markdown report shows before folding the rest into a count: a
 * scale-1 org has tens of thousands of findings and 800 objects, and a report must stay small enough
 * to paste into a pull request or a wiki page (under 1 MB). `--format json` has everything.
 */
export const MARKDOWN_LIMITS = { findings: 80, integrationFindings: 50, principals: 10, objects: 15, rows: 25, foldedRows: 100 } as const;

/** A `<details>` block: GitHub and most wikis show the summary and fold the body. */
export function folded(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** What a folded list of findings held: how many per rule and severity. */
export function foldedFindings(rest: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const finding of rest) counts.set(`${finding.severity}\u0000${finding.ruleId}`, (counts.get(`${finding.severity}\u0000${finding.ruleId}`) ?? 0) + 1);
  const rows = [...counts].map(([key, count]) => {
    const [severity, ruleId] = key.split('\u0000') as [string, string];
    return [`**${severity}**`, code(ruleId), String(count)];
  });
  return folded(
    `${rest.length} more findings, not listed here (every one is in <code>--format json</code>)`,
    table(['severity', 'rule', 'findings'], rows),
  );
}

/** A table of at most `MARKDOWN_LIMITS.rows` rows, and a line saying how many more there are. */
export function cappedTable(headers: string[], rows: string[][], what: string): string {
  if (rows.length <= MARKDOWN_LIMITS.rows) return table(headers, rows);
  return `${table(headers, rows.slice(0, MARKDOWN_LIMITS.rows))}\n\n_${rows.length - MARKDOWN_LIMITS.rows} more ${what}, not listed here: see \`--format json --detail full\`._`;
}

/** A long table folded into `<details>` (at most `foldedRows` rows in it); a short one as it is. */
export function foldedTable(headers: string[], rows: string[][], what: string): string {
  if (rows.length <= MARKDOWN_LIMITS.rows) return table(headers, rows);
  const shown = table(headers, rows.slice(0, MARKDOWN_LIMITS.foldedRows));
  const more = rows.length > MARKDOWN_LIMITS.foldedRows ? `\n\n_${rows.length - MARKDOWN_LIMITS.foldedRows} more ${what}, not listed here: see \`--format json --detail full\`._` : '';
  return folded(`${rows.length} ${what}`, `${shown}${more}`);
}

import type { ReviewResult } from '../../review/result.js';
import type { TrendFinding } from '../../trend/types.js';
import { cell, code, table } from '../markdown-escape.js';
import { foldedTable } from './fold.js';

/** `--history`: findings per topic, severity and rule over the runs kept, and what changed since the last one. */
export function renderTrend(result: ReviewResult): string | undefined {
  const trend = result.trend;
  if (!trend) return undefined;
  const dates = trend.runs.map((run) => run.date);
  const shown = trend.totalRuns > trend.runs.length ? ` (the last ${trend.runs.length} of ${trend.totalRuns} runs kept)` : '';
  const parts = [`## Trend across audits${shown}`];
  const topics = Object.keys(trend.runs.at(-1)?.categories ?? {});
  parts.push(
    table(
      ['', ...dates.map(cell)],
      [
        ['**findings**', ...trend.runs.map((run) => String(run.findings))],
        ...Object.keys(trend.runs.at(-1)?.severities ?? {}).map((severity) => [severity, ...trend.runs.map((run) => String(run.severities[severity as keyof typeof run.severities]))]),
        ...topics.map((topic) => [`topic ${code(topic)}`, ...trend.runs.map((run) => String(run.categories[topic] ?? 0))]),
      ],
    ),
  );
  const rules = Object.keys(trend.runs.at(-1)?.rules ?? {});
  parts.push('Per rule:', foldedTable(['rule', ...dates.map(cell)], rules.map((rule) => [code(rule), ...trend.runs.map((run) => String(run.rules[rule] ?? 0))]), 'rules'));
  const change = trend.sincePrevious;
  if (!change) {
    parts.push('_The first run kept: nothing to compare with yet._');
  } else {
    parts.push(`Since the run of ${cell(change.previous)}: **${change.new.length} new**, **${change.fixed.length} fixed**.`);
    if (change.new.length > 0) parts.push('New:', foldedTable(FINDING_COLUMNS, change.new.map(findingRow), 'new findings'));
    if (change.fixed.length > 0) parts.push('Fixed:', foldedTable(FINDING_COLUMNS, change.fixed.map(findingRow), 'fixed findings'));
  }
  return parts.join('\n\n');
}

const FINDING_COLUMNS = ['severity', 'rule', 'object', 'finding', 'fingerprint'];

function findingRow(finding: TrendFinding): string[] {
  return [finding.severity, code(finding.ruleId), finding.object ? code(finding.object) : '', cell(finding.message), code(finding.fingerprint)];
}

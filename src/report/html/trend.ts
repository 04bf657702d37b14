import type { ReviewResult } from '../../review/result.js';
import type { TrendRun } from '../../trend/types.js';
import { html, type SafeHtml } from './escape.js';

const WIDTH = 480;
const HEIGHT = 120;
const PAD = 8;
const SEVERITY_COLOURS: Record<string, string> = { critical: '#8b0000', high: '#d9480f', medium: '#e8a200', low: '#4c6ef5', info: '#868e96' };

/** `--history`: a small chart of findings per severity over the runs, the counts per topic, and new/fixed since the last run. */
export function trendSection(result: ReviewResult): SafeHtml | string {
  const trend = result.trend;
  if (!trend) return '';
  const topics = Object.keys(trend.runs.at(-1)?.categories ?? {});
  const change = trend.sincePrevious;
  return html`<section id="trend"><h2>Trend across audits</h2>
${chart(trend.runs)}
<table><thead><tr><th></th>${trend.runs.map((run) => html`<th>${run.date}</th>`)}</tr></thead><tbody>
<tr><th>findings</th>${trend.runs.map((run) => html`<td>${String(run.findings)}</td>`)}</tr>
${topics.map((topic) => html`<tr><th>${topic}</th>${trend.runs.map((run) => html`<td>${String(run.categories[topic] ?? 0)}</td>`)}</tr>`)}
</tbody></table>
${change ? html`<p>Since the run of ${change.previous}: <strong>${String(change.new.length)} new</strong>, <strong>${String(change.fixed.length)} fixed</strong>.</p>` : html`<p class="muted">The first run kept: nothing to compare with yet.</p>`}
</section>`;
}

/** One line per severity; the y axis is scaled to the largest count shown. */
function chart(runs: readonly TrendRun[]): SafeHtml {
  const severities = Object.keys(runs.at(-1)?.severities ?? {});
  let top = 1;
  for (const run of runs) for (const severity of severities) top = Math.max(top, run.severities[severity as keyof TrendRun['severities']]);
  const x = (index: number): number => (runs.length === 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (runs.length - 1));
  const y = (count: number): number => HEIGHT - PAD - (count * (HEIGHT - 2 * PAD)) / top;
  const lines = severities.map((severity) => {
    const points = runs.map((run, index) => `${x(index).toFixed(1)},${y(run.severities[severity as keyof TrendRun['severities']]).toFixed(1)}`).join(' ');
    return html`<polyline fill="none" stroke="${SEVERITY_COLOURS[severity] ?? '#000'}" stroke-width="2" points="${points}"><title>${severity}</title></polyline>`;
  });
  return html`<svg role="img" aria-label="Findings per severity over the runs" width="${String(WIDTH)}" height="${String(HEIGHT)}" viewBox="0 0 ${String(WIDTH)} ${String(HEIGHT)}">${lines}</svg>
<p class="muted">${severities.map((severity, index) => html`${index > 0 ? ' · ' : ''}<svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${SEVERITY_COLOURS[severity] ?? '#000'}"></rect></svg> ${severity}`)}</p>`;
}

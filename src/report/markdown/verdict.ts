import type { BaselineInfo } from '../../gate/types.js';
import type { ReviewResult } from '../../review/result.js';
import { cell, code } from '../markdown-escape.js';

/**
 * The release gate's verdict, one line for the top of the report: what a reviewer reads first. Also
 * what the comparison with the baseline found. Left out when the review ran without gate options.
 */
export function renderVerdict(result: ReviewResult): string | undefined {
  const parts: string[] = [];
  if (result.gate) {
    const colon = result.gate.summary.indexOf(': ');
    const head = colon === -1 ? result.gate.summary : result.gate.summary.slice(0, colon);
    const rest = colon === -1 ? '' : ` ${result.gate.summary.slice(colon + 2)}`;
    parts.push(`**${cell(head)}.**${cell(rest)}`);
  }
  if (result.baseline) {
    const counts = [
      `${result.findings.filter((finding) => finding.baselineState === 'new').length} new`,
      `${result.findings.filter((finding) => finding.baselineState === 'existing').length} existing`,
      `${result.fixed?.length ?? 0} fixed`,
    ];
    parts.push(`Compared with ${baselineName(result.baseline)}: ${counts.join(', ')}.`);
  }
  if (result.accepted && result.accepted.length > 0) parts.push(`${result.accepted.length} accepted (kept out of the gate).`);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function baselineName(baseline: BaselineInfo): string {
  return baseline.kind === 'base-ref' ? `${code(baseline.ref)} (${code(baseline.commit.slice(0, 12))})` : code(baseline.file);
}

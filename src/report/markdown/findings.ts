import { type Finding, SEVERITIES } from '../../review/finding.js';
import type { ReviewResult } from '../../review/result.js';
import { cell, code, table } from '../markdown-escape.js';
import { foldedFindings, MARKDOWN_LIMITS } from './fold.js';
import { capped, sourceRef } from './labels.js';
import { compare } from '../../shared/compare.js';

const MAX_LISTED = 5;

/**
 * `## Findings`: one row per finding, most severe first. Generic on purpose: rules with more to say
 * (a recursion chain, a permission matrix) add a section of their own after this one.
 */
export function renderFindings(result: ReviewResult): string | undefined {
  if (result.findings.length === 0) return undefined;
  const sorted = sortFindings(result.findings);
  const rows = sorted.slice(0, MARKDOWN_LIMITS.findings).map((finding) => [
    `**${finding.severity}**`,
    code(finding.ruleId),
    finding.object ? code(finding.object) : '',
    cell(finding.message),
    capped(finding.components.map(component), MAX_LISTED, '; '),
    capped(finding.evidence.map(evidence), MAX_LISTED, '; '),
  ]);
  const parts = ['## Findings', '', table(['severity', 'rule', 'object', 'finding', 'components', 'evidence'], rows)];
  // Most severe first, so what is folded is what matters least.
  if (sorted.length > MARKDOWN_LIMITS.findings) parts.push('', foldedFindings(sorted.slice(MARKDOWN_LIMITS.findings)));
  return parts.join('\n');
}

/** Most severe first; then by rule, object and fingerprint, so the order never depends on rule timing. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rank = (finding: Finding): number => {
    const index = SEVERITIES.indexOf(finding.severity);
    return index === -1 ? SEVERITIES.length : index;
  };
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.object ?? '', b.object ?? '') ||
      compare(a.fingerprint, b.fingerprint) ||
      compare(a.message, b.message),
  );
}

function component(value: Finding['components'][number]): string {
  const where = sourceRef({ file: value.file, ...(value.line !== undefined ? { line: value.line } : {}) });
  return `${cell(value.type)} ${code(value.name)}${where ? ` (${where})` : ''}`;
}

function evidence(value: Finding['evidence'][number]): string {
  const where = value.file ? sourceRef({ file: value.file, ...(value.line !== undefined ? { line: value.line } : {}) }) : '';
  return `${cell(value.text)}${where ? ` (${where})` : ''}`;
}

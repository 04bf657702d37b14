import type { Finding } from '../../review/finding.js';
import type { ReviewResult } from '../../review/result.js';
import { cell, code, table } from '../markdown-escape.js';
import { sortFindings } from './findings.js';
import { sourceRef } from './labels.js';
import { cappedTable } from './fold.js';

const CATEGORIES = new Set(['recursion', 'limits']);
const inSection = (ruleId: string): boolean => CATEGORIES.has(ruleId.split('/')[0]!);
const CHAIN_PREFIX = 'chain: ';

/**
 * `## Recursion risks`: every recursion and limits finding, most severe first, with the save chain of
 * each cycle or the site of each limits problem. Like every topic section it needs its report data
 * (`result.recursion`): a result without it (hand-built, or from an older version) leaves it out.
 */
export function renderRecursionRisks(result: ReviewResult): string | undefined {
  if (result.recursion === undefined) return undefined;
  const findings = sortFindings(result.findings.filter((finding) => inSection(finding.ruleId)));
  if (findings.length === 0) {
    const failed = result.ruleErrors.filter((error) => inSection(error.ruleId)).length;
    const caveat = failed > 0 ? ` (${failed} of these rules failed, so their findings are missing)` : '';
    return ['## Recursion risks', '', `No save cycles, event loops, DML or queries in loops, or callouts in a save transaction were found${caveat}.`].join('\n');
  }
  const rows = findings.map((finding) => [`**${finding.severity}**`, code(finding.ruleId), finding.object ? code(finding.object) : '', chainOrSite(finding), cell(finding.message)]);
  return ['## Recursion risks', '', cappedTable(['severity', 'rule', 'object', 'chain/site', 'why'], rows, 'recursion risks')].join('\n');
}

/** A cycle's chain (its first evidence, `chain: A —[...]→ B ...`), else the component and where the problem is. */
function chainOrSite(finding: Finding): string {
  const first = finding.evidence[0];
  if (first?.text.startsWith(CHAIN_PREFIX)) return `chain: ${cell(first.text.slice(CHAIN_PREFIX.length))}`;
  const component = finding.components[0];
  const who = component ? `${cell(component.type)} ${code(component.name)}` : '';
  if (!first) return who;
  const where = first.file ? sourceRef({ file: first.file, ...(first.line !== undefined ? { line: first.line } : {}) }) : '';
  return `${who}${who ? ': ' : ''}${cell(first.text)}${where ? ` (${where})` : ''}`;
}

import type { ReviewResult } from '../../review/result.js';
import { cell, code, table } from '../markdown-escape.js';
import { plural } from './labels.js';

/** `## What could not be read`: files the loader or a parser rejected, org components that did not arrive, and rules that threw. */
export function renderParseIssues(result: ReviewResult): string {
  const parts = ['## What could not be read'];
  if (result.parseIssues.length === 0) {
    parts.push('Every file was read.');
  } else {
    parts.push(`${plural(result.parseIssues.length, 'file')} could not be read; the review covers everything else.`);
    parts.push(table(['file', 'type', 'problem'], result.parseIssues.map((issue) => [code(issue.file), cell(issue.type), cell(issue.message)])));
  }
  const notCovered = result.org?.notCovered ?? [];
  if (notCovered.length > 0) {
    parts.push(`${plural(notCovered.length, 'component')} of the org could not be retrieved or is opaque to the review (managed packages):`);
    parts.push(table(['type', 'component', 'why'], notCovered.map((gap) => [cell(gap.type), code(gap.fullName), cell(gap.reason)])));
  }
  if (result.ruleErrors.length > 0) {
    const whose = result.ruleErrors.length === 1 ? 'its' : 'their';
    parts.push(`${plural(result.ruleErrors.length, 'rule')} failed; ${whose} findings are missing from this report, the other rules' findings stand.`);
    parts.push(table(['rule', 'error'], result.ruleErrors.map((error) => [code(error.ruleId), cell(error.message)])));
  }
  return parts.join('\n\n');
}

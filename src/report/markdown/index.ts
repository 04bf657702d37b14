import type { ReviewResult } from '../../review/result.js';
import { renderAutomationByObject } from './automation.js';
import { renderFindings } from './findings.js';
import { renderIntegrationUsers } from './integration-users.js';
import { renderInventory } from './inventory.js';
import { renderOwnership } from './ownership.js';
import { renderParseIssues } from './parse-issues.js';
import { renderRecursionRisks } from './recursion.js';
import { renderVerdict } from './verdict.js';
import { renderHeader, renderSummary } from './summary.js';
import { renderSystemOfRecord } from './system-of-record.js';
import { renderTrend } from './trend.js';

/** A report section: Markdown starting with its `##` heading, or `undefined` to leave it out. */
export type MarkdownSection = (result: ReviewResult) => string | undefined;

/**
 * The sections, in report order. Sections of later rules (recursion chains, system of record, ...)
 * go after `renderFindings` and before `renderAutomationByObject`.
 */
export const MARKDOWN_SECTIONS: readonly MarkdownSection[] = [
  renderHeader,
  renderVerdict,
  renderSummary,
  renderTrend,
  renderFindings,
  renderRecursionRisks,
  renderSystemOfRecord,
  renderIntegrationUsers,
  renderOwnership,
  renderAutomationByObject,
  renderInventory,
  renderParseIssues,
];

/** The Markdown report: pure, deterministic, every metadata string escaped. */
export function renderMarkdown(result: ReviewResult): string {
  const sections = MARKDOWN_SECTIONS.map((section) => section(result)).filter((text): text is string => text !== undefined);
  return `${sections.join('\n\n')}\n`;
}

export { MAX_TABLE_ROWS, AUTOMATION_COLUMNS } from './automation.js';
export { MAX_DIAGRAM_AUTOMATIONS } from './pipeline-diagram.js';
export { sortFindings } from './findings.js';

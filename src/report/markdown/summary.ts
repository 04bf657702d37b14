import type { AutomationType } from '../../graph/types.js';
import { SEVERITIES } from '../../review/finding.js';
import type { ReviewResult } from '../../review/result.js';
import { cell, code, table } from '../markdown-escape.js';
import { AUTOMATION_TYPE_LABELS, plural, uncoveredStepLabels } from './labels.js';

/** The title and the source folders the review read. */
export function renderHeader(result: ReviewResult): string {
  const lines = ['# Architecture review', '', `Source: ${result.sourceDirs.map(code).join(', ') || '(none)'}`];
  if (result.org) {
    const org = result.org;
    lines.push('', `Org: ${code(org.username)} (${code(org.id)}, ${cell(org.instanceUrl)}), API ${cell(org.apiVersion)}, retrieved ${cell(org.retrievedAt)}${org.fromCache ? ' (cached copy)' : ''}`);
  }
  if (result.objectFilter && result.objectFilter.length > 0) {
    lines.push('', `Objects: ${result.objectFilter.map(code).join(', ')} (\`--object\` filter)`);
  }
  if (result.warnings.length > 0) {
    lines.push('', ...result.warnings.map((warning) => `> **Warning:** ${cell(warning)}`));
  }
  return lines.join('\n');
}

/** `## Summary`: what was reviewed, what was found, what could not be read, and what this version does not cover. */
export function renderSummary(result: ReviewResult): string {
  const automation = countAutomation(result);
  const totalActive = [...automation.values()].reduce((sum, counts) => sum + counts.active, 0);
  const totalInactive = [...automation.values()].reduce((sum, counts) => sum + counts.inactive, 0);
  const severities = SEVERITIES.map((severity) => `${result.findings.filter((finding) => finding.severity === severity).length} ${severity}`);
  const uncovered = uncoveredStepLabels();

  const lines = [
    '## Summary',
    '',
    `- **Objects reviewed:** ${result.objects.length} with automation, of ${plural(result.summary.objects.length, 'object')} in the inventory.`,
    `- **Automation:** ${totalActive} active, ${totalInactive} inactive (by type below).`,
    `- **Findings:** ${plural(result.findings.length, 'finding')}: ${severities.join(', ')}.`,
    `- **Could not be read:** ${plural(result.parseIssues.length, 'file')}` +
      (result.ruleErrors.length > 0
        ? `; ${plural(result.ruleErrors.length, 'rule')} failed, so ${result.ruleErrors.length === 1 ? 'its' : 'their'} findings are missing.`
        : '.'),
    `- **Not covered by this version:** ${uncovered.join(', ')}. Automation in these steps of the order of execution is not read, so it is not shown.`,
  ];
  if (automation.size > 0) {
    lines.push(
      '',
      table(
        ['automation', 'active', 'inactive'],
        [...automation].map(([type, counts]) => [AUTOMATION_TYPE_LABELS[type] ?? type, String(counts.active), String(counts.inactive)]),
      ),
    );
  }
  return lines.join('\n');
}

/** Distinct automations per type across every pipeline (a trigger placed in two steps counts once). */
function countAutomation(result: ReviewResult): Map<AutomationType, { active: number; inactive: number }> {
  const active = new Map<string, AutomationType>();
  const inactive = new Map<string, AutomationType>();
  for (const pipeline of result.objects) {
    for (const entry of pipeline.entries) active.set(entry.automationId, entry.automationType);
    for (const entry of pipeline.inactive) inactive.set(entry.automationId, entry.automationType);
  }
  const counts = new Map<AutomationType, { active: number; inactive: number }>();
  const order = Object.keys(AUTOMATION_TYPE_LABELS) as AutomationType[];
  for (const type of order) {
    const activeCount = [...active.values()].filter((candidate) => candidate === type).length;
    const inactiveCount = [...inactive.entries()].filter(([id, candidate]) => candidate === type && !active.has(id)).length;
    if (activeCount + inactiveCount > 0) counts.set(type, { active: activeCount, inactive: inactiveCount });
  }
  return counts;
}


import type { Finding } from '../../review/finding.js';
import type { ReviewResult } from '../../review/result.js';
import type { OwnershipComponent } from '../../review/sections/ownership.js';
import { cell, code, table } from '../markdown-escape.js';
import { sortFindings } from './findings.js';
import { plural, sourceRef } from './labels.js';

/** Rows per table before the section cuts (the JSON has everything). */
export const MAX_OWNERSHIP_ROWS = 40;

/**
 * `## Ownership and expiry`: placed before `## Automation by object`. Counts by type, the expired and
 * expiring components by date, then the other hygiene and legacy findings.
 */
export function renderOwnership(result: ReviewResult): string | undefined {
  const report = result.ownership;
  if (!report) return undefined;
  const parts = [
    '## Ownership and expiry',
    `Review date ${cell(report.asOf)}. Owner and expiry come from, in order: the policy's \`owners\` registry, \`Owner:\` and \`Expires:\` (or \`Review by:\`) in the description, then a field's \`businessOwnerGroup\` or \`businessOwnerUser\`. Apex, profiles and standard objects carry no description and are not checked.`,
    table(
      ['type', 'components', 'owned', 'unowned', 'expired', 'expiring (30 days)', 'retiring', 'owner from'],
      report.counts.map((count) => [
        cell(count.type),
        String(count.components),
        String(count.owned),
        String(count.unowned),
        String(count.expired),
        String(count.expiring),
        String(count.retiring),
        cell(Object.entries(count.ownerSources).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([source, n]) => `${source} ${n}`).join(', ')),
      ]),
    ),
  ];

  if (report.deadlines.length === 0) {
    parts.push('**Expired and expiring:** nothing has expired or expires within 30 days.');
  } else {
    parts.push(
      [
        `**Expired and expiring** (earliest first): ${plural(report.deadlines.length, 'component')}.`,
        '',
        table(['expires', 'state', 'component', 'owner', 'expiry from'], report.deadlines.slice(0, MAX_OWNERSHIP_ROWS).map(deadlineRow)),
      ].join('\n'),
    );
    if (report.deadlines.length > MAX_OWNERSHIP_ROWS) parts.push(cut(report.deadlines.length, 'expired or expiring components'));
  }

  // Expired components are listed above; every other hygiene and legacy finding follows.
  const others = sortFindings(result.findings.filter((finding) => (finding.category === 'hygiene' || finding.category === 'legacy') && finding.ruleId !== 'hygiene/expired'));
  if (others.length > 0) {
    parts.push(
      [
        `**Other hygiene and legacy findings:** ${plural(others.length, 'finding')}.`,
        '',
        table(['severity', 'rule', 'component', 'finding'], others.slice(0, MAX_OWNERSHIP_ROWS).map(findingRow)),
      ].join('\n'),
    );
    if (others.length > MAX_OWNERSHIP_ROWS) parts.push(cut(others.length, 'findings'));
  }
  return parts.join('\n\n');
}

function deadlineRow(component: OwnershipComponent): string[] {
  const daysLeft = component.expiry!.daysLeft;
  const state =
    component.expiry!.state === 'expired' ? `expired ${plural(-daysLeft, 'day')} ago` : daysLeft === 0 ? 'expires today' : `expires in ${plural(daysLeft, 'day')}`;
  const where = sourceRef(component.expiresRef);
  return [
    cell(component.expires),
    state,
    `${cell(component.processBuilder ? 'Process Builder' : component.type)} ${code(component.name)}`,
    component.owner ? `${cell(component.owner)} (${cell(component.ownerSource)})` : 'none',
    `${cell(component.expiresSource)}${where ? ` ${where}` : ''}`,
  ];
}

function findingRow(finding: Finding): string[] {
  const first = finding.components[0];
  const more = finding.components.length > 1 ? ` +${finding.components.length - 1}` : '';
  return [`**${finding.severity}**`, code(finding.ruleId), first ? `${cell(first.type)} ${code(first.name)}${more}` : '', cell(finding.message)];
}

function cut(total: number, what: string): string {
  return `The table shows the first ${MAX_OWNERSHIP_ROWS} of ${total} ${what}; \`--format json\` has everything.`;
}

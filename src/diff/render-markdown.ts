import { cell, code, table } from '../report/markdown-escape.js';
import { refText } from './evidence.js';
import type { SourceRef } from '../metadata/model.js';
import type { AutomationDiff, DiffResult, GrantEvidence, PermissionDiff, SignatureEvidence } from './types.js';

/** The diff as Markdown: a summary, then automations, integration permissions and ownership, each with evidence on both sides. */
export function renderDiffMarkdown(result: DiffResult): string {
  const { summary } = result;
  const parts = [
    '# Drift between two projects',
    [`- **A:** ${sideText(result.a)}`, `- **B:** ${sideText(result.b)}`].join('\n'),
    '## Summary',
    table(
      ['section', 'added in B', 'removed in B', 'changed'],
      [
        ['Automations', String(summary.automations.added), String(summary.automations.removed), String(summary.automations.changed)],
        ['Integration permissions', String(summary.permissions.added), String(summary.permissions.removed), String(summary.permissions.changed)],
        ['Ownership', '', '', String(summary.ownership)],
      ],
    ),
    '## Automations',
    result.automations.length > 0 ? result.automations.map(automationSection).join('\n\n') : 'No automation differs.',
    '## Integration permissions',
    result.permissions.length > 0 ? result.permissions.map(permissionSection).join('\n\n') : 'No integration principal differs.',
    '## Ownership',
    result.ownership.length > 0
      ? table(
          ['what', 'component', 'A', 'B', 'evidence A', 'evidence B'],
          result.ownership.map((diff) => [diff.kind, `${cell(diff.type)} ${code(diff.name)}`, cell(valueText(diff.a.value, diff.a.source)), cell(valueText(diff.b.value, diff.b.source)), code(refText(diff.a.ref)), code(refText(diff.b.ref))]),
        )
      : 'No system of record, owner or expiry differs.',
  ];
  const notCompared = [...(result.a.org?.notCompared.map((gap) => ['A', gap] as const) ?? []), ...(result.b.org?.notCompared.map((gap) => ['B', gap] as const) ?? [])];
  if (notCompared.length > 0) {
    parts.push('## Not compared', 'What the org side does not show, so its drift cannot be seen here:', table(['side', 'type', 'component', 'why'], notCompared.map(([side, gap]) => [side, cell(gap.type), code(gap.fullName), cell(gap.reason)])));
  }
  if (result.parseIssues.a + result.parseIssues.b > 0) parts.push(`> Could not read ${result.parseIssues.a} file(s) of A and ${result.parseIssues.b} of B: run "sf arch review" on each side for the list.`);
  return `${parts.join('\n\n')}\n`;
}

/** `force-app` (policy `arch-review.yml`), or the org: `admin@acme.example` at https://… (retrieved …). */
function sideText(side: DiffResult['a']): string {
  const policy = side.policyFile ? ` (policy ${code(side.policyFile)})` : '';
  if (side.org) return `the org ${code(side.org.username)} at ${code(side.org.instanceUrl)}, retrieved ${cell(side.org.retrievedAt)}${policy}`;
  return `${side.sourceDirs.map(code).join(', ')}${policy}`;
}

function automationSection(diff: AutomationDiff): string {
  const head = `### ${diff.change}: ${cell(diff.type)} ${code(diff.name)}${diff.object ? ` on ${code(diff.object)}` : ''}`;
  const where = `A: ${diff.a ? code(refText(diff.a)) : '(absent)'} · B: ${diff.b ? code(refText(diff.b)) : '(absent)'}`;
  const rows = [...diff.lost.map((item) => signatureRow('only in A', item)), ...diff.gained.map((item) => signatureRow('only in B', item))];
  return [head, where, rows.length > 0 ? table(['side', 'what', 'evidence A', 'evidence B'], rows) : ''].filter(Boolean).join('\n\n');
}

function signatureRow(side: string, item: SignatureEvidence): string[] {
  return [side, cell(item.what), refsText(item.a), refsText(item.b)];
}

function permissionSection(diff: PermissionDiff): string {
  const head = `### ${diff.change}: ${code(diff.principal)}`;
  const where = `A: ${diff.a ? code(refText(diff.a)) : diff.change === 'added' ? '(absent)' : '(no file)'} · B: ${diff.b ? code(refText(diff.b)) : diff.change === 'removed' ? '(absent)' : '(no file)'}`;
  const system = diff.system ? `System: ${cell(diff.system.a ?? '(none)')} in A, ${cell(diff.system.b ?? '(none)')} in B.` : '';
  const rows = [...diff.lost.map((grant) => grantRow('lost in B', grant)), ...diff.gained.map((grant) => grantRow('gained in B', grant))];
  return [head, where, system, rows.length > 0 ? table(['change', 'grant', 'through', 'evidence'], rows) : ''].filter(Boolean).join('\n\n');
}

function grantRow(change: string, grant: GrantEvidence): string[] {
  return [change, cell(grant.grant), cell(grant.sources.join('; ')), refsText(grant.evidence)];
}

function refsText(refs: SourceRef[]): string {
  const shown = refs.slice(0, 3).map((ref) => code(refText(ref)));
  return refs.length > 3 ? `${shown.join(', ')} and ${refs.length - 3} more` : shown.join(', ');
}

function valueText(value: string | undefined, source: string | undefined): string {
  return value ? `${value}${source ? ` (${source})` : ''}` : '(none)';
}

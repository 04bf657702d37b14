import type { ReviewResult } from '../../review/result.js';
import type { IntegrationPrincipalReport, IntegrationUsersReport } from '../../review/sections/integration-users.js';
import { cell, code, heading, table } from '../markdown-escape.js';
import { sortFindings } from './findings.js';
import { plural, sourceRef } from './labels.js';
import { cappedTable, folded, foldedFindings, MARKDOWN_LIMITS } from './fold.js';

const ACCESS: Record<string, string> = { viewAll: 'View All', modifyAll: 'Modify All', delete: 'Delete' };

/**
 * `## Integration users`: per principal what it is, how it logs in, its dangerous permissions, its
 * widest object access and the fields it edits for other systems; then the creep since the baseline,
 * then the perm findings. Placed before `## Automation by object`.
 */
export function renderIntegrationUsers(result: ReviewResult): string | undefined {
  const report = result.integrationUsers as IntegrationUsersReport | undefined;
  if (!report || (report.principals.length === 0 && !report.baseline)) return undefined;
  const declared = report.principals.filter((principal) => principal.origin === 'declared').length;
  const lines = [
    '## Integration users',
    '',
    `${plural(report.principals.length, 'integration principal')}: ${declared} declared in the policy (\`systems.<s>.integration\`), ${report.principals.length - declared} detected. ` +
      'A detected principal only looks like an integration: confirm it in the policy, or list it under `integrationExclude`.' +
      (report.assignmentsFile ? ` Users and assignments from ${code(report.assignmentsFile)}.` : ''),
  ];
  for (const principal of report.principals.slice(0, MARKDOWN_LIMITS.principals)) lines.push('', ...principalSection(principal));
  const hidden = report.principals.slice(MARKDOWN_LIMITS.principals);
  if (hidden.length > 0) lines.push('', folded(`${hidden.length} more integration principals, not detailed here`, hidden.map((principal) => `- ${principal.type} ${code(principal.name)}`).join('\n')));
  lines.push('', ...creepSection(report));
  const findings = sortFindings(result.findings.filter((finding) => finding.ruleId.startsWith('perm/')));
  lines.push('', '### Integration findings', '');
  if (findings.length === 0) lines.push('None.');
  else lines.push(table(['severity', 'rule', 'finding'], findings.slice(0, MARKDOWN_LIMITS.integrationFindings).map((finding) => [`**${finding.severity}**`, code(finding.ruleId), cell(finding.message)])));
  if (findings.length > MARKDOWN_LIMITS.integrationFindings) lines.push('', foldedFindings(findings.slice(MARKDOWN_LIMITS.integrationFindings)));
  return lines.join('\n');
}

function principalSection(principal: IntegrationPrincipalReport): string[] {
  const title = `${principal.type} ${principal.name}`;
  const lines = [
    `### ${heading(title)}`,
    '',
    `- **System:** ${principal.systemLabel ? cell(principal.systemLabel) : 'unknown'}`,
    `- **${principal.origin === 'declared' ? 'Declared' : 'Detected'}:** ${principal.reasons.map(cell).join('; ')}`,
    ...(principal.file ? [`- **Defined in:** ${sourceRef({ file: principal.file, ...(principal.line !== undefined ? { line: principal.line } : {}) })}`] : []),
    ...(principal.holdingsKnown ? [`- **Login:** ${cell(principal.login)}`] : []),
  ];
  if (principal.type === 'User') {
    lines.push(
      principal.holdingsKnown
        ? `- **Holds:** ${principal.holds.map(container).join(', ') || 'nothing in the project'}${principal.missing.length > 0 ? `; not in the project, so not counted: ${principal.missing.map(container).join(', ')}` : ''}`
        : '- **Holds:** unknown: pass `--assignments FILE` (a PermissionSetAssignment export) to see its profile and permission sets.',
    );
    if (!principal.holdingsKnown) return lines;
  } else if (principal.missing.length > 0) {
    lines.push(`- **Not in the project:** ${principal.missing.map(container).join(', ')}`);
  }
  const counts = principal.counts;
  lines.push(`- **Grants:** ${plural(counts.systemPermissions, 'system permission')}, access to ${plural(counts.objects, 'object')}, edit on ${plural(counts.editableFields, 'field')}`);
  lines.push('', '**Dangerous permissions**', '');
  lines.push(
    principal.dangerous.length === 0
      ? 'None.'
      : table(
          ['permission', 'tier', 'why', 'granted by'],
          principal.dangerous.map((grant) => [code(grant.permission), `**${grant.tier}**`, cell(grant.reason), sources(grant.sources)]),
        ),
  );
  lines.push('', '**Objects with View All, Modify All or Delete**', '');
  lines.push(
    principal.objects.length === 0
      ? 'None.'
      : cappedTable(
          ['object', 'access', 'beyond its system', 'granted by'],
          principal.objects.map((row) => [code(row.object), row.access.map((access) => ACCESS[access] ?? cell(access)).join(', '), row.beyondSystem ? 'yes' : 'no', sources(row.sources)]),
          'objects',
        ),
  );
  lines.push('', '**Fields it can edit that another system owns**', '');
  lines.push(
    principal.foreignFields.length === 0
      ? 'None.'
      : cappedTable(['field', 'owner', 'granted by'], principal.foreignFields.map((row) => [code(row.field), cell(row.owner), sources(row.sources)]), 'fields'),
  );
  return lines;
}

function creepSection(report: IntegrationUsersReport): string[] {
  const lines = ['### Creep since the baseline', ''];
  if (!report.baseline) {
    lines.push('No baseline given. Save one with `--save-snapshot FILE`, commit it, and pass it to `--baseline FILE` in the next review to see what integrations gained since.');
    return lines;
  }
  lines.push(`Baseline: ${code(report.baseline.file)}.`, '');
  if (report.baseline.changes.length === 0) {
    lines.push('No integration permission changed since the baseline.');
    return lines;
  }
  lines.push(
    table(
      ['principal', 'change', 'grant', 'granted by'],
      report.baseline.changes.map((row) => [container(row.principal), row.change === 'added' ? '**added**' : 'removed', cell(row.grant), sources(row.sources)]),
    ),
  );
  return lines;
}

/** `PermissionSet:SAP_Integration` → PermissionSet `SAP_Integration`. */
function container(id: string): string {
  const colon = id.indexOf(':');
  return colon === -1 ? code(id) : `${cell(id.slice(0, colon))} ${code(id.slice(colon + 1))}`;
}

/** `PermissionSetGroup:G > PermissionSet:P; Profile:X` as escaped text. */
function sources(list: readonly string[]): string {
  return list.map((source) => source.split(' > ').map(container).join(' › ')).join('; ');
}

import type { ReviewResult } from '../../review/result.js';
import type { SorField, SorWriter, SystemOfRecordReport } from '../../review/sections/system-of-record.js';
import { cell, code, lineStart, table } from '../markdown-escape.js';
import { sortFindings } from './findings.js';
import { capped, plural, sourceRef } from './labels.js';
import { appendAll } from '../../shared/arrays.js';

/** Matrix rows before the report cuts (fields with a violation are always shown). */
export const MAX_SOR_ROWS = 80;
const MAX_WRITERS = 6;

/** `## System of record`: placed before `## Automation by object`. */
export function renderSystemOfRecord(result: ReviewResult): string | undefined {
  const report = result.systemOfRecord;
  const findings = sortFindings(result.findings.filter((finding) => finding.ruleId.startsWith('sor/')));
  if (!report && findings.length === 0) return undefined;
  const parts = ['## System of record'];
  if (report) appendAll(parts, renderReport(report));
  if (findings.length === 0) {
    parts.push('No system-of-record findings.');
  } else {
    const items = findings.map((finding) => {
      const where = finding.components[0] ? ` (${sourceRef({ file: finding.components[0].file, ...(finding.components[0].line !== undefined ? { line: finding.components[0].line } : {}) })})` : '';
      return `- **${finding.severity}** ${code(finding.ruleId)}: ${lineStart(finding.message)}${where}`;
    });
    parts.push([`**Findings** (${findings.length}):`, '', ...items].join('\n'));
  }
  return parts.join('\n\n');
}

function renderReport(report: SystemOfRecordReport): string[] {
  const labelOf = systemLabels(report);
  const parts = [
    `Who owns each field and who writes it. Owners come from \`systems\` in the policy and from \`System of record:\` tags in field descriptions (the policy wins); every other field belongs to ${cell(labelOf(report.defaultOwner))}.`,
  ];
  if (report.systems.length > 0) {
    const rows = report.systems.map((system) => [
      code(system.key),
      cell(system.label),
      system.declaredIn === 'policy' ? 'policy' : 'descriptions only',
      String(system.ownedFields),
      capped([...system.permissionSets.map((name) => `PermissionSet ${code(name)}`), ...system.profiles.map((name) => `Profile ${code(name)}`), ...system.users.map((name) => `User ${code(name)}`)], MAX_WRITERS) || '—',
      capped(system.automations.map(code), MAX_WRITERS) || '—',
    ]);
    parts.push(table(['system', 'label', 'declared in', 'owned fields', 'integration principals', 'declared writer automation'], rows));
  }
  if (report.fields.length === 0) {
    parts.push('No field of the project is owned by another system.');
    return parts;
  }
  const { shown, left } = cut(report.fields);
  const rows = shown.map((field) => [
    code(field.field),
    cell(labelOf(field.owner)),
    field.source === 'policy' ? `policy ${code(field.pattern ?? '')}` : field.source === 'description' ? `description (${cell(field.tag ?? '')})` : 'default',
    writersCell(field.writers.filter((writer) => writer.kind === 'integration'), labelOf),
    writersCell(field.writers.filter((writer) => writer.kind === 'automation'), labelOf),
    field.violation ? `**${code(field.violation)}**` : 'ok',
  ]);
  parts.push(table(['field', 'owner', 'decided by', 'integration (can edit)', 'automation (writes)', 'status'], rows));
  if (left > 0) {
    parts.push(`The matrix shows ${shown.length} of ${report.fields.length} fields (every field with a violation); ${plural(left, 'field without writers from another system is', 'fields without writers from another system are')} left out. \`--format json\` has them all.`);
  }
  return parts;
}

function writersCell(writers: SorWriter[], labelOf: (key: string) => string): string {
  const items = writers.map((writer) => {
    const how = writer.how ? ` ${cell(writer.how)}` : '';
    const mark = writer.foreign ? ' **(foreign)**' : '';
    return `${cell(writer.type)} ${code(writer.name)}${how} — ${cell(labelOf(writer.system))}${mark}`;
  });
  return capped(items, MAX_WRITERS, '; ') || '—';
}

/** Every violated field, then the others in field order, up to the cap; the table keeps field order. */
function cut(fields: SorField[]): { shown: SorField[]; left: number } {
  if (fields.length <= MAX_SOR_ROWS) return { shown: fields, left: 0 };
  const violated = fields.filter((field) => field.violation);
  const room = Math.max(0, MAX_SOR_ROWS - violated.length);
  const others = fields.filter((field) => !field.violation).slice(0, room);
  const keep = new Set([...violated, ...others]);
  const shown = fields.filter((field) => keep.has(field));
  return { shown, left: fields.length - shown.length };
}

/** A system key as a reader knows it: its label, `Salesforce` for the default owner. */
export function systemLabels(report: SystemOfRecordReport): (key: string) => string {
  const labels = new Map(report.systems.map((system) => [system.key.toLowerCase(), system.label]));
  return (key) => labels.get(key.toLowerCase()) ?? (key.toLowerCase() === 'salesforce' ? 'Salesforce' : key);
}

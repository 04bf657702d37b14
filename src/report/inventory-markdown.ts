import type { ReviewResult } from '../review/review.js';
import { cell, code, table } from './markdown-escape.js';

/** The Markdown inventory: what the review read, per type and per object, and what it could not read. */
export function renderInventoryMarkdown(result: ReviewResult): string {
  const { summary } = result;
  const parts: string[] = [];
  parts.push('# Architecture review: inventory');
  parts.push(`Source: ${result.sourceDirs.map(code).join(', ')}`);

  parts.push('## Metadata by type');
  parts.push(table(['type', 'count'], Object.entries(summary.counts).map(([type, count]) => [code(type), String(count)])));

  parts.push('## Objects');
  parts.push(
    summary.objects.length === 0
      ? '_No objects in the project._'
      : table(
          ['object', 'kind', 'fields', 'validation rules', 'flows', 'triggers'],
          summary.objects.map((object) => [
            code(object.name),
            cell(object.kind),
            String(object.fields),
            String(object.validationRules),
            String(object.flows),
            String(object.triggers),
          ]),
        ),
  );

  parts.push('## Permission sets and profiles');
  const containers = [
    ...summary.profiles.map((profile) => ({ ...profile, type: 'Profile' })),
    ...summary.permissionSets.map((set) => ({ ...set, type: 'PermissionSet' })),
  ];
  parts.push(
    containers.length === 0
      ? '_No permission sets or profiles in the project._'
      : table(
          ['name', 'type', 'label', 'license', 'system permissions', 'object permissions', 'field permissions'],
          containers.map((container) => [
            code(container.name),
            container.type,
            cell(container.label),
            cell(container.license),
            String(container.userPermissions),
            String(container.objectPermissions),
            String(container.fieldPermissions),
          ]),
        ),
  );
  if (summary.permissionSetGroups.length > 0) {
    parts.push(
      table(
        ['permission set group', 'label', 'permission sets', 'muting permission sets'],
        summary.permissionSetGroups.map((group) => [
          code(group.name),
          cell(group.label),
          String(group.permissionSets),
          String(group.mutingPermissionSets),
        ]),
      ),
    );
  }

  parts.push('## What could not be read');
  parts.push(
    result.parseIssues.length === 0
      ? 'Every file was read.'
      : `${result.parseIssues.length} file(s) could not be read; the review covers everything else.\n\n` +
          table(
            ['file', 'type', 'problem'],
            result.parseIssues.map((issue) => [code(issue.file), cell(issue.type), cell(issue.message)]),
          ),
  );
  return `${parts.join('\n\n')}\n`;
}

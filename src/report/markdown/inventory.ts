import type { ReviewResult } from '../../review/result.js';
import { cell, code, table } from '../markdown-escape.js';
import { foldedTable } from './fold.js';

/** `## Inventory`: what the review read, per metadata type, per object, and the permission containers. */
export function renderInventory(result: ReviewResult): string {
  const { summary } = result;
  const parts = ['## Inventory'];

  parts.push('### Metadata by type');
  const counts = Object.entries(summary.counts);
  parts.push(counts.length === 0 ? 'No metadata was read.' : table(['type', 'count'], counts.map(([type, count]) => [code(type), String(count)])));

  parts.push('### Objects');
  parts.push(
    summary.objects.length === 0
      ? 'No objects in the project.'
      : foldedTable(
          ['object', 'kind', 'fields', 'validation rules', 'flows', 'triggers'],
          summary.objects.map((object) => [
            code(object.name),
            cell(object.kind),
            String(object.fields),
            String(object.validationRules),
            String(object.flows),
            String(object.triggers),
          ]),
          'objects',
        ),
  );

  parts.push('### Permission sets and profiles');
  const containers = [
    ...summary.profiles.map((profile) => ({ ...profile, type: 'Profile' })),
    ...summary.permissionSets.map((set) => ({ ...set, type: 'PermissionSet' })),
  ];
  parts.push(
    containers.length === 0
      ? 'No permission sets or profiles in the project.'
      : foldedTable(
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
          'permission sets and profiles',
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
  return parts.join('\n\n');
}

/**
 * Which custom permissions a principal holds, and through which container. Kept apart from `Grant`
 * (grants.ts): the permission snapshot, the clone comparison and the report count those grants, and a
 * custom permission is not what they audit. What it means depends on who checks it (bypasses.ts).
 */
import type { MetadataModel, PermissionContainerModel } from '../metadata/model.js';
import type { PrincipalRef } from './grants.js';
import { compare } from '../shared/compare.js';

/** One custom permission held, with every container that gives it (sorted, `grants.ts` source format). */
export type HeldCustomPermission = { permission: string; sources: string[] };

/**
 * The custom permissions the refs hold, merged case-insensitively (the first spelling in sorted order
 * is kept), sorted by name. A group holds its members' less what its muting permission sets mute.
 */
export function heldCustomPermissions(model: MetadataModel, refs: readonly PrincipalRef[]): HeldCustomPermission[] {
  const held = new Map<string, { permission: string; sources: Set<string> }>();
  const add = (permission: string, source: string): void => {
    const key = permission.toLowerCase();
    const entry = held.get(key) ?? { permission, sources: new Set<string>() };
    if (compare(permission, entry.permission) < 0) entry.permission = permission;
    entry.sources.add(source);
    held.set(key, entry);
  };
  for (const ref of refs) {
    if (ref.type === 'PermissionSetGroup') {
      const group = model.permissionSetGroups.find((candidate) => candidate.name === ref.name);
      if (!group) continue;
      const muted = new Set(group.mutingPermissionSets.flatMap((name) => (find(model.mutingPermissionSets, name)?.customPermissions ?? []).map((permission) => permission.toLowerCase())));
      for (const name of group.permissionSets) {
        for (const permission of find(model.permissionSets, name)?.customPermissions ?? []) {
          if (!muted.has(permission.toLowerCase())) add(permission, `PermissionSetGroup:${group.name} > PermissionSet:${name}`);
        }
      }
      continue;
    }
    const list = ref.type === 'Profile' ? model.profiles : ref.type === 'MutingPermissionSet' ? [] : model.permissionSets;
    const container = find(list, ref.name);
    for (const permission of container?.customPermissions ?? []) add(permission, `${container!.kind}:${container!.name}`);
  }
  return [...held.values()]
    .map((entry) => ({ permission: entry.permission, sources: [...entry.sources].sort(compare) }))
    .sort((a, b) => compare(a.permission.toLowerCase(), b.permission.toLowerCase()) || compare(a.permission, b.permission));
}

/** The first container of a name, as `PermissionIndex.container` finds it. */
function find(list: readonly PermissionContainerModel[], name: string): PermissionContainerModel | undefined {
  return list.find((container) => container.name === name);
}

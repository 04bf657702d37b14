import type { MetadataModel, PermissionContainerModel, PermissionSetGroupModel } from '../metadata/model.js';

/** One thing a principal may do, and the container that grants it (so a finding says what to fix). */
export type Grant = {
  kind: 'user-permission' | 'object' | 'field' | 'apex-class';
  /** Permission name, object API name, `Object.Field`, or class name. */
  key: string;
  /** `enabled`; create/read/edit/delete/viewAll/modifyAll for objects; read/edit for fields. */
  access: string;
  /** `PermissionSet:SAP_Integration`, `Profile:SAP Integration Profile`, `PermissionSetGroup:G > PermissionSet:P`. */
  source: string;
};

export type PrincipalRef = { type: 'PermissionSet' | 'Profile' | 'PermissionSetGroup' | 'MutingPermissionSet'; name: string };

export const refKey = (ref: PrincipalRef): string => `${ref.type}:${ref.name}`;

const OBJECT_ACCESS = ['create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'] as const;

/** Every grant of a profile, permission set or muting permission set (for muting: what it mutes). */
export function containerGrants(container: PermissionContainerModel, source = `${container.kind}:${container.name}`): Grant[] {
  const grants: Grant[] = [];
  for (const permission of container.userPermissions) grants.push({ kind: 'user-permission', key: permission, access: 'enabled', source });
  for (const object of container.objectPermissions) {
    for (const access of OBJECT_ACCESS) if (object[access]) grants.push({ kind: 'object', key: object.object, access, source });
  }
  for (const field of container.fieldPermissions) {
    if (field.readable || field.editable) grants.push({ kind: 'field', key: field.field, access: 'read', source });
    if (field.editable) grants.push({ kind: 'field', key: field.field, access: 'edit', source });
  }
  for (const cls of container.classAccess) grants.push({ kind: 'apex-class', key: cls, access: 'enabled', source });
  return grants;
}

/**
 * A permission set group's effective grants: the union of its member permission sets, minus what its
 * muting permission set mutes. Each grant keeps the member it came from.
 */
export function groupGrants(group: PermissionSetGroupModel, model: MetadataModel): Grant[] {
  const sets = new Map(model.permissionSets.map((set) => [set.name, set]));
  const muting = new Map(model.mutingPermissionSets.map((set) => [set.name, set]));
  const muted = new Set(
    group.mutingPermissionSets.flatMap((name) => {
      const set = muting.get(name);
      return set ? containerGrants(set).map(grantId) : [];
    }),
  );
  return group.permissionSets.flatMap((name) => {
    const set = sets.get(name);
    if (!set) return [];
    return containerGrants(set, `PermissionSetGroup:${group.name} > PermissionSet:${name}`).filter((grant) => !muted.has(grantId(grant)));
  });
}

/** What a grant is, regardless of where it comes from. */
export function grantId(grant: Pick<Grant, 'kind' | 'key' | 'access'>): string {
  return `${grant.kind}|${grant.key.toLowerCase()}|${grant.access}`;
}

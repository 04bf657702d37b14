import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldPermission, MetadataModel, PermissionContainerModel } from '../../src/metadata/model.js';
import { containerGrants, groupGrants, type PrincipalRef, refKey } from '../../src/permissions/grants.js';
import { PermissionIndex } from '../../src/permissions/permission-index.js';
import { model as testModel } from '../graph/build/model-kit.js';

/** Editors as the grants say: every principal's field edit grants, one entry per principal. */
function editorsByGrants(model: MetadataModel, field: string): string[] {
  const refs: Array<[PrincipalRef, ReturnType<typeof containerGrants>]> = [];
  const seen = new Set<string>();
  const push = (ref: PrincipalRef, grants: () => ReturnType<typeof containerGrants>): void => {
    if (seen.has(refKey(ref))) return;
    seen.add(refKey(ref));
    refs.push([ref, grants()]);
  };
  for (const profile of model.profiles) push({ type: 'Profile', name: profile.name }, () => containerGrants(profile));
  for (const set of model.permissionSets) push({ type: 'PermissionSet', name: set.name }, () => containerGrants(set));
  for (const group of model.permissionSetGroups) push({ type: 'PermissionSetGroup', name: group.name }, () => groupGrants(group, model));
  return refs.filter(([, grants]) => grants.some((grant) => grant.kind === 'field' && grant.access === 'edit' && grant.key.toLowerCase() === field.toLowerCase())).map(([ref]) => refKey(ref));
}

const FIELDS = ['Account.A__c', 'account.a__c', 'Account.B__c', 'Invoice__c.Total__c'];
const permission = fc.record({ field: fc.constantFrom(...FIELDS), readable: fc.boolean(), editable: fc.boolean() });
const container = (kind: PermissionContainerModel['kind']) =>
  fc.record({ name: fc.constantFrom('A', 'B', 'C'), fieldPermissions: fc.array(permission, { maxLength: 5 }) }).map(
    ({ name, fieldPermissions }): PermissionContainerModel => ({
      kind,
      name,
      userPermissions: [],
      objectPermissions: [],
      fieldPermissions: fieldPermissions as FieldPermission[],
      classAccess: [],
      source: { file: `${name}.${kind}` },
    }),
  );

describe('PermissionIndex.editorsOf', () => {
  it('names the same principals as their field edit grants, for any profiles, sets, groups and muting sets', () => {
    const models = fc
      .record({
        profiles: fc.array(container('Profile'), { maxLength: 3 }),
        permissionSets: fc.array(container('PermissionSet'), { maxLength: 4 }),
        mutingPermissionSets: fc.array(container('MutingPermissionSet'), { maxLength: 2 }),
        groups: fc.array(fc.record({ name: fc.constantFrom('G1', 'G2'), permissionSets: fc.subarray(['A', 'B', 'C', 'Missing']), mutingPermissionSets: fc.subarray(['A', 'B']) }), { maxLength: 2 }),
      })
      .map(({ profiles, permissionSets, mutingPermissionSets, groups }): MetadataModel =>
        testModel({
          profiles,
          permissionSets,
          mutingPermissionSets,
          permissionSetGroups: groups.map((group) => ({ ...group, source: { file: `${group.name}.psg` } })),
        }),
      );
    fc.assert(
      fc.property(models, (model) => {
        const index = new PermissionIndex(model);
        for (const field of FIELDS) expect(index.editorsOf(field).map(refKey)).toEqual(editorsByGrants(model, field));
        // Among some principals: the same list less the others (the writer rules ask for integrations only).
        const keep = (ref: PrincipalRef): boolean => ref.name !== 'B' && ref.type !== 'Profile';
        const among = index.editorsAmong(keep);
        for (const field of FIELDS) expect(among(field).map(refKey)).toEqual(index.editorsOf(field).filter(keep).map(refKey));
      }),
      { numRuns: 300 },
    );
  });
});

import type { MetadataModel, PermissionContainerModel } from '../metadata/model.js';
import { containerGrants, type Grant, groupGrants, type PrincipalRef, refKey } from './grants.js';

/**
 * Questions about who may do what, asked once per review: the grants of a profile, permission set or
 * group, and who can edit a field. The system-of-record and integration rules share it.
 */
export class PermissionIndex {
  private readonly grantsByRef = new Map<string, Grant[]>();
  private editorsByField?: Map<string, PrincipalRef[]>;

  public constructor(private readonly model: MetadataModel) {}

  /** Every principal the project defines: profiles, permission sets, groups. */
  public principals(): PrincipalRef[] {
    return [
      ...this.model.profiles.map((profile): PrincipalRef => ({ type: 'Profile', name: profile.name })),
      ...this.model.permissionSets.map((set): PrincipalRef => ({ type: 'PermissionSet', name: set.name })),
      ...this.model.permissionSetGroups.map((group): PrincipalRef => ({ type: 'PermissionSetGroup', name: group.name })),
    ];
  }

  public container(ref: PrincipalRef): PermissionContainerModel | undefined {
    const list = ref.type === 'Profile' ? this.model.profiles : ref.type === 'MutingPermissionSet' ? this.model.mutingPermissionSets : this.model.permissionSets;
    return list.find((container) => container.name === ref.name);
  }

  /** The grants of one principal (a group's are its members' minus its muting set). */
  public grantsOf(ref: PrincipalRef): Grant[] {
    const key = refKey(ref);
    let grants = this.grantsByRef.get(key);
    if (!grants) {
      if (ref.type === 'PermissionSetGroup') {
        const group = this.model.permissionSetGroups.find((candidate) => candidate.name === ref.name);
        grants = group ? groupGrants(group, this.model) : [];
      } else {
        const container = this.container(ref);
        grants = container ? containerGrants(container) : [];
      }
      this.grantsByRef.set(key, grants);
    }
    return grants;
  }

  /**
   * The principal a name stands for, trying the types in order: an exact name first, then ignoring
   * case (Salesforce names are case-insensitive, hand-written policies and exports are not always exact).
   */
  public resolve(name: string, types: ReadonlyArray<PrincipalRef['type']>): PrincipalRef | undefined {
    for (const exact of [true, false]) {
      for (const type of types) {
        const names =
          type === 'PermissionSetGroup'
            ? this.model.permissionSetGroups.map((group) => group.name)
            : (type === 'Profile' ? this.model.profiles : type === 'MutingPermissionSet' ? this.model.mutingPermissionSets : this.model.permissionSets).map(
                (container) => container.name,
              );
        const found = names.find((candidate) => (exact ? candidate === name : candidate.toLowerCase() === name.toLowerCase()));
        if (found !== undefined) return { type, name: found };
      }
    }
    return undefined;
  }

  /** Effective grants of a user holding a profile, permission sets and groups. */
  public effectiveGrants(refs: readonly PrincipalRef[]): Grant[] {
    return refs.flatMap((ref) => this.grantsOf(ref));
  }

  /** Principals (profiles, permission sets, groups) that can edit `Object.Field`. */
  public editorsOf(field: string): PrincipalRef[] {
    if (!this.editorsByField) {
      const index = new Map<string, PrincipalRef[]>();
      for (const ref of this.principals()) {
        for (const grant of this.grantsOf(ref)) {
          if (grant.kind !== 'field' || grant.access !== 'edit') continue;
          const key = grant.key.toLowerCase();
          const list = index.get(key) ?? [];
          if (!list.some((existing) => refKey(existing) === refKey(ref))) list.push(ref);
          index.set(key, list);
        }
      }
      this.editorsByField = index;
    }
    return this.editorsByField.get(field.toLowerCase()) ?? [];
  }
}

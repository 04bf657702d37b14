import type { MetadataModel, PermissionContainerModel } from '../metadata/model.js';
import { containerGrants, type Grant, groupGrants, type PrincipalRef, refKey } from './grants.js';

/**
 * Questions about who may do what, asked once per review: the grants of a profile, permission set or
 * group, and who can edit a field. The system-of-record and integration rules share it.
 */
export class PermissionIndex {
  private readonly grantsByRef = new Map<string, Grant[]>();
  private editorsByField?: Map<string, PrincipalRef[]>;
  private containersByRef?: Map<string, PermissionContainerModel>;
  private readonly lowered = new Map<string, string>();

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
    if (!this.containersByRef) {
      const index = new Map<string, PermissionContainerModel>();
      const add = (type: PrincipalRef['type'], list: readonly PermissionContainerModel[]): void => {
        // The first of a name wins, as a search of the list would find it.
        for (const container of list) if (!index.has(`${type}:${container.name}`)) index.set(`${type}:${container.name}`, container);
      };
      add('Profile', this.model.profiles);
      add('MutingPermissionSet', this.model.mutingPermissionSets);
      add('PermissionSet', this.model.permissionSets);
      this.containersByRef = index;
    }
    const type = ref.type === 'Profile' || ref.type === 'MutingPermissionSet' ? ref.type : 'PermissionSet';
    return this.containersByRef.get(`${type}:${ref.name}`);
  }

  /** The grants of one principal (a group's are its members' minus its muting set). */
  public grantsOf(ref: PrincipalRef): Grant[] {
    if (ref.type !== 'PermissionSetGroup') {
      // Not kept: a profile's grants are tens of thousands of objects, and each principal's are merged once.
      const container = this.container(ref);
      return container ? containerGrants(container) : [];
    }
    const key = refKey(ref);
    let grants = this.grantsByRef.get(key);
    if (!grants) {
      const group = this.model.permissionSetGroups.find((candidate) => candidate.name === ref.name);
      grants = group ? groupGrants(group, this.model) : [];
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
    this.editorsByField ??= this.indexEditors();
    return this.editorsByField.get(field.toLowerCase()) ?? [];
  }

  /**
   * Who among the principals `keep` accepts can edit a field: `editorsOf` less the others, in the same
   * order. Indexes only their containers: asked for a few integration principals, it skips the
   * profiles that grant edit on every field (tens of millions of entries at enterprise scale).
   */
  public editorsAmong(keep: (ref: PrincipalRef) => boolean): (field: string) => PrincipalRef[] {
    const index = this.indexEditors(keep);
    return (field) => index.get(field.toLowerCase()) ?? [];
  }

  /**
   * Read straight from the field permissions, not through `grantsOf`: holding every profile's grants
   * as objects costs gigabytes at enterprise scale, and only integration principals need them.
   */
  private indexEditors(keep: (ref: PrincipalRef) => boolean = () => true): Map<string, PrincipalRef[]> {
    const index = new Map<string, PrincipalRef[]>();
    const add = (ref: PrincipalRef, container: PermissionContainerModel, muted?: ReadonlySet<string>): void => {
      for (const permission of container.fieldPermissions) {
        if (!permission.editable) continue;
        const key = this.lower(permission.field);
        if (muted?.has(key)) continue;
        const list = index.get(key);
        if (!list) index.set(key, [ref]);
        // One principal at a time: a repeat (two members of a group) is always the last entry.
        else if (list.at(-1) !== ref) list.push(ref);
      }
    };
    // One entry per principal: the first container of a name, as `container()` finds it.
    const seen = new Set<string>();
    const first = (ref: PrincipalRef): boolean => {
      if (seen.has(refKey(ref))) return false;
      seen.add(refKey(ref));
      return keep(ref);
    };
    for (const profile of this.model.profiles) {
      const ref: PrincipalRef = { type: 'Profile', name: profile.name };
      if (first(ref)) add(ref, profile);
    }
    for (const set of this.model.permissionSets) {
      const ref: PrincipalRef = { type: 'PermissionSet', name: set.name };
      if (first(ref)) add(ref, set);
    }
    // A group's members as `groupGrants` reads them (the last set of a name), less what its muting sets mute.
    const sets = new Map(this.model.permissionSets.map((set) => [set.name, set]));
    const muting = new Map(this.model.mutingPermissionSets.map((set) => [set.name, set]));
    for (const group of this.model.permissionSetGroups) {
      const ref: PrincipalRef = { type: 'PermissionSetGroup', name: group.name };
      if (!first(ref)) continue;
      const muted = new Set<string>();
      for (const name of group.mutingPermissionSets) {
        for (const permission of muting.get(name)?.fieldPermissions ?? []) if (permission.editable) muted.add(this.lower(permission.field));
      }
      for (const name of group.permissionSets) {
        const set = sets.get(name);
        if (set) add(ref, set, muted);
      }
    }
    return index;
  }

  private lower(name: string): string {
    let lower = this.lowered.get(name);
    if (lower === undefined) this.lowered.set(name, (lower = name.toLowerCase()));
    return lower;
  }
}

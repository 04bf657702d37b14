import type { MetadataModel } from '../../metadata/model.js';
import type { KnownSystem } from '../../permissions/integration-principals.js';
import { globToRegExp, resolveFieldOwnership, sameKey } from '../../policy/ownership.js';
import type { LoadedPolicy } from '../../policy/policy.js';

/**
 * What the integration rules ask of the system-of-record map. A narrow port over src/policy/ownership.ts,
 * so the perm rules depend on five questions, not on the whole ownership module.
 */
export type OwnershipPort = {
  /** The system owning `Object.Field`; undefined when the default owner (Salesforce) owns it. */
  ownerOf(field: string): string | undefined;
  systems(): KnownSystem[];
  labelOf(system: string): string;
  /** The systems the map says a profile, permission set, group or user works for. */
  systemsOf(principal: { type: string; name: string }): string[];
  /** Whether the map gives the system any field at all (else nothing can be said about its scope). */
  hasOwnedFields(system: string): boolean;
  /** Whether the system owns a field of the object (a project field, or a policy glob naming the object). */
  ownsFieldOn(system: string, object: string): boolean;
  /** Whether the system owns most of the object's custom fields: its records come from that system. */
  ownsRecordsOf(system: string, object: string): boolean;
  /** A Salesforce-owned field the policy's `protectedFields` forbids integrations to edit. */
  isProtected(field: string): boolean;
};

export function ownershipPort(model: MetadataModel, policy: LoadedPolicy): OwnershipPort {
  const ownership = resolveFieldOwnership(model, policy);
  const owner = (field: string): string | undefined => {
    const decided = ownership.ownerOf(field);
    return decided.external ? decided.system : undefined;
  };
  const protectedGlobs = (policy.policy.protectedFields ?? []).map((glob) => globToRegExp(glob));
  const fieldsOf = new Map<string, string[]>();
  for (const object of model.objects) fieldsOf.set(object.name.toLowerCase(), object.fields.map((field) => field.fullName));
  // Asked per object per integration principal: counted once, lazily, instead of per question.
  let withOwnedFields: Set<string> | undefined;
  const ownedCounts = new Map<string, Map<string, number>>();
  const ownedOn = (object: string): Map<string, number> => {
    const key = object.toLowerCase();
    let counts = ownedCounts.get(key);
    if (!counts) {
      counts = new Map();
      for (const field of fieldsOf.get(key) ?? []) {
        const system = owner(field)?.toLowerCase();
        if (system !== undefined) counts.set(system, (counts.get(system) ?? 0) + 1);
      }
      ownedCounts.set(key, counts);
    }
    return counts;
  };
  return {
    ownerOf: owner,
    systems: () => ownership.systems().map((system) => ({ key: system.key, label: system.label })),
    labelOf: (system) => ownership.labelOf(system),
    systemsOf: (principal) => ownership.systemsOf(principal as Parameters<typeof ownership.systemsOf>[0]),
    hasOwnedFields(system) {
      withOwnedFields ??= new Set([...ownership.ownedFields().map((field) => field.system), ...ownership.ownsPatterns().map((pattern) => pattern.system)].map((key) => key.toLowerCase()));
      return withOwnedFields.has(system.toLowerCase());
    },
    ownsFieldOn(system, object) {
      if ((ownedOn(object).get(system.toLowerCase()) ?? 0) > 0) return true;
      // A glob on a named object (`Account.Name`, `Invoice__c.*`) claims fields the project may not define.
      return ownership.ownsPatterns().some((pattern) => sameKey(pattern.system, system) && sameKey(pattern.pattern.split('.')[0] ?? '', object) && !/[*?]/.test(pattern.pattern.split('.')[0] ?? ''));
    },
    ownsRecordsOf(system, object) {
      const fields = fieldsOf.get(object.toLowerCase()) ?? [];
      const owned = ownedOn(object).get(system.toLowerCase()) ?? 0;
      if (owned * 2 > fields.length) return true;
      return ownership.ownsPatterns().some((pattern) => sameKey(pattern.system, system) && sameKey(pattern.pattern, `${object}.*`));
    },
    isProtected: (field) => owner(field) === undefined && protectedGlobs.some((glob) => glob.test(field)),
  };
}

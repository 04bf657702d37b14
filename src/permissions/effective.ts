import { type Grant, grantId } from './grants.js';

/** One grant a principal holds, with every container that gives it (all of them must go to remove it). */
export type EffectiveGrant = {
  kind: Grant['kind'];
  key: string;
  access: string;
  /** Sorted: `PermissionSet:X`, `Profile:Y`, `PermissionSetGroup:G > PermissionSet:P`. */
  sources: string[];
};

const KIND_ORDER: Record<Grant['kind'], number> = { 'user-permission': 0, object: 1, field: 2, 'apex-class': 3 };
const ACCESS_ORDER = ['enabled', 'create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sorts like a reviewer reads: system permissions, objects, fields, classes; then name; then access. */
export function compareGrants(a: Pick<Grant, 'kind' | 'key' | 'access'>, b: Pick<Grant, 'kind' | 'key' | 'access'>): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compare(a.key.toLowerCase(), b.key.toLowerCase()) ||
    compare(a.key, b.key) ||
    ACCESS_ORDER.indexOf(a.access) - ACCESS_ORDER.indexOf(b.access)
  );
}

/** Merges the same grant from several containers into one, keeping every source; sorted. */
export function mergeGrants(grants: readonly Grant[]): EffectiveGrant[] {
  const byId = new Map<string, EffectiveGrant>();
  // Sorted first, so the spelling kept for a key does not depend on the order containers were read.
  const sorted = [...grants].sort((a, b) => compareGrants(a, b) || compare(a.source, b.source));
  for (const grant of sorted) {
    const id = grantId(grant);
    const existing = byId.get(id);
    if (existing) {
      if (!existing.sources.includes(grant.source)) existing.sources.push(grant.source);
    } else {
      byId.set(id, { kind: grant.kind, key: grant.key, access: grant.access, sources: [grant.source] });
    }
  }
  return [...byId.values()].map((grant) => ({ ...grant, sources: grant.sources.sort(compare) }));
}

/** The containers a source passes through: `PermissionSetGroup:G > PermissionSet:P` → both. */
export function sourceContainers(source: string): string[] {
  return source.split(' > ');
}

/** How a grant reads in a report: `ModifyAllData`, `Invoice__c: delete`, `Account.VAT__c: edit`. */
export function grantText(grant: Pick<Grant, 'kind' | 'key' | 'access'>): string {
  switch (grant.kind) {
    case 'user-permission':
      return grant.key;
    case 'apex-class':
      return `Apex class ${grant.key}`;
    default:
      return `${grant.key}: ${ACCESS_LABELS[grant.access] ?? grant.access}`;
  }
}

export const ACCESS_LABELS: Record<string, string> = {
  create: 'create',
  read: 'read',
  edit: 'edit',
  delete: 'delete',
  viewAll: 'View All',
  modifyAll: 'Modify All',
};

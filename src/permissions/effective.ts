import type { Grant } from './grants.js';
import { compare } from '../shared/compare.js';

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

/** Sorts like a reviewer reads: system permissions, objects, fields, classes; then name; then access. */
export function compareGrants(a: Pick<Grant, 'kind' | 'key' | 'access'>, b: Pick<Grant, 'kind' | 'key' | 'access'>): number {
  return compareLowered(a, a.key.toLowerCase(), b, b.key.toLowerCase());
}

/** compareGrants with each key's lower case given (computed once when sorting many grants). */
function compareLowered(a: Pick<Grant, 'kind' | 'key' | 'access'>, aLower: string, b: Pick<Grant, 'kind' | 'key' | 'access'>, bLower: string): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compare(aLower, bLower) ||
    compare(a.key, b.key) ||
    ACCESS_ORDER.indexOf(a.access) - ACCESS_ORDER.indexOf(b.access)
  );
}

/** Merges the same grant from several containers into one, keeping every source; sorted. */
export function mergeGrants(grants: readonly Grant[]): EffectiveGrant[] {
  // A profile holds tens of thousands of grants, already in order and each once: checked in one pass,
  // that case needs no sorting or merging. A grant with one source (nearly all) shares a frozen
  // one-element list with the other grants of its container.
  const single = new Map<string, readonly string[]>();
  const sourcesOf = (source: string): string[] => {
    let sources = single.get(source);
    if (!sources) single.set(source, (sources = Object.freeze([source])));
    return sources as string[];
  };
  const lowers = grants.map((grant) => grant.key.toLowerCase());
  if (inMergedOrder(grants, lowers)) return grants.map((grant) => ({ kind: grant.kind, key: grant.key, access: grant.access, sources: sourcesOf(grant.source) }));

  const order = Array.from(grants.keys()).sort((a, b) => compareAt(grants, lowers, a, b) || compare(grants[a]!.source, grants[b]!.source));
  const byId = new Map<string, EffectiveGrant>();
  // In sorted order, so the spelling kept for a key does not depend on the order containers were read.
  for (const index of order) {
    const grant = grants[index]!;
    const id = `${grant.kind}|${lowers[index]!}|${grant.access}`;
    const existing = byId.get(id);
    if (!existing) byId.set(id, { kind: grant.kind, key: grant.key, access: grant.access, sources: sourcesOf(grant.source) });
    else if (!existing.sources.includes(grant.source)) existing.sources = [...existing.sources, grant.source].sort(compare);
  }
  return [...byId.values()];
}

function compareAt(grants: readonly Grant[], lowers: readonly string[], a: number, b: number): number {
  return compareLowered(grants[a]!, lowers[a]!, grants[b]!, lowers[b]!);
}

/** Strictly in compareGrants order, and no key spelled two ways: merging would change nothing. */
function inMergedOrder(grants: readonly Grant[], lowers: readonly string[]): boolean {
  for (let index = 1; index < grants.length; index += 1) {
    if (compareAt(grants, lowers, index - 1, index) >= 0) return false;
    if (lowers[index] === lowers[index - 1] && grants[index]!.key !== grants[index - 1]!.key) return false;
  }
  return true;
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

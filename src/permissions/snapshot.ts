import { compareGrants, type EffectiveGrant } from './effective.js';
import { grantId } from './grants.js';
import type { IntegrationPrincipal } from './integration-principals.js';
import { compare } from '../shared/compare.js';

/**
 * A permission snapshot: every integration principal's effective permissions at one point in time,
 * written by `--save-snapshot`, committed, and compared with `--baseline` to show what was gained since.
 * Only what integrations should be audited on is kept: system permissions, object access and field
 * edit. No dates and no file paths, so the same project gives the same bytes (source or mdapi format).
 */
export const SNAPSHOT_KIND = 'sf-arch-review/permission-snapshot';
export const SNAPSHOT_VERSION = 1;

export type SnapshotGrant = Pick<EffectiveGrant, 'kind' | 'key' | 'access' | 'sources'>;

export type SnapshotPrincipal = {
  id: string;
  type: IntegrationPrincipal['type'];
  name: string;
  origin: IntegrationPrincipal['origin'];
  system?: string;
  /** Containers it should hold that the project does not define. */
  missing?: string[];
  grants: SnapshotGrant[];
};

export type PermissionSnapshot = {
  kind: typeof SNAPSHOT_KIND;
  snapshotVersion: number;
  principals: SnapshotPrincipal[];
};

/** A baseline as read, with the file it came from (for messages). */
export type LoadedSnapshot = { file: string; snapshot: PermissionSnapshot };

/** Whether the snapshot (and the creep comparison) tracks this grant. */
export function isAudited(grant: Pick<EffectiveGrant, 'kind' | 'access'>): boolean {
  return grant.kind === 'user-permission' || grant.kind === 'object' || (grant.kind === 'field' && grant.access === 'edit');
}

export function buildSnapshot(principals: ReadonlyArray<{ principal: IntegrationPrincipal; grants: readonly EffectiveGrant[] }>): PermissionSnapshot {
  return {
    kind: SNAPSHOT_KIND,
    snapshotVersion: SNAPSHOT_VERSION,
    principals: principals
      .map(({ principal, grants }): SnapshotPrincipal => ({
        id: principal.id,
        type: principal.type,
        name: principal.name,
        origin: principal.origin,
        ...(principal.system !== undefined ? { system: principal.system } : {}),
        ...(principal.missing.length > 0 ? { missing: [...principal.missing].sort(compare) } : {}),
        grants: grants
          .filter(isAudited)
          .map((grant) => ({ kind: grant.kind, key: grant.key, access: grant.access, sources: [...grant.sources].sort(compare) }))
          .sort(compareGrants),
      }))
      .sort((a, b) => compare(a.id.toLowerCase(), b.id.toLowerCase()) || compare(a.id, b.id)),
  };
}

/**
 * The snapshot as text: keys in a fixed order and one grant per line, so a `git diff` of two snapshots
 * shows exactly the grants that changed.
 */
export function serializeSnapshot(snapshot: PermissionSnapshot): string {
  const lines = ['{', `  "kind": ${JSON.stringify(snapshot.kind)},`, `  "snapshotVersion": ${snapshot.snapshotVersion},`];
  if (snapshot.principals.length === 0) {
    lines.push('  "principals": []');
  } else {
    lines.push('  "principals": [');
    snapshot.principals.forEach((principal, index) => {
      const head = [
        `"id": ${JSON.stringify(principal.id)}`,
        `"type": ${JSON.stringify(principal.type)}`,
        `"name": ${JSON.stringify(principal.name)}`,
        `"origin": ${JSON.stringify(principal.origin)}`,
        ...(principal.system !== undefined ? [`"system": ${JSON.stringify(principal.system)}`] : []),
        ...(principal.missing ? [`"missing": ${JSON.stringify(principal.missing)}`] : []),
      ];
      const grants = principal.grants.map(
        (grant) => `{"kind": ${JSON.stringify(grant.kind)}, "key": ${JSON.stringify(grant.key)}, "access": ${JSON.stringify(grant.access)}, "sources": ${JSON.stringify(grant.sources)}}`,
      );
      lines.push('    {');
      for (const entry of head) lines.push(`      ${entry},`);
      if (grants.length === 0) lines.push('      "grants": []');
      else lines.push('      "grants": [', ...grants.map((grant, at) => `        ${grant}${at < grants.length - 1 ? ',' : ''}`), '      ]');
      lines.push(`    }${index < snapshot.principals.length - 1 ? ',' : ''}`);
    });
    lines.push('  ]');
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** What changed for one principal between the baseline and now. */
export type PrincipalChange = {
  id: string;
  /** The principal is new since the baseline, or gone from it. */
  status: 'new' | 'gone' | 'changed';
  added: SnapshotGrant[];
  removed: SnapshotGrant[];
};

/** Grants added and removed per principal (by what the grant is, not where it comes from). Sorted by id. */
export function diffSnapshots(baseline: PermissionSnapshot, current: PermissionSnapshot): PrincipalChange[] {
  const before = new Map(baseline.principals.map((principal) => [principal.id.toLowerCase(), principal]));
  const after = new Map(current.principals.map((principal) => [principal.id.toLowerCase(), principal]));
  const changes: PrincipalChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
    const old = before.get(key);
    const now = after.get(key);
    const oldIds = new Set((old?.grants ?? []).map(grantId));
    const newIds = new Set((now?.grants ?? []).map(grantId));
    const added = (now?.grants ?? []).filter((grant) => !oldIds.has(grantId(grant)));
    const removed = (old?.grants ?? []).filter((grant) => !newIds.has(grantId(grant)));
    const status = !old ? 'new' : !now ? 'gone' : 'changed';
    if (added.length === 0 && removed.length === 0 && status === 'changed') continue;
    changes.push({ id: (now ?? old)!.id, status, added, removed });
  }
  return changes;
}

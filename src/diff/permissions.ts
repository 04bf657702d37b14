/**
 * Permission drift of integration principals: each side's effective-permission snapshot (the one
 * `sf arch review --save-snapshot` writes), compared principal by principal and grant by grant. The
 * evidence is the file of each container a grant comes through (snapshots keep no lines).
 */
import { grantText } from '../permissions/effective.js';
import { grantId } from '../permissions/grants.js';
import { PermissionIndex } from '../permissions/permission-index.js';
import type { PermissionSnapshot, SnapshotGrant, SnapshotPrincipal } from '../permissions/snapshot.js';
import type { MetadataModel, SourceRef } from '../metadata/model.js';
import { integrationAnalysis } from '../rules/perm/analysis.js';
import { compare, uniqueRefs } from './evidence.js';
import type { DiffSide } from './side.js';
import type { GrantEvidence, PermissionDiff } from './types.js';

type Snapshotted = { snapshot: PermissionSnapshot; sources: Map<string, SourceRef>; containers: Map<string, SourceRef> };

export function diffPermissions(a: DiffSide, b: DiffSide): PermissionDiff[] {
  const sideA = snapshotOf(a);
  const sideB = snapshotOf(b);
  const principalsA = byId(sideA.snapshot.principals);
  const principalsB = byId(sideB.snapshot.principals);
  const diffs: PermissionDiff[] = [];
  for (const key of [...new Set([...principalsA.keys(), ...principalsB.keys()])].sort(compare)) {
    const principalA = principalsA.get(key);
    const principalB = principalsB.get(key);
    const gained = onlyIn(principalB, principalA, sideB);
    const lost = onlyIn(principalA, principalB, sideA);
    const systemChanged = principalA && principalB && principalA.system !== principalB.system;
    const change = !principalA ? 'added' : !principalB ? 'removed' : gained.length + lost.length > 0 || systemChanged ? 'changed' : undefined;
    if (!change) continue;
    const refA = principalA ? sideA.sources.get(key) : undefined;
    const refB = principalB ? sideB.sources.get(key) : undefined;
    diffs.push({
      principal: (principalB ?? principalA)!.id,
      ...(principalA?.system !== principalB?.system ? { system: { ...(principalA?.system ? { a: principalA.system } : {}), ...(principalB?.system ? { b: principalB.system } : {}) } } : {}),
      change,
      ...(refA ? { a: refA } : {}),
      ...(refB ? { b: refB } : {}),
      gained,
      lost,
    });
  }
  return diffs;
}

function snapshotOf(side: DiffSide): Snapshotted {
  const analysis = integrationAnalysis({ model: side.model, queries: side.queries, permissions: new PermissionIndex(side.model), policy: side.policy, asOf: side.asOf, objects: [], verbose: false });
  const sources = new Map<string, SourceRef>();
  for (const principal of analysis.principals) if (principal.source) sources.set(principal.id.toLowerCase(), principal.source);
  return { snapshot: analysis.snapshot(), sources, containers: containerFiles(side.model) };
}

function containerFiles(model: MetadataModel): Map<string, SourceRef> {
  const files = new Map<string, SourceRef>();
  for (const set of model.permissionSets) files.set(`permissionset:${set.name.toLowerCase()}`, set.source);
  for (const profile of model.profiles) files.set(`profile:${profile.name.toLowerCase()}`, profile.source);
  for (const muting of model.mutingPermissionSets) files.set(`mutingpermissionset:${muting.name.toLowerCase()}`, muting.source);
  for (const group of model.permissionSetGroups) files.set(`permissionsetgroup:${group.name.toLowerCase()}`, group.source);
  return files;
}

function byId(principals: SnapshotPrincipal[]): Map<string, SnapshotPrincipal> {
  return new Map(principals.map((principal) => [principal.id.toLowerCase(), principal]));
}

/** Grants of `mine` that `other` lacks (all of them when `other` is absent). */
function onlyIn(mine: SnapshotPrincipal | undefined, other: SnapshotPrincipal | undefined, side: Snapshotted): GrantEvidence[] {
  if (!mine) return [];
  const theirs = new Set((other?.grants ?? []).map((grant) => grantId(grant)));
  return mine.grants.filter((grant) => !theirs.has(grantId(grant))).map((grant) => evidenceOf(grant, side)).sort((x, y) => compare(x.grant, y.grant));
}

function evidenceOf(grant: SnapshotGrant, side: Snapshotted): GrantEvidence {
  // A source reads `PermissionSetGroup:G > PermissionSet:S`: each container on the way is evidence.
  const refs = grant.sources.flatMap((source) => source.split(' > ').flatMap((container) => {
    const ref = side.containers.get(container.toLowerCase());
    return ref ? [ref] : [];
  }));
  return { grant: grantText(grant), kind: grant.kind, key: grant.key, access: grant.access, sources: [...grant.sources].sort(compare), evidence: uniqueRefs(refs) };
}

import { groupByUser, type UserAssignments } from '../../permissions/assignments.js';
import { heldCustomPermissions, type HeldCustomPermission } from '../../permissions/custom-permission-grants.js';
import { type EffectiveGrant, mergeGrants, sourceContainers } from '../../permissions/effective.js';
import { findIntegrationPrincipals, type IntegrationPrincipal } from '../../permissions/integration-principals.js';
import type { PermissionIndex } from '../../permissions/permission-index.js';
import { buildSnapshot, type PermissionSnapshot } from '../../permissions/snapshot.js';
import type { RuleContext } from '../rule.js';
import { type OwnershipPort, ownershipPort } from './ownership-port.js';

/** Integration principals and their grants, worked out once per review and shared by the perm rules and the report. */
export type IntegrationAnalysis = {
  principals: IntegrationPrincipal[];
  ownership: OwnershipPort;
  /** Users from `--assignments`, when given. */
  users?: UserAssignments[];
  /** Every grant the principal holds, merged by what it grants, with all its sources. */
  effective(principal: IntegrationPrincipal): EffectiveGrant[];
  /**
   * The grants the principal's findings report: those it gets through no other principal. A user
   * holding the SAP permission set, or a group containing it, does not repeat the set's findings;
   * an admin set assigned to the integration user is reported on the user.
   */
  reportable(principal: IntegrationPrincipal): EffectiveGrant[];
  /** The custom permissions the principal's findings report: as `reportable`, those it gets through no other principal. */
  customPermissions(principal: IntegrationPrincipal): HeldCustomPermission[];
  /** Whether `Type:Name` is a principal (case-insensitive). */
  isPrincipal(id: string): boolean;
  snapshot(): PermissionSnapshot;
};

const CACHE = new WeakMap<PermissionIndex, IntegrationAnalysis>();

export function integrationAnalysis(context: RuleContext): IntegrationAnalysis {
  let analysis = CACHE.get(context.permissions);
  if (!analysis) {
    analysis = analyse(context);
    CACHE.set(context.permissions, analysis);
  }
  return analysis;
}

function analyse(context: RuleContext): IntegrationAnalysis {
  const ownership = ownershipPort(context.model, context.policy);
  const assignments = context.integration?.assignments;
  const users = assignments ? groupByUser(assignments.rows) : undefined;
  const principals = findIntegrationPrincipals({
    model: context.model,
    permissions: context.permissions,
    policy: context.policy,
    systems: ownership.systems(),
    systemsOf: (principal) => ownership.systemsOf(principal),
    ...(users ? { users, usersFile: assignments!.file } : {}),
  });
  const ids = new Set(principals.map((principal) => principal.id.toLowerCase()));
  const effectiveCache = new Map<string, EffectiveGrant[]>();
  const effective = (principal: IntegrationPrincipal): EffectiveGrant[] => {
    let grants = effectiveCache.get(principal.id);
    if (!grants) effectiveCache.set(principal.id, (grants = mergeGrants(context.permissions.effectiveGrants(principal.refs))));
    return grants;
  };
  // A source that passes through another principal (the user's SAP set, a group holding it) is that principal's to report.
  const covered = new Map<string, Map<string, boolean>>();
  const coveredElsewhere = (principal: IntegrationPrincipal, source: string): boolean => {
    const self = principal.id.toLowerCase();
    let answers = covered.get(self);
    if (!answers) covered.set(self, (answers = new Map()));
    let answer = answers.get(source);
    if (answer === undefined) {
      answer = sourceContainers(source).some((container) => container.toLowerCase() !== self && ids.has(container.toLowerCase()));
      answers.set(source, answer);
    }
    return answer;
  };
  /** The items with their sources less those covered elsewhere; an item left with none is dropped. */
  const ownShare = <T extends { sources: string[] }>(principal: IntegrationPrincipal, items: readonly T[]): T[] => {
    const kept: T[] = [];
    for (const item of items) {
      const sources = item.sources.filter((source) => !coveredElsewhere(principal, source));
      if (sources.length === item.sources.length) kept.push(item);
      else if (sources.length > 0) kept.push({ ...item, sources });
    }
    return kept;
  };
  // Four rules and the report section ask for the same principal's reportable grants: worked out once.
  const reportableCache = new Map<string, EffectiveGrant[]>();
  const reportable = (principal: IntegrationPrincipal): EffectiveGrant[] => {
    let grants = reportableCache.get(principal.id);
    if (!grants) reportableCache.set(principal.id, (grants = ownShare(principal, effective(principal))));
    return grants;
  };
  const customCache = new Map<string, HeldCustomPermission[]>();
  const customPermissions = (principal: IntegrationPrincipal): HeldCustomPermission[] => {
    let held = customCache.get(principal.id);
    if (!held) customCache.set(principal.id, (held = ownShare(principal, heldCustomPermissions(context.model, principal.refs))));
    return held;
  };
  return {
    principals,
    ownership,
    ...(users ? { users } : {}),
    effective,
    reportable,
    customPermissions,
    isPrincipal: (id) => ids.has(id.toLowerCase()),
    snapshot: () => buildSnapshot(principals.map((principal) => ({ principal, grants: effective(principal) }))),
  };
}

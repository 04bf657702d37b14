import { groupByUser, type UserAssignments } from '../../permissions/assignments.js';
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
  const coveredElsewhere = (principal: IntegrationPrincipal, source: string): boolean =>
    sourceContainers(source).some((container) => container.toLowerCase() !== principal.id.toLowerCase() && ids.has(container.toLowerCase()));
  return {
    principals,
    ownership,
    ...(users ? { users } : {}),
    effective,
    reportable(principal) {
      return effective(principal)
        .map((grant) => ({ ...grant, sources: grant.sources.filter((source) => !coveredElsewhere(principal, source)) }))
        .filter((grant) => grant.sources.length > 0);
    },
    isPrincipal: (id) => ids.has(id.toLowerCase()),
    snapshot: () => buildSnapshot(principals.map((principal) => ({ principal, grants: effective(principal) }))),
  };
}

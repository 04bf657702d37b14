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
  // Four rules and the report section ask for the same principal's reportable grants: worked out once.
  const reportableCache = new Map<string, EffectiveGrant[]>();
  const reportable = (principal: IntegrationPrincipal): EffectiveGrant[] => {
    let grants = reportableCache.get(principal.id);
    if (grants) return grants;
    const self = principal.id.toLowerCase();
    const covered = new Map<string, boolean>();
    const coveredElsewhere = (source: string): boolean => {
      let answer = covered.get(source);
      if (answer === undefined) {
        answer = sourceContainers(source).some((container) => container.toLowerCase() !== self && ids.has(container.toLowerCase()));
        covered.set(source, answer);
      }
      return answer;
    };
    grants = [];
    for (const grant of effective(principal)) {
      const sources = grant.sources.filter((source) => !coveredElsewhere(source));
      if (sources.length === grant.sources.length) grants.push(grant);
      else if (sources.length > 0) grants.push({ ...grant, sources });
    }
    reportableCache.set(principal.id, grants);
    return grants;
  };
  return {
    principals,
    ownership,
    ...(users ? { users } : {}),
    effective,
    reportable,
    isPrincipal: (id) => ids.has(id.toLowerCase()),
    snapshot: () => buildSnapshot(principals.map((principal) => ({ principal, grants: effective(principal) }))),
  };
}

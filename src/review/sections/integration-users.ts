import { grantText } from '../../permissions/effective.js';
import { diffSnapshots } from '../../permissions/snapshot.js';
import { integrationAnalysis } from '../../rules/perm/analysis.js';
import type { Tier } from '../../rules/perm/catalogue.js';
import { dangerousGrants } from '../../rules/perm/integration-dangerous-permission.js';
import { foreignFields } from '../../rules/perm/integration-field-scope.js';
import { loginAccessOf } from '../../rules/perm/integration-interactive.js';
import { objectScopeIssues } from '../../rules/perm/integration-object-scope.js';
import type { RuleContext } from '../../rules/rule.js';

/** One integration principal, as the report shows it. Sources are `Type:Name` of the granting containers. */
export type IntegrationPrincipalReport = {
  id: string;
  type: string;
  name: string;
  label?: string;
  origin: 'declared' | 'detected';
  system?: string;
  systemLabel?: string;
  reasons: string[];
  file?: string;
  line?: number;
  /** Whether a person could log in with it (`null`: unknown), and why. */
  interactive: boolean | null;
  login: string;
  /** Containers it holds (a user's profile, sets, groups; a container itself), and those missing from the project. */
  holds: string[];
  missing: string[];
  /** False for a user whose assignments are unknown (no `--assignments`). */
  holdingsKnown: boolean;
  counts: { systemPermissions: number; objects: number; editableFields: number };
  dangerous: Array<{ permission: string; tier: Tier; reason: string; sources: string[] }>;
  /** Objects with View All, Modify All or Delete; `beyondSystem` when perm/integration-object-scope reports it. */
  objects: Array<{ object: string; access: string[]; beyondSystem: boolean; sources: string[] }>;
  /** Fields it can edit that another system owns (or the policy protects). */
  foreignFields: Array<{ field: string; owner: string; sources: string[] }>;
};

export type CreepRow = { principal: string; change: 'added' | 'removed'; grant: string; sources: string[] };

/** Report data for integration principals and their effective permissions (issue 6). */
export type IntegrationUsersReport = {
  principals: IntegrationPrincipalReport[];
  /** `--assignments` file read, when given. */
  assignmentsFile?: string;
  /** `--baseline` comparison, when given. */
  baseline?: { file: string; changes: CreepRow[] };
};

const WIDE = ['viewAll', 'modifyAll', 'delete'];

export function buildIntegrationUsersReport(context: RuleContext): IntegrationUsersReport | undefined {
  const analysis = integrationAnalysis(context);
  const baseline = context.integration?.baseline;
  if (analysis.principals.length === 0 && !baseline) return undefined;
  const principals = analysis.principals.map((principal): IntegrationPrincipalReport => {
    const grants = analysis.effective(principal);
    const login = loginAccessOf(principal, analysis, context.model);
    const flagged = new Set(
      objectScopeIssues(principal, grants, analysis).flatMap((issue) => issue.access.map((access) => `${issue.object.toLowerCase()}:${access}`)),
    );
    const objects = new Map<string, { object: string; access: string[]; beyondSystem: boolean; sources: Set<string> }>();
    for (const grant of grants) {
      if (grant.kind !== 'object' || !WIDE.includes(grant.access)) continue;
      const row = objects.get(grant.key) ?? { object: grant.key, access: [], beyondSystem: false, sources: new Set<string>() };
      row.access.push(grant.access);
      row.beyondSystem ||= flagged.has(`${grant.key.toLowerCase()}:${grant.access}`);
      for (const source of grant.sources) row.sources.add(source);
      objects.set(grant.key, row);
    }
    const holdingsKnown = principal.type !== 'User' || principal.refs.length > 0 || principal.missing.length > 0;
    return {
      id: principal.id,
      type: principal.type,
      name: principal.name,
      ...(principal.label !== undefined ? { label: principal.label } : {}),
      origin: principal.origin,
      ...(principal.system ? { system: principal.system, systemLabel: analysis.ownership.labelOf(principal.system) } : {}),
      reasons: principal.reasons,
      ...(principal.source ? { file: principal.source.file, ...(principal.source.line !== undefined ? { line: principal.source.line } : {}) } : {}),
      interactive: login.interactive ?? null,
      login: login.why,
      holds: principal.refs.map((ref) => `${ref.type}:${ref.name}`),
      missing: principal.missing,
      holdingsKnown,
      counts: {
        systemPermissions: grants.filter((grant) => grant.kind === 'user-permission').length,
        objects: new Set(grants.filter((grant) => grant.kind === 'object').map((grant) => grant.key.toLowerCase())).size,
        editableFields: grants.filter((grant) => grant.kind === 'field' && grant.access === 'edit').length,
      },
      dangerous: dangerousGrants(grants),
      objects: [...objects.values()].map((row) => ({ ...row, sources: [...row.sources].sort() })),
      foreignFields: foreignFields(principal, grants, analysis).map((field) => ({ field: field.field, owner: field.ownerLabel, sources: field.sources })),
    };
  });
  return {
    principals,
    ...(context.integration?.assignments ? { assignmentsFile: context.integration.assignments.file } : {}),
    ...(baseline
      ? {
          baseline: {
            file: baseline.file,
            changes: diffSnapshots(baseline.snapshot, analysis.snapshot()).flatMap((change) => [
              ...change.added.map((grant): CreepRow => ({ principal: change.id, change: 'added', grant: grantText(grant), sources: grant.sources })),
              ...change.removed.map((grant): CreepRow => ({ principal: change.id, change: 'removed', grant: grantText(grant), sources: grant.sources })),
            ]),
          },
        }
      : {}),
  };
}

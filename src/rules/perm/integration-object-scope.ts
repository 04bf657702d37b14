import { ACCESS_LABELS, type EffectiveGrant } from '../../permissions/effective.js';
import type { IntegrationPrincipal } from '../../permissions/integration-principals.js';
import type { Severity } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { type IntegrationAnalysis, integrationAnalysis } from './analysis.js';
import { worst } from './catalogue.js';
import { grantEvidence, objectOf, principalComponent, principalTitle, sourceComponents, sourcesText } from './support.js';
import { compare } from '../../shared/compare.js';

const id = 'perm/integration-object-scope';

/** One object an integration reaches too far on, with the access that does it. */
export type ObjectScopeIssue = { object: string; access: string[]; severity: Severity; why: string; sources: string[] };

/**
 * Object access beyond the integration's data: Modify All (high) and View All (medium) on any object;
 * Delete (medium) on objects whose records its system does not own; create or edit (medium) on an
 * object where its system owns no field and it edits no field (only with an ownership map for the
 * system). Platform events are left out: create there means publish.
 */
export function objectScopeIssues(principal: IntegrationPrincipal, grants: readonly EffectiveGrant[], analysis: IntegrationAnalysis): ObjectScopeIssue[] {
  const { ownership } = analysis;
  const system = principal.system;
  const editedObjects = new Set(
    analysis
      .effective(principal)
      .filter((grant) => grant.kind === 'field' && grant.access === 'edit')
      .map((grant) => objectOf(grant.key).toLowerCase()),
  );
  const byObject = new Map<string, EffectiveGrant[]>();
  for (const grant of grants) {
    if (grant.kind !== 'object') continue;
    byObject.set(grant.key, [...(byObject.get(grant.key) ?? []), grant]);
  }
  const issues: ObjectScopeIssue[] = [];
  for (const [object, objectGrants] of [...byObject].sort(([a], [b]) => compare(a, b))) {
    if (/__e$/i.test(object)) continue;
    const has = (access: string): EffectiveGrant | undefined => objectGrants.find((grant) => grant.access === access);
    const flagged: Array<{ grant: EffectiveGrant; severity: Severity; why: string }> = [];
    const modifyAll = has('modifyAll');
    if (modifyAll) flagged.push({ grant: modifyAll, severity: 'high', why: `Modify All changes and deletes every ${object} record, ignoring sharing` });
    const viewAll = has('viewAll');
    if (viewAll) flagged.push({ grant: viewAll, severity: 'medium', why: `View All reads every ${object} record, ignoring sharing` });
    const del = has('delete');
    if (del && !(system && ownership.ownsRecordsOf(system, object))) {
      flagged.push({ grant: del, severity: 'medium', why: `Delete on ${object}, whose records ${system ? `${ownership.labelOf(system)} does not own` : 'no known system of this integration owns'}` });
    }
    const write = has('edit') ?? has('create');
    if (write && system && ownership.hasOwnedFields(system) && !ownership.ownsFieldOn(system, object) && !editedObjects.has(object.toLowerCase())) {
      flagged.push({ grant: write, severity: 'medium', why: `${ACCESS_LABELS[write.access]} on ${object}, where ${ownership.labelOf(system)} owns no field and the integration edits no field` });
    }
    if (flagged.length === 0) continue;
    issues.push({
      object,
      access: flagged.map((entry) => entry.grant.access),
      severity: worst(flagged.map((entry) => entry.severity), 'medium'),
      why: flagged.map((entry) => entry.why).join('; '),
      sources: [...new Set(flagged.flatMap((entry) => entry.grant.sources))].sort(compare),
    });
  }
  return issues;
}

export const integrationObjectScope: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'high',
    description: 'An integration user has View All, Modify All or Delete on objects, or edit access to objects outside its system.',
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const analysis = integrationAnalysis(context);
    const findings: RuleFinding[] = [];
    for (const principal of analysis.principals) {
      const issues = objectScopeIssues(principal, analysis.reportable(principal), analysis);
      if (issues.length === 0) continue;
      const listed = issues.map((issue) => `${issue.object} (${issue.access.map((access) => ACCESS_LABELS[access] ?? access).join(', ')})`).join(', ');
      findings.push({
        severity: worst(issues.map((issue) => issue.severity), 'medium'),
        message: `Integration principal ${principalTitle(principal, analysis.ownership)} reaches beyond its system's data on ${issues.length === 1 ? '1 object' : `${issues.length} objects`}: ${listed}.`,
        components: [principalComponent(principal, context), ...sourceComponents(issues.flatMap((issue) => issue.sources), principal, context.model)],
        evidence: issues.map((issue) => grantEvidence(`${issue.why}. Granted by ${sourcesText(issue.sources)}.`, issue.sources, context.model)),
        identity: [principal.id.toLowerCase(), ...issues.flatMap((issue) => issue.access.map((access) => `${issue.object.toLowerCase()}:${access}`))],
      });
    }
    return findings;
  },
};

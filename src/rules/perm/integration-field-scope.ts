import { findField } from '../../metadata/model-index.js';
import type { EffectiveGrant } from '../../permissions/effective.js';
import type { IntegrationPrincipal } from '../../permissions/integration-principals.js';
import type { FindingComponent, Severity } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { type IntegrationAnalysis, integrationAnalysis } from './analysis.js';
import { worst } from './catalogue.js';
import { grantEvidence, principalComponent, principalTitle, sourceComponents, sourcesText } from './support.js';

const id = 'perm/integration-field-scope';

/** A field an integration can edit and should not: another system's, or a protected Salesforce one. */
export type ForeignField = {
  field: string;
  /** The owning system's key, or undefined for a protected Salesforce field. */
  owner?: string;
  ownerLabel: string;
  severity: Severity;
  sources: string[];
};

/**
 * Field edit grants outside the integration's system: fields another system owns (high; medium when
 * the integration's own system is unknown, since it might be the owner), and Salesforce fields the
 * policy lists under `protectedFields` (high).
 */
export function foreignFields(principal: IntegrationPrincipal, grants: readonly EffectiveGrant[], analysis: IntegrationAnalysis): ForeignField[] {
  const { ownership } = analysis;
  const found: ForeignField[] = [];
  for (const grant of grants) {
    if (grant.kind !== 'field' || grant.access !== 'edit') continue;
    const owner = ownership.ownerOf(grant.key);
    if (owner !== undefined) {
      if (principal.system && owner.toLowerCase() === principal.system.toLowerCase()) continue;
      found.push({ field: grant.key, owner, ownerLabel: ownership.labelOf(owner), severity: principal.system ? 'high' : 'medium', sources: grant.sources });
    } else if (ownership.isProtected(grant.key)) {
      found.push({ field: grant.key, ownerLabel: 'Salesforce, protected', severity: 'high', sources: grant.sources });
    }
  }
  return found;
}

export const integrationFieldScope: Rule = {
  meta: {
    id,
    category: 'perm',
    defaultSeverity: 'high',
    description: "An integration user can edit fields another system owns, or Salesforce fields the policy protects.",
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const analysis = integrationAnalysis(context);
    const findings: RuleFinding[] = [];
    for (const principal of analysis.principals) {
      const fields = foreignFields(principal, analysis.reportable(principal), analysis);
      if (fields.length === 0) continue;
      const listed = fields.map((field) => `${field.field} (${field.ownerLabel})`).join(', ');
      const fieldComponents = fields.map((field): FindingComponent => {
        const model = findField(context.model, field.field);
        return { type: 'CustomField', name: model?.fullName ?? field.field, file: model?.source.file ?? '', ...(model?.source.line !== undefined ? { line: model.source.line } : {}) };
      });
      findings.push({
        severity: worst(fields.map((field) => field.severity), 'high'),
        message: `Integration principal ${principalTitle(principal, analysis.ownership)} can edit ${fields.length === 1 ? '1 field' : `${fields.length} fields`} outside its system: ${listed}.${principal.system ? '' : ' Declare its system under systems.<s>.integration in the policy to tell its own fields from the others.'}`,
        components: [principalComponent(principal, context), ...sourceComponents(fields.flatMap((field) => field.sources), principal, context.model), ...fieldComponents],
        evidence: fields.map((field) => grantEvidence(`edit on ${field.field}, owned by ${field.ownerLabel}. Granted by ${sourcesText(field.sources)}.`, field.sources, context.model)),
        identity: [principal.id.toLowerCase(), ...fields.map((field) => field.field.toLowerCase())],
      });
    }
    return findings;
  },
};

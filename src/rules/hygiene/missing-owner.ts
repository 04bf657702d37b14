import type { ComponentOwnership } from '../../policy/component-ownership.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { componentsInScope, descriptionEvidence, displayName, findingComponent } from './support.js';
import { describeLook, temporaryLook, temporaryWords } from './temporary.js';

const id = 'hygiene/missing-owner';

/** Types that always need an owner; the policy's `hygiene.requireOwner` adds more (e.g. CustomField). */
export const OWNER_REQUIRED_TYPES: readonly string[] = ['Flow', 'PermissionSet', 'PermissionSetGroup', 'ValidationRule', 'WorkflowRule'];

/**
 * Automation and access with nobody to ask about it. Components that look temporary are checked whatever
 * their type: someone has to decide when a campaign field goes, so it needs an owner too.
 */
export const missingOwner: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'low',
    description: 'A flow, Process Builder, validation rule, workflow rule, permission set or group (or anything that looks temporary) has no owner.',
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'Flow', 'PermissionSet', 'PermissionSetGroup', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    const required = new Set([...OWNER_REQUIRED_TYPES, ...(context.policy.policy.hygiene?.requireOwner ?? [])].map((type) => type.toLowerCase()));
    const words = temporaryWords(context.policy.policy);
    const findings: RuleFinding[] = [];
    for (const component of componentsInScope(context)) {
      if (component.owner) continue;
      const isRequired = required.has(component.type.toLowerCase()) || (component.processBuilder === true && required.has('processbuilder'));
      const look = temporaryLook(component, words);
      if (!isRequired && !look) continue;
      findings.push(finding(component, isRequired ? undefined : describeLook(look!)));
    }
    return findings;
  },
};

function finding(component: ComponentOwnership, temporary: string | undefined): RuleFinding {
  const where = [
    'no owners entry in the policy matches it',
    `its description has no "Owner:" tag`,
    ...(component.type === 'CustomField' ? ['it has no businessOwnerGroup or businessOwnerUser'] : []),
  ];
  const listed = `${where.slice(0, -1).join(', ')} and ${where.at(-1)}`;
  const why = temporary ? ` It looks temporary (${temporary}), so someone must own the decision to remove it.` : '';
  return {
    severity: 'low',
    message: `${displayName(component)} has no owner: ${listed}.${why}`,
    ...(component.object !== undefined ? { object: component.object } : {}),
    components: [findingComponent(component)],
    evidence: [descriptionEvidence(component)],
    identity: [component.type, component.name],
  };
}

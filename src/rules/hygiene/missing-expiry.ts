import { type ComponentOwnership, entryMatches } from '../../policy/component-ownership.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { componentsInScope, descriptionEvidence, displayName, findingComponent } from './support.js';
import { describeLook, temporaryLook, temporaryWords } from './temporary.js';

const id = 'hygiene/missing-expiry';

/**
 * Something built for a while (a pilot, a campaign, a backfill) with no date to remove it, or anything the
 * policy's `hygiene.requireExpiry` lists. A permission set that only looks cloned is left to
 * hygiene/cloned-permission-set: one problem, one finding.
 */
export const missingExpiry: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'low',
    description: 'A component that looks temporary (pilot, campaign, promo, test, ...) has no expiry date.',
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'Flow', 'PermissionSet', 'PermissionSetGroup', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    const words = temporaryWords(context.policy.policy);
    const requireExpiry = context.policy.policy.hygiene?.requireExpiry ?? [];
    const findings: RuleFinding[] = [];
    for (const component of componentsInScope(context)) {
      if (component.expires) continue;
      const look = temporaryLook(component, words);
      const listed = requireExpiry.find((match) => entryMatches({ match }, component));
      const reason = listed ? `the policy's hygiene.requireExpiry lists it (${listed})` : look && look.words.length > 0 ? `it looks temporary (${describeLook(look)})` : undefined;
      if (reason) findings.push(finding(component, reason));
    }
    return findings;
  },
};

function finding(component: ComponentOwnership, reason: string): RuleFinding {
  return {
    severity: 'low',
    message: `${displayName(component)} has no expiry, but ${reason}. Add "Expires: YYYY-MM-DD" to its description or an owners entry with expires to the policy.`,
    ...(component.object !== undefined ? { object: component.object } : {}),
    components: [findingComponent(component)],
    evidence: [descriptionEvidence(component)],
    identity: [component.type, component.name],
  };
}

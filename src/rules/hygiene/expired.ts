import type { ComponentOwnership } from '../../policy/component-ownership.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { days, expiredSeverity, expiryState } from './expiry.js';
import { componentsInScope, displayName, evidenceAt, findingComponent, ownerPhrase } from './support.js';

const id = 'hygiene/expired';

/**
 * Past its expiry date and still deployed: the longer ago, the more severe (see expiry.ts). A date within
 * the next 30 days is reported as info, so the owner hears before it passes.
 */
export const expired: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'medium',
    description: 'A component is past its expiry date (or expires within 30 days) and is still deployed.',
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'Flow', 'PermissionSet', 'PermissionSetGroup', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    const findings: RuleFinding[] = [];
    for (const component of componentsInScope(context)) {
      if (!component.expires) continue;
      const { state, daysLeft } = expiryState(component.expires, context.asOf);
      if (state === 'later') continue;
      findings.push(state === 'expired' ? pastFinding(component, -daysLeft, context.asOf) : soonFinding(component, daysLeft));
    }
    return findings;
  },
};

function pastFinding(component: ComponentOwnership, daysAgo: number, asOf: string): RuleFinding {
  const severity = expiredSeverity(daysAgo);
  return {
    severity,
    message: `${displayName(component)} expired on ${component.expires} (${days(daysAgo)} before the review date ${asOf}) and is still deployed; ${ownerPhrase(component)}. Remove it, or agree a new date with its owner.`,
    ...(component.object !== undefined ? { object: component.object } : {}),
    components: [findingComponent(component)],
    evidence: [expiryEvidence(component)],
    identity: ['expired', component.type, component.name],
  };
}

function soonFinding(component: ComponentOwnership, daysLeft: number): RuleFinding {
  return {
    severity: 'info',
    message: `${displayName(component)} expires on ${component.expires} (${daysLeft === 0 ? 'today' : `in ${days(daysLeft)}`}); ${ownerPhrase(component)}. Plan its removal or agree a new date.`,
    ...(component.object !== undefined ? { object: component.object } : {}),
    components: [findingComponent(component)],
    evidence: [expiryEvidence(component)],
    identity: ['expiring', component.type, component.name],
  };
}

function expiryEvidence(component: ComponentOwnership): ReturnType<typeof evidenceAt> {
  const text = component.expiresSource === 'policy' ? `owners entry in the policy: expires ${component.expires}` : `description: ${component.expiresTag ?? 'Expires'}: ${component.expires}`;
  return evidenceAt(text, component.expiresRef);
}

import type { ComponentOwnership } from '../../policy/component-ownership.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { expiryState } from './expiry.js';
import { usesOf } from './field-usage.js';
import { componentsInScope, findingComponent } from './support.js';

const id = 'hygiene/deprecated-still-used';

/**
 * A field on its way out (businessStatus DeprecateCandidate, or past its expiry) that active automation
 * still writes or reads: removing it would break that automation, and keeping it keeps data nobody wants.
 */
export const deprecatedStillUsed: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'medium',
    description: 'A field marked DeprecateCandidate (or past its expiry) is still written or read by active automation.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    const findings: RuleFinding[] = [];
    for (const field of componentsInScope(context)) {
      if (field.type !== 'CustomField') continue;
      const why = field.retiring ? 'is marked DeprecateCandidate' : field.expires && expiryState(field.expires, context.asOf).state === 'expired' ? `expired on ${field.expires}` : undefined;
      if (!why) continue;
      const uses = usesOf(field.name, context.queries, context.model);
      if (uses.length > 0) findings.push(finding(field, why, uses));
    }
    return findings;
  },
};

function finding(field: ComponentOwnership, why: string, uses: ReturnType<typeof usesOf>): RuleFinding {
  const list = (how: 'writes' | 'reads'): string[] => uses.filter((use) => use.how === how).map((use) => `${use.component.type} ${use.component.name}`);
  const parts = [
    ...(list('writes').length > 0 ? [`written by ${list('writes').join(', ')}`] : []),
    ...(list('reads').length > 0 ? [`read by ${list('reads').join(', ')}`] : []),
  ];
  return {
    severity: 'medium',
    message: `CustomField ${field.name} ${why} but active automation still uses it: ${parts.join('; ')}. Move that automation to the replacement before the field goes.`,
    object: field.object!,
    components: [findingComponent(field), ...uses.map((use) => use.component).filter((component, index, all) => all.findIndex((other) => other.type === component.type && other.name === component.name) === index)],
    evidence: uses.map((use) => use.evidence),
    identity: [field.name],
  };
}

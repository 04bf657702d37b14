import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { gradeCycle } from '../support/grade-cycle.js';
import { chainEvidence, componentOf } from '../support/hops.js';
import { CYCLES_PER_COMPONENT, cycleLabel, findSaveCycles, MAX_CYCLE_LENGTH, SHOWN_HOPS } from '../support/save-cycles.js';

const id = 'recursion/cross-object-cycle';

/**
 * Objects that re-save each other in one transaction: X1 → X2 → … → X1, where X → Y means "some
 * automation that fires on a save of X writes Y". Each cycle is reported once, with every hop.
 */
export const crossObjectCycle: Rule = {
  meta: {
    id,
    category: 'recursion',
    defaultSeverity: 'critical',
    description: 'Automation on two or more objects re-saves each other in a cycle within one transaction.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ queries, model, objects }) {
    const search = findSaveCycles(queries, 'sync');
    const findings: RuleFinding[] = [];
    for (const cycle of search.cycles) {
      if (objects.length > 0 && !cycle.objects.some((object) => objects.includes(object))) continue;
      const graded = gradeCycle(cycle, model);
      const alternatives = cycle.steps.map((step) => step.length - 1).reduce((sum, count) => sum + count, 0);
      findings.push({
        severity: graded.severity,
        message: `${cycleLabel(cycle.objects)}: a save of ${cycle.objects[0]} can save it again through ${cycle.objects.length - 1} other object(s). Severity ${graded.reason}.`,
        object: cycle.objects[0]!,
        components: graded.chain.slice(0, SHOWN_HOPS).map((hop) => componentOf(hop.automation)),
        evidence: [
          ...chainEvidence(cycle.objects[0]!, graded.chain, SHOWN_HOPS),
          ...(alternatives > 0 ? [{ text: `${alternatives} other automation(s) make the same hops; the chain above is the most dangerous one` }] : []),
        ],
        identity: [...cycle.objects, ...graded.chain.map((hop) => hop.automation.id)],
      });
    }
    for (const component of search.capped) {
      findings.push({
        severity: 'high',
        message: `${component.objects.length} objects re-save each other (${component.objects.slice(0, 10).join(', ')}${component.objects.length > 10 ? ', …' : ''}): ${component.countStopped ? 'more than ' : ''}${component.more} further cycles of up to ${MAX_CYCLE_LENGTH} hops exist beyond the ${CYCLES_PER_COMPONENT} reported. Break the component apart rather than cycle by cycle.`,
        object: component.objects[0]!,
        components: [],
        evidence: [{ text: `strongly connected objects: ${component.objects.join(', ')}` }],
        identity: ['capped', ...component.objects],
      });
    }
    return findings;
  },
};

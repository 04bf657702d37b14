import type { SaveHop } from '../../graph/queries.js';
import type { MetadataModel } from '../../metadata/model.js';
import type { Severity } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { componentOf, describeChain, evidenceOf, firesOn, mitigationOf } from '../support/hops.js';

const id = 'recursion/self-update';

/**
 * An automation of object X whose writes save X again and start it once more: an after-save flow or
 * Process Builder updating `$Record` or other X records, an after trigger (or its handler chain) doing
 * DML on X. Before-save assignments change the record in memory and never count.
 */
export const selfUpdate: Rule = {
  meta: {
    id,
    category: 'recursion',
    defaultSeverity: 'high',
    description: 'An automation re-saves the object it fires on, starting itself again.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ queries, model, objects }) {
    const findings: RuleFinding[] = [];
    for (const object of queries.objectsWithAutomation()) {
      if (objects.length > 0 && !objects.includes(object)) continue;
      const byAutomation = new Map<string, SaveHop[]>();
      for (const hop of queries.saveHops(object)) {
        if (hop.to !== object || hop.async || hop.edge.kind !== 'writes') continue;
        // Workflow field updates re-fire by platform design: recursion/workflow-refire reports them.
        if (hop.automation.automationType === 'workflow-rule' || hop.automation.automationType === 'roll-up-summary') continue;
        if (!firesOn(hop.trigger.events, hop.edge.operation)) continue;
        byAutomation.set(hop.automation.id, [...(byAutomation.get(hop.automation.id) ?? []), hop]);
      }
      for (const hops of byAutomation.values()) findings.push(selfUpdateFinding(object, hops, model));
    }
    return findings;
  },
};

const RANK: Record<string, number> = { none: 0, guard: 1, partial: 1, criteria: 2 };

/** One finding per automation: its most dangerous write decides the severity; every write is evidence. */
function selfUpdateFinding(object: string, hops: SaveHop[], model: MetadataModel): RuleFinding {
  const graded = hops
    .map((hop) => ({ hop, mitigation: mitigationOf(hop, hop.automation, model) }))
    .sort((a, b) => RANK[a.mitigation.kind]! - RANK[b.mitigation.kind]!);
  const { hop, mitigation } = graded[0]!;
  const severity: Severity = mitigation.kind === 'criteria' ? 'low' : mitigation.kind === 'none' ? 'high' : 'medium';
  const why =
    mitigation.kind === 'none'
      ? `high: nothing stops it (no change-only entry criteria, no guard), so every ${hop.edge.operation ?? 'update'} runs it again`
      : `${severity}: ${mitigation.reason}`;
  const target = hops.some((candidate) => candidate.edge.targetsTriggeringRecord) ? 'its own triggering record' : `other ${object} records`;
  return {
    severity,
    message: `${componentOf(hop.automation).type} ${hop.automation.name} on ${object} ${hop.edge.operation ?? 'write'}s ${target}, which saves ${object} again and starts it once more. Severity ${why}.`,
    object,
    components: [componentOf(hop.automation)],
    evidence: [
      ...graded.map(({ hop: each }) => evidenceOf(each)),
      { text: `fires on: ${(hop.trigger.events ?? []).join(', ') || 'save'}${hop.trigger.criteria ? ` when ${hop.trigger.criteria}` : ''}` },
    ],
    identity: [object, hop.automation.id],
  };
}

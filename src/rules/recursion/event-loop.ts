import type { ApexClassModel } from '../../metadata/model.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { gradeCycle } from '../support/grade-cycle.js';
import { chainEvidence, componentOf } from '../support/hops.js';
import { cycleLabel, findSaveCycles, SHOWN_HOPS } from '../support/save-cycles.js';

const id = 'recursion/event-loop';

/**
 * A loop that passes through an async hop: a platform event publish → subscriber, an async or
 * scheduled path, a queueable or future job; or a queueable that enqueues itself. Each iteration is a
 * new transaction: the risk is an endless chain of jobs and events, not a limit exception.
 */
export const eventLoop: Rule = {
  meta: {
    id,
    category: 'recursion',
    defaultSeverity: 'high',
    description: 'A loop through a platform event, async path or queued job that restarts itself in new transactions.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ queries, model, objects }) {
    const findings: RuleFinding[] = [];
    for (const cycle of findSaveCycles(queries, 'async').cycles) {
      if (objects.length > 0 && !cycle.objects.some((object) => objects.includes(object))) continue;
      const graded = gradeCycle(cycle, model);
      // Async loops never hit one transaction's limits: they run on and on. Critical is for sync cycles.
      const severity = graded.severity === 'critical' ? 'high' : graded.severity;
      const reason = graded.severity === 'critical' ? 'high: nothing stops the loop, and each async hop starts a new transaction' : graded.reason;
      const asyncHops = graded.chain.filter((hop) => hop.async).map((hop) => (hop.edge.kind === 'publishes' ? `publish ${hop.to}` : (hop.via?.name ?? hop.automation.name)));
      findings.push({
        severity,
        message: `${cycleLabel(cycle.objects)} loops through ${asyncHops.join(', ')} (async): every pass starts the next in a new transaction. Severity ${reason}.`,
        object: cycle.objects[0]!,
        components: graded.chain.slice(0, SHOWN_HOPS).map((hop) => componentOf(hop.automation)),
        evidence: chainEvidence(cycle.objects[0]!, graded.chain, SHOWN_HOPS),
        identity: [...cycle.objects, ...graded.chain.map((hop) => hop.automation.id)],
      });
    }
    for (const cls of model.apexClasses) {
      const self = selfEnqueue(cls);
      if (!self) continue;
      findings.push({
        severity: 'medium',
        message: `Queueable ${cls.name} enqueues itself from ${self.method}: a chain of jobs with no end unless a stop condition holds. Severity medium: review the stop condition.`,
        components: [{ type: 'ApexClass', name: cls.name, file: cls.source.file, line: self.line }],
        evidence: [{ text: `System.enqueueJob(new ${cls.name}(...)) in ${cls.name}.${self.method}`, file: cls.source.file, line: self.line }],
        identity: ['self-enqueue', cls.name],
      });
    }
    return findings;
  },
};

function selfEnqueue(cls: ApexClassModel): { method: string; line: number } | undefined {
  for (const method of cls.methods) {
    const job = method.async.find((candidate) => candidate.kind === 'queueable' && candidate.target?.toLowerCase() === cls.name.toLowerCase());
    if (job) return { method: method.name, line: job.line };
  }
  return undefined;
}

import type { GraphQueries } from '../../graph/queries.js';
import type { WorkflowFieldUpdateModel, WorkflowRuleModel } from '../../metadata/model.js';
import type { Severity } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { firesOn } from '../support/hops.js';

const id = 'recursion/workflow-refire';

/**
 * Workflow field updates save the record again: update triggers run once more, and with
 * `reevaluateOnChange` the workflow rules are evaluated again. Reported per field update on the same
 * object, higher when a re-fired update trigger writes the object yet again without a guard.
 */
export const workflowRefire: Rule = {
  meta: {
    id,
    category: 'recursion',
    defaultSeverity: 'medium',
    description: 'A workflow field update re-fires update triggers and (with re-evaluation) workflow rules on its object.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ queries, model, objects }) {
    const findings: RuleFinding[] = [];
    for (const workflow of model.workflows) {
      if (objects.length > 0 && !objects.includes(workflow.object)) continue;
      for (const update of workflow.fieldUpdates) {
        if (update.targetObject) continue; // a parent save, reported as a cross-object hop
        const rules = workflow.rules.filter((rule) => rule.active && [...rule.actions, ...rule.timeTriggerActions].some((action) => action.type === 'FieldUpdate' && action.name === update.name));
        if (rules.length === 0) continue;
        const rewriters = updateTriggersWritingAgain(queries, workflow.object);
        if (!update.reevaluateOnChange && rewriters.length === 0) continue;
        findings.push(finding(workflow.object, update, rules, rewriters));
      }
    }
    return findings;
  },
};

type Rewriter = { name: string; guarded: boolean; file: string; line?: number };

/** Active update automation (triggers, flows) on the object whose writes save it yet again. */
function updateTriggersWritingAgain(queries: GraphQueries, object: string): Rewriter[] {
  return queries
    .saveHops(object)
    .filter((hop) => hop.to === object && !hop.async && hop.edge.kind === 'writes')
    .filter((hop) => hop.automation.automationType === 'apex-trigger' && firesOn(hop.trigger.events, 'update'))
    .map((hop) => ({
      name: hop.automation.name,
      guarded: (hop.edge.guards ?? []).length > 0,
      file: hop.edge.evidence.file,
      ...(hop.edge.evidence.line !== undefined ? { line: hop.edge.evidence.line } : {}),
    }));
}

function finding(object: string, update: WorkflowFieldUpdateModel, rules: WorkflowRuleModel[], rewriters: Rewriter[]): RuleFinding {
  const unguarded = rewriters.filter((rewriter) => !rewriter.guarded);
  const severity: Severity = update.reevaluateOnChange && unguarded.length > 0 ? 'high' : 'medium';
  const reasons = [
    `re-saves ${object}, so its before/after update triggers run once more`,
    ...(update.reevaluateOnChange ? ['reevaluateOnChange is on, so the workflow rules are evaluated again and can fire further field updates'] : []),
    ...(rewriters.length > 0 ? [`update trigger(s) ${rewriters.map((rewriter) => `${rewriter.name}${rewriter.guarded ? ' (guarded)' : ''}`).join(', ')} then write ${object} again`] : []),
  ];
  return {
    severity,
    message: `Workflow field update ${update.fullName} (sets ${update.field}) ${reasons.join('; ')}. Severity ${severity}${severity === 'high' ? ': re-evaluation plus an unguarded trigger that writes the object again' : ': one extra save per change'}.`,
    object,
    components: [
      { type: 'WorkflowFieldUpdate', name: update.fullName, file: update.source.file, ...(update.source.line !== undefined ? { line: update.source.line } : {}) },
      ...rules.map((rule) => ({ type: 'WorkflowRule', name: rule.fullName, file: rule.source.file, ...(rule.source.line !== undefined ? { line: rule.source.line } : {}) })),
    ],
    evidence: [
      { text: `field update ${update.name}: ${update.field}${update.reevaluateOnChange ? ', reevaluateOnChange true' : ''}`, file: update.source.file, ...(update.source.line !== undefined ? { line: update.source.line } : {}) },
      ...rules.map((rule) => ({ text: `run by workflow rule ${rule.fullName} (${rule.triggerType ?? 'trigger type not set'})`, file: rule.source.file, ...(rule.source.line !== undefined ? { line: rule.source.line } : {}) })),
      ...rewriters.map((rewriter) => ({ text: `re-fired trigger ${rewriter.name} writes ${object}${rewriter.guarded ? ' behind a guard' : ''}`, file: rewriter.file, ...(rewriter.line !== undefined ? { line: rewriter.line } : {}) })),
    ],
    identity: [update.fullName],
  };
}

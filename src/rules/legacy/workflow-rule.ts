import type { WorkflowRuleModel } from '../../metadata/model.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';

const id = 'legacy/workflow-rule';

/**
 * Workflow rules: Salesforce retired them in favour of flows (end of support 31 December 2025). One finding
 * per object, with every rule, active or not, so the migration is planned object by object.
 */
export const legacyWorkflowRule: Rule = {
  meta: {
    id,
    category: 'legacy',
    defaultSeverity: 'medium',
    description: 'Workflow rules, which Salesforce has retired in favour of flows: one finding per object.',
    docs: docsPath(id),
    reads: ['Workflow'],
  },
  run({ model, objects }) {
    const byObject = new Map<string, WorkflowRuleModel[]>();
    for (const workflow of model.workflows) {
      for (const rule of workflow.rules) byObject.set(rule.object, [...(byObject.get(rule.object) ?? []), rule]);
    }
    return [...byObject]
      .filter(([object]) => objects.length === 0 || objects.includes(object))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([object, rules]) => finding(object, [...rules].sort((a, b) => (a.fullName < b.fullName ? -1 : a.fullName > b.fullName ? 1 : 0))));
  },
};

function finding(object: string, rules: WorkflowRuleModel[]): RuleFinding {
  const active = rules.filter((rule) => rule.active).length;
  const count = `${rules.length} workflow ${rules.length === 1 ? 'rule' : 'rules'} (${active} active)`;
  return {
    severity: 'medium',
    message: `${object} has ${count}: ${rules.map((rule) => rule.name).join(', ')}. Workflow rules are past end of support (31 December 2025): migrate them to record-triggered flows (Setup's Migrate to Flow tool) and delete the inactive ones.`,
    object,
    components: rules.map((rule) => ({ type: 'WorkflowRule', name: rule.fullName, file: rule.source.file, ...(rule.source.line !== undefined ? { line: rule.source.line } : {}) })),
    evidence: rules.map((rule) => ({
      text: `workflow rule ${rule.name}: ${rule.active ? 'active' : 'inactive'}, ${rule.actions.length + rule.timeTriggerActions.length} actions${rule.triggerType ? `, ${rule.triggerType}` : ''}`,
      file: rule.source.file,
      ...(rule.source.line !== undefined ? { line: rule.source.line } : {}),
    })),
    identity: [object],
  };
}

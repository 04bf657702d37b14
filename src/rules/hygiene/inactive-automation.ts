import type { SourceRef } from '../../metadata/model.js';
import type { FindingComponent } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { evidenceAt } from './support.js';

const id = 'hygiene/inactive-automation';

type Dead = { type: string; name: string; object?: string; source: SourceRef; state: string; evidence: SourceRef };

/**
 * Automation that is deployed but never runs: Draft, Obsolete or InvalidDraft flow versions, inactive
 * validation rules, workflow rules and triggers. Info: harmless today, but it confuses every reader of
 * the org and can be switched on by mistake.
 */
export const inactiveAutomation: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'info',
    description: 'Deployed automation that never runs: draft or obsolete flows, inactive validation rules, workflow rules and triggers.',
    docs: docsPath(id),
    reads: ['ApexTrigger', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ model, objects }) {
    const dead: Dead[] = [];
    for (const flow of model.flows) {
      if (flow.status.toLowerCase() !== 'active') {
        dead.push({ type: 'Flow', name: flow.name, object: flow.trigger.object, source: flow.source, state: `status ${flow.status}`, evidence: flow.source });
      }
    }
    for (const object of model.objects) {
      for (const rule of object.validationRules) {
        if (!rule.active) dead.push({ type: 'ValidationRule', name: rule.fullName, object: rule.object, source: rule.source, state: 'active false', evidence: rule.source });
      }
    }
    for (const workflow of model.workflows) {
      for (const rule of workflow.rules) {
        if (!rule.active) dead.push({ type: 'WorkflowRule', name: rule.fullName, object: rule.object, source: rule.source, state: 'active false', evidence: rule.source });
      }
    }
    for (const trigger of model.apexTriggers) {
      // The status lives in the -meta.xml next to the code.
      const meta = trigger.source.file.endsWith('.trigger') ? { file: `${trigger.source.file}-meta.xml` } : trigger.source;
      if (!trigger.active) dead.push({ type: 'ApexTrigger', name: trigger.name, object: trigger.object, source: trigger.source, state: `status ${trigger.status}`, evidence: meta });
    }
    return dead.filter((item) => objects.length === 0 || (item.object !== undefined && objects.includes(item.object))).map(finding);
  },
};

const ADVICE: Record<string, string> = {
  Flow: 'Activate it or delete the version',
  ValidationRule: 'Delete it, or keep its formula in version control instead',
  WorkflowRule: 'Delete it (workflow rules are retired; rebuild what is still needed as a flow)',
  ApexTrigger: 'Delete it with the handler code only it calls',
};

function finding(item: Dead): RuleFinding {
  const component: FindingComponent = { type: item.type, name: item.name, file: item.source.file, ...(item.source.line !== undefined ? { line: item.source.line } : {}) };
  return {
    severity: 'info',
    message: `${item.type} ${item.name}${item.object ? ` on ${item.object}` : ''} is deployed but never runs (${item.state}). ${ADVICE[item.type]}.`,
    ...(item.object !== undefined ? { object: item.object } : {}),
    components: [component],
    evidence: [evidenceAt(item.state, item.evidence)],
    identity: [item.type, item.name],
  };
}

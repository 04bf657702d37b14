import type { FlowModel } from '../../metadata/model.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';

const id = 'legacy/process-builder';

/**
 * Process Builder processes: retired in favour of flows (end of support 31 December 2025). One finding per
 * object (processes with no object, such as invocable ones, share one finding), listing every process.
 */
export const legacyProcessBuilder: Rule = {
  meta: {
    id,
    category: 'legacy',
    defaultSeverity: 'medium',
    description: 'Process Builder processes, which Salesforce has retired in favour of flows: one finding per object.',
    docs: docsPath(id),
    reads: ['Flow'],
  },
  run({ model, objects }) {
    const byObject = new Map<string, FlowModel[]>();
    for (const flow of model.flows) {
      if (!flow.isProcessBuilder) continue;
      const object = flow.trigger.object ?? '';
      byObject.set(object, [...(byObject.get(object) ?? []), flow]);
    }
    return [...byObject]
      .filter(([object]) => objects.length === 0 || objects.includes(object))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([object, flows]) => finding(object, [...flows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))));
  },
};

function finding(object: string, flows: FlowModel[]): RuleFinding {
  const active = flows.filter((flow) => flow.status === 'Active').length;
  const count = `${flows.length} Process Builder ${flows.length === 1 ? 'process' : 'processes'} (${active} active)`;
  return {
    severity: 'medium',
    message: `${object || 'No object'}: ${count}: ${flows.map((flow) => flow.name).join(', ')}. Process Builder is past end of support (31 December 2025): migrate to record-triggered flows (Setup's Migrate to Flow tool).`,
    ...(object ? { object } : {}),
    components: flows.map((flow) => ({ type: 'Flow', name: flow.name, file: flow.source.file, ...(flow.source.line !== undefined ? { line: flow.source.line } : {}) })),
    evidence: flows.map((flow) => ({
      text: `process ${flow.name}: processType ${flow.processType ?? 'Workflow'}, status ${flow.status}${flow.trigger.processBuilderTriggerType ? `, ${flow.trigger.processBuilderTriggerType}` : ''}`,
      file: flow.source.file,
      ...(flow.source.line !== undefined ? { line: flow.source.line } : {}),
    })),
    identity: [object],
  };
}

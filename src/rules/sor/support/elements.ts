import type { GraphEdge, GraphNode } from '../../../graph/types.js';
import type { FlowModel, MetadataModel } from '../../../metadata/model.js';
import { fieldUpdatesOn, findWorkflowRule, flowsNamed } from '../../../metadata/model-index.js';

export type WriteElement = { kind: string; name: string; line?: number };

/**
 * The element that writes `field`, so a finding names what to change: the flow assignment or record
 * element (also inside a subflow on the path), or the workflow field update. Apex has its path instead.
 */
export function elementOf(automation: GraphNode, edge: GraphEdge, field: string, model: MetadataModel): WriteElement | undefined {
  const name = field.slice(field.indexOf('.') + 1).toLowerCase();
  switch (automation.automationType) {
    case 'flow':
    case 'process-builder':
      return flowElement(flowsOf(automation, edge, model), edge, name);
    case 'workflow-rule':
      return fieldUpdate(automation, edge, name, model);
    default:
      return undefined;
  }
}

/** The automation's flow and the subflows on the path, the one holding the evidence first. */
function flowsOf(automation: GraphNode, edge: GraphEdge, model: MetadataModel): FlowModel[] {
  const flows = flowsNamed(model, [automation.name.split('/')[0]!, ...(edge.path ?? []).slice(1)]);
  return flows.sort((a, b) => Number(b.source.file === edge.evidence.file) - Number(a.source.file === edge.evidence.file));
}

function flowElement(flows: FlowModel[], edge: GraphEdge, field: string): WriteElement | undefined {
  for (const flow of flows) {
    for (const element of flow.elements) {
      const hit = edge.inMemory
        ? element.kind === 'assignment' && (element.assignments ?? []).some((item) => item.target.trim().toLowerCase() === `$record.${field}`)
        : element.name === edge.note;
      if (hit) return { kind: KIND_LABELS[element.kind] ?? element.kind, name: element.name, ...(element.line !== undefined ? { line: element.line } : {}) };
    }
  }
  return undefined;
}

function fieldUpdate(automation: GraphNode, edge: GraphEdge, field: string, model: MetadataModel): WriteElement | undefined {
  const rule = findWorkflowRule(model, automation.name);
  if (!rule) return undefined;
  const updates = fieldUpdatesOn(model, rule.object);
  for (const action of [...rule.actions, ...rule.timeTriggerActions]) {
    if (action.type.toLowerCase() !== 'fieldupdate') continue;
    const update = updates.find((candidate) => candidate.name === action.name);
    if (update && update.field.toLowerCase() === field && update.source.file === edge.evidence.file) {
      return { kind: 'field update', name: update.name, ...(update.source.line !== undefined ? { line: update.source.line } : {}) };
    }
  }
  return undefined;
}

const KIND_LABELS: Record<string, string> = {
  assignment: 'assignment',
  recordUpdate: 'update records',
  recordCreate: 'create records',
};

import type { MetadataModel } from '../metadata/model.js';
import type { AutomationGraph } from './automation-graph.js';
import {
  EXECUTION_STEPS,
  type EffectSummary,
  type ObjectPipeline,
  type PipelineEntry,
  type StepId,
} from './pipeline-types.js';
import { type GraphEdge, type GraphNode, nodeId } from './types.js';
import { compare } from '../shared/compare.js';

const STEP_INDEX = new Map<StepId, number>(EXECUTION_STEPS.map((step, index) => [step.id, index]));

/**
 * Places every automation that a save of `object` runs in its step of Salesforce's order of execution,
 * and orders it within the step by the documented rule.
 */
export function buildPipeline(graph: AutomationGraph, model: MetadataModel, object: string): ObjectPipeline {
  const flowInfo = new Map(model.flows.map((flow) => [flow.name, flow]));
  const objectNode = graph.node(nodeId.object(object));
  const entries: PipelineEntry[] = [];

  for (const edge of [...graph.outEdges(nodeId.object(object), 'fires-on'), ...graph.outEdges(nodeId.object(object), 'subscribes')]) {
    const node = graph.node(edge.target);
    if (!node?.automationType) continue;
    for (const placement of placements(node, edge, flowInfo)) {
      entries.push(entryFor(graph, node, placement.step, placement.events, edge.criteria));
    }
  }
  // What the save sets in motion after commit: scheduled/async paths, queued Apex, event subscribers.
  const postCommit: PipelineEntry[] = [];
  for (const entry of entries.filter((candidate) => candidate.active)) {
    for (const enqueued of graph.outEdges(entry.automationId, 'enqueues')) {
      const node = graph.node(enqueued.target);
      if (node?.automationType) postCommit.push({ ...entryFor(graph, node, 'post-commit', [], undefined), via: entry.name, ...(enqueued.note ? { order: enqueued.note } : {}) });
    }
    for (const published of graph.outEdges(entry.automationId, 'publishes')) {
      for (const subscription of graph.outEdges(published.target, 'subscribes')) {
        const node = graph.node(subscription.target);
        if (node?.automationType) {
          postCommit.push({ ...entryFor(graph, node, 'post-commit', ['publish'], subscription.criteria), via: `${entry.name} (publishes ${graph.node(published.target)?.name})` });
        }
      }
    }
  }
  const unique = dedupe([...entries, ...postCommit]);
  const active = sortEntries(unique.filter((entry) => entry.active), flowInfo);
  const inactive = sortEntries(unique.filter((entry) => !entry.active), flowInfo);
  active.forEach((entry, index) => (entry.position = index + 1));
  inactive.forEach((entry, index) => (entry.position = index + 1));

  return {
    object,
    ...(objectNode?.objectKind ? { objectKind: objectNode.objectKind } : {}),
    entries: active,
    inactive,
    stepsNotCovered: EXECUTION_STEPS.filter((step) => !step.covered).map((step) => step.id),
    notes: orderNotes(object, active, flowInfo),
  };
}

type Placement = { step: StepId; events: string[] };

function placements(node: GraphNode, edge: GraphEdge, flows: Map<string, MetadataModel['flows'][number]>): Placement[] {
  const events = edge.events ?? [];
  if (edge.kind === 'subscribes') return [{ step: 'post-commit', events: events.length > 0 ? events : ['publish'] }];
  switch (node.automationType) {
    case 'flow': {
      const triggerType = flows.get(node.name)?.trigger.triggerType;
      const step: StepId = triggerType === 'RecordAfterSave' ? 'after-save-flows' : 'before-save-flows';
      return [{ step, events }];
    }
    case 'process-builder':
      return [{ step: 'process-builder', events }];
    case 'apex-trigger': {
      const before = events.filter((event) => event.startsWith('before'));
      const after = events.filter((event) => event.startsWith('after'));
      return [
        ...(before.length > 0 ? [{ step: 'before-triggers' as const, events: before }] : []),
        ...(after.length > 0 ? [{ step: 'after-triggers' as const, events: after }] : []),
      ];
    }
    case 'validation-rule':
      return [{ step: 'validation', events }];
    case 'workflow-rule':
      return [{ step: 'workflow-rules', events }];
    case 'roll-up-summary':
      return [{ step: 'parent-roll-ups', events }];
    default:
      return [{ step: 'post-commit', events }];
  }
}

function entryFor(graph: AutomationGraph, node: GraphNode, step: StepId, events: string[], criteria: string | undefined): PipelineEntry {
  const out = graph.outEdges(node.id).filter((edge) => runsInStep(node, edge, step));
  const summaries = (kind: GraphEdge['kind']): EffectSummary[] =>
    out.filter((edge) => edge.kind === kind).map((edge) => summarize(graph, edge));
  return {
    position: 0,
    step,
    automationId: node.id,
    automationType: node.automationType!,
    name: node.name,
    ...(node.label !== undefined ? { label: node.label } : {}),
    active: node.active !== false,
    events,
    ...(criteria ? { criteria } : {}),
    writes: summaries('writes'),
    reads: summaries('reads'),
    callsOut: summaries('calls-out'),
    changesAccess: summaries('changes-access'),
    publishes: summaries('publishes'),
    enqueues: summaries('enqueues'),
    notVisible: summaries('calls-not-visible'),
    ...(node.source ? { source: node.source } : {}),
  };
}

/**
 * A trigger with both before and after events runs its handler chain in two steps; the model does not
 * know which `Trigger.isBefore` branch a call sits in, so the handler method's name decides
 * (`beforeUpdate`, `onAfterInsert`); a method named for neither is shown in both steps.
 */
function runsInStep(node: GraphNode, edge: GraphEdge, step: StepId): boolean {
  if (node.automationType !== 'apex-trigger' || (step !== 'before-triggers' && step !== 'after-triggers')) return true;
  const handler = edge.path?.[1]?.split('.').pop() ?? '';
  if (/before/i.test(handler)) return step === 'before-triggers';
  if (/after/i.test(handler)) return step === 'after-triggers';
  return true;
}

function summarize(graph: AutomationGraph, edge: GraphEdge): EffectSummary {
  return {
    target: graph.node(edge.target)?.name ?? edge.target,
    ...(edge.fields && edge.fields.length > 0 ? { fields: edge.fields } : {}),
    ...(edge.operation ? { operation: edge.operation } : {}),
    ...(edge.targetsTriggeringRecord !== undefined ? { targetsTriggeringRecord: edge.targetsTriggeringRecord } : {}),
    ...(edge.inMemory ? { inMemory: true } : {}),
    ...(edge.async ? { async: true } : {}),
    ...(edge.implicit ? { implicit: edge.implicit } : {}),
    confidence: edge.confidence,
    ...(edge.path && edge.path.length > 0 ? { path: edge.path } : {}),
    ...(edge.note ? { note: edge.note } : {}),
    evidence: edge.evidence,
  };
}

function dedupe(entries: PipelineEntry[]): PipelineEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.step}|${entry.automationId}|${entry.via ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Flows in a step run by triggerOrder 1–1000 ascending (ties by API name), then those without a
 * trigger order, then 1001–2000. Everything else is listed by name: Salesforce guarantees no order.
 */
function sortEntries(entries: PipelineEntry[], flows: Map<string, MetadataModel['flows'][number]>): PipelineEntry[] {
  const rank = (entry: PipelineEntry): number => {
    const order = entry.automationType === 'flow' ? flows.get(entry.name)?.trigger.triggerOrder : undefined;
    if (order === undefined) return 1000.5;
    return order;
  };
  for (const entry of entries) {
    const order = entry.automationType === 'flow' && entry.step !== 'post-commit' ? flows.get(entry.name)?.trigger.triggerOrder : undefined;
    if (order !== undefined) entry.order = `triggerOrder ${order}`;
  }
  return entries.sort(
    (a, b) =>
      STEP_INDEX.get(a.step)! - STEP_INDEX.get(b.step)! ||
      rank(a) - rank(b) ||
      compare(a.name, b.name) ||
      compare(a.via ?? '', b.via ?? ''),
  );
}

function orderNotes(object: string, entries: PipelineEntry[], flows: Map<string, MetadataModel['flows'][number]>): string[] {
  const notes: string[] = [];
  for (const step of ['before-save-flows', 'after-save-flows'] as const) {
    const unordered = entries.filter((entry) => entry.step === step && entry.automationType === 'flow' && flows.get(entry.name)?.trigger.triggerOrder === undefined);
    if (unordered.length > 1) {
      notes.push(`${unordered.length} ${step === 'before-save-flows' ? 'before-save' : 'after-save'} flows on ${object} have no trigger order (${unordered.map((entry) => entry.name).join(', ')}): Salesforce does not guarantee the order in which they run.`);
    }
  }
  const triggersByEvent = new Map<string, string[]>();
  for (const entry of entries.filter((candidate) => candidate.automationType === 'apex-trigger')) {
    for (const event of entry.events) triggersByEvent.set(event, [...(triggersByEvent.get(event) ?? []), entry.name]);
  }
  for (const [event, names] of [...triggersByEvent].sort(([a], [b]) => compare(a, b))) {
    if (names.length > 1) notes.push(`${names.length} triggers on ${object} fire ${event} (${names.join(', ')}): Salesforce does not guarantee their order.`);
  }
  return notes;
}

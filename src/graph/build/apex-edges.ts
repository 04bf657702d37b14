import type { AutomationGraph } from '../automation-graph.js';
import { type GraphEdge, nodeId } from '../types.js';
import type { ApexEffect, ReachedCall } from './effects.js';

/**
 * Attaches what a piece of Apex does to the automation that runs it (a trigger, a flow's Apex action):
 * `calls` edges along the methods it reaches, and one edge per effect from the entry automation, with
 * the call path, so an object's pipeline shows the writes its automation causes however deep they are.
 */
export function linkApexEntry(graph: AutomationGraph, entryId: string, effects: ApexEffect[], calls: ReachedCall[]): void {
  for (const call of calls) {
    for (const id of [call.from, call.to]) {
      if (!graph.hasNode(id) && id.startsWith('apex-method:')) {
        const name = id.slice('apex-method:'.length);
        const source = id === call.to ? call.toSource : undefined;
        graph.addNode({ id, kind: 'automation', automationType: 'apex-method', name, active: true, ...(source ? { source } : {}) });
      }
    }
    if (graph.hasNode(call.from) && graph.hasNode(call.to)) {
      graph.addEdge({
        kind: 'calls',
        source: call.from,
        target: call.to,
        confidence: 'certain',
        evidence: { file: call.file, ...(call.line !== undefined ? { line: call.line } : {}) },
      });
    }
  }
  for (const effect of effects) graph.addEdge(effectEdge(graph, entryId, effect));
}

/** The node of a method whose code the project does not hold (`apex-method:npsp.TDTM_Runnable.run`). */
export function hiddenNode(graph: AutomationGraph, name: string): string {
  const id = nodeId.automation('apex-method', name);
  if (!graph.hasNode(id)) graph.addNode({ id, kind: 'automation', automationType: 'apex-method', name, active: true, notVisible: true });
  return id;
}

function effectEdge(graph: AutomationGraph, source: string, effect: ApexEffect): GraphEdge {
  const base = {
    source,
    confidence: effect.confidence,
    evidence: effect.evidence,
    path: effect.path,
    ...(effect.async ? { async: true } : {}),
    ...(effect.guards.length > 0 ? { guards: effect.guards } : {}),
    ...(effect.inLoop ? { inLoop: true } : {}),
  };
  switch (effect.kind) {
    case 'writes':
      return {
        ...base,
        kind: 'writes',
        target: graph.ensureObject(effect.object),
        fields: effect.fields,
        operation: effect.operation,
        targetsTriggeringRecord: effect.targetsTriggeringRecord,
        ...(effect.inMemory ? { inMemory: true } : {}),
      };
    case 'reads':
      return { ...base, kind: 'reads', target: graph.ensureObject(effect.object), fields: effect.fields };
    case 'publishes':
      return { ...base, kind: 'publishes', target: graph.ensureObject(effect.event, 'platform-event') };
    case 'calls-out':
      return {
        ...base,
        kind: 'calls-out',
        target: graph.addNode({ id: nodeId.endpoint(effect.target), kind: 'endpoint', name: effect.target }),
        note: effect.note,
      };
    case 'enqueues':
      return {
        ...base,
        kind: 'enqueues',
        target: graph.addNode({ id: nodeId.automation('apex-method', effect.target), kind: 'automation', automationType: 'apex-method', name: effect.target, active: true }),
        note: effect.note,
      };
    case 'changes-access':
      return { ...base, kind: 'changes-access', target: graph.ensureObject(effect.object), note: effect.note };
    case 'calls-not-visible':
      return { ...base, kind: 'calls-not-visible', target: hiddenNode(graph, effect.target), note: effect.note };
  }
}

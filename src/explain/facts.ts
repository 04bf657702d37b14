/** Graph nodes and edges turned into the explanation's evidence records (sorted, undefined keys left out). */
import type { AutomationGraph } from '../graph/automation-graph.js';
import type { GraphEdge, GraphNode } from '../graph/types.js';
import type { SourceRef } from '../metadata/model.js';
import type { AutomationRef, EdgeFact } from './types.js';

export function automationRef(node: GraphNode): AutomationRef {
  return {
    id: node.id,
    name: node.name,
    type: node.automationType!,
    ...(node.object ? { object: node.object } : {}),
    active: node.active !== false,
    ...(node.source ? { source: node.source } : {}),
  };
}

export function edgeFact(graph: AutomationGraph, automation: GraphNode, edge: GraphEdge, otherEnd: string): EdgeFact {
  return {
    kind: edge.kind,
    automation: automationRef(automation),
    target: graph.node(otherEnd)?.name ?? otherEnd,
    fields: [...(edge.fields ?? [])].sort(compare),
    ...(edge.operation ? { operation: edge.operation } : {}),
    ...(edge.events ? { events: edge.events } : {}),
    ...(edge.criteria ? { criteria: edge.criteria } : {}),
    ...(edge.async ? { async: true } : {}),
    ...(edge.inMemory ? { inMemory: true } : {}),
    ...(edge.implicit ? { implicit: edge.implicit } : {}),
    ...(edge.path ? { path: edge.path } : {}),
    ...(edge.note ? { note: edge.note } : {}),
    evidence: edge.evidence,
  };
}

export function compareFacts(a: EdgeFact, b: EdgeFact): number {
  return compare(a.kind, b.kind) || compare(a.automation.name, b.automation.name) || compare(a.target, b.target) || compareRefs(a.evidence, b.evidence) || compare(a.fields.join(','), b.fields.join(',')) || compare((a.path ?? []).join('>'), (b.path ?? []).join('>'));
}

export function compareRefs(a: SourceRef, b: SourceRef): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `file:line`, or the file alone when the line is unknown. */
export function refText(ref: SourceRef | undefined): string {
  if (!ref) return '';
  return ref.line !== undefined ? `${ref.file}:${ref.line}` : ref.file;
}

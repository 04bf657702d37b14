import type { AutomationGraph } from '../automation-graph.js';
import type { GraphEdge, GraphNode } from '../types.js';

export type Subgraph = { nodes: GraphNode[]; edges: GraphEdge[]; /** `--object` values that match no object node. */ unknownObjects: string[] };

/**
 * The nodes and edges an export shows, sorted. Without `objects`, the whole graph. With `objects`, what a
 * save of those objects sets in motion: the objects, the automation that fires on them (or subscribes to
 * them), everything that automation and the Apex it calls or enqueues writes, reads, calls out to,
 * publishes or changes; and the subscribers of platform events it publishes (they run after commit,
 * as in the object's pipeline). Objects it writes are shown, but their own automation is not: pass them
 * as `objects` too. Object names match case-insensitively, as in Salesforce.
 */
export function selectSubgraph(graph: AutomationGraph, objects?: readonly string[]): Subgraph {
  if (!objects || objects.length === 0) {
    return { nodes: sortNodes(graph.nodes()), edges: sortEdges(graph.edges()), unknownObjects: [] };
  }
  const objectNodes = graph.nodes().filter((node) => node.kind === 'object');
  const byName = new Map(objectNodes.map((node) => [node.name.toLowerCase(), node]));
  const unknownObjects = objects.filter((name) => !byName.has(name.toLowerCase()));
  const starts = objects.map((name) => byName.get(name.toLowerCase())).filter((node): node is GraphNode => node !== undefined);

  const visited = new Set<string>();
  const edges = new Map<GraphEdge, true>();
  const queue: string[] = [];
  const visit = (id: string): void => {
    if (visited.has(id)) return;
    visited.add(id);
    queue.push(id);
  };
  for (const start of starts) visit(start.id);
  const startIds = new Set(starts.map((node) => node.id));

  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = graph.node(id);
    if (!node) continue;
    let out: GraphEdge[];
    if (startIds.has(id)) out = graph.outEdges(id).filter((edge) => edge.kind === 'fires-on' || edge.kind === 'subscribes');
    else if (node.kind === 'automation') out = graph.outEdges(id);
    else if (isPlatformEvent(node)) out = graph.outEdges(id, 'subscribes');
    else out = [];
    for (const edge of out) {
      edges.set(edge, true);
      visit(edge.target);
    }
  }
  return {
    nodes: sortNodes([...visited].map((id) => graph.node(id)!).filter(Boolean)),
    edges: sortEdges([...edges.keys()]),
    unknownObjects,
  };
}

function isPlatformEvent(node: GraphNode): boolean {
  return node.kind === 'object' && (node.objectKind === 'platform-event' || node.name.endsWith('__e'));
}

function sortNodes(nodes: GraphNode[]): GraphNode[] {
  return [...nodes].sort((a, b) => compare(a.id, b.id));
}

function sortEdges(edges: GraphEdge[]): GraphEdge[] {
  const key = (edge: GraphEdge): string =>
    [
      edge.source,
      edge.target,
      edge.kind,
      edge.evidence.file,
      String(edge.evidence.line ?? 0).padStart(9, '0'),
      edge.operation ?? '',
      (edge.fields ?? []).join(','),
      (edge.path ?? []).join('>'),
      (edge.events ?? []).join(','),
      edge.implicit ?? '',
      edge.note ?? '',
    ].join('\u0000');
  return edges
    .map((edge) => ({ edge, key: key(edge) }))
    .sort((a, b) => compare(a.key, b.key))
    .map(({ edge }) => edge);
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

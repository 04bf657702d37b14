/**
 * A small layered (Sugiyama-style) layout for the pipeline graphs: layers by longest path after
 * breaking cycles, order within a layer by downward barycenter sweeps, then coordinates. Deterministic: ties keep
 * the input order, so the same graph always gets the same picture.
 */
import { maxOf } from '../../shared/arrays.js';

export type LayoutNode = { id: string; width: number; height: number };
export type LayoutEdge = { from: string; to: string };

export type PlacedNode = LayoutNode & { x: number; y: number; layer: number };

export type Layout = {
  nodes: Map<string, PlacedNode>;
  /** Edges that point back (or sideways) after cycle breaking: drawn as loops under the graph. */
  backEdges: Set<LayoutEdge>;
  width: number;
  height: number;
};

export type LayoutOptions = { layerGap?: number; nodeGap?: number; margin?: number; sweeps?: number };

export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): Layout {
  const { layerGap = 90, nodeGap = 18, margin = 12, sweeps = 2 } = options;
  const ids = new Set(nodes.map((node) => node.id));
  const usable = edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  const backEdges = findBackEdges(nodes, usable);
  const forward = usable.filter((edge) => !backEdges.has(edge) && edge.from !== edge.to);

  const layerOf = longestPathLayers(nodes, forward);
  const layerCount = maxOf(layerOf.values(), 0) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const node of nodes) layers[layerOf.get(node.id)!]!.push(node.id);
  orderLayers(layers, forward, sweeps);

  const byId = new Map(nodes.map((node) => [node.id, node]));
  const columnWidth = layers.map((layer) => maxOf(layer.map((id) => byId.get(id)!.width), 0));
  const columnHeight = layers.map((layer) => layer.reduce((sum, id) => sum + byId.get(id)!.height, 0) + Math.max(0, layer.length - 1) * nodeGap);
  const innerHeight = maxOf(columnHeight, 0);
  const placed = new Map<string, PlacedNode>();
  let x = margin;
  layers.forEach((layer, index) => {
    let y = margin + (innerHeight - columnHeight[index]!) / 2;
    for (const id of layer) {
      const node = byId.get(id)!;
      placed.set(id, { ...node, layer: index, x: x + (columnWidth[index]! - node.width) / 2, y });
      y += node.height + nodeGap;
    }
    x += columnWidth[index]! + layerGap;
  });
  const width = x - layerGap + margin;
  return { nodes: placed, backEdges, width: Math.max(width, 2 * margin), height: innerHeight + 2 * margin };
}

/**
 * Depth-first from the nodes in input order; an edge to a node still on the stack closes a cycle. The
 * walk keeps its own stack, so a chain of thousands of automations cannot overflow the JavaScript one.
 */
function findBackEdges(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Set<LayoutEdge> {
  const out = new Map<string, LayoutEdge[]>();
  for (const edge of edges) {
    const list = out.get(edge.from);
    if (list) list.push(edge);
    else out.set(edge.from, [edge]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<LayoutEdge>();
  for (const node of nodes) {
    if (state.has(node.id)) continue;
    state.set(node.id, 'open');
    const stack: Array<{ id: string; next: number }> = [{ id: node.id, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edge = (out.get(frame.id) ?? [])[frame.next++];
      if (!edge) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === 'open') back.add(edge);
      else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ id: edge.to, next: 0 });
      }
    }
  }
  return back;
}

/** Each node one layer right of its furthest predecessor (the graph is acyclic by now), in topological order. */
function longestPathLayers(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Map<string, number> {
  const outgoing = new Map<string, string[]>();
  const indegree = new Map<string, number>(nodes.map((node) => [node.id, 0]));
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list) list.push(edge.to);
    else outgoing.set(edge.from, [edge.to]);
    indegree.set(edge.to, (indegree.get(edge.to) ?? 0) + 1);
  }
  const layer = new Map<string, number>(nodes.map((node) => [node.id, 0]));
  const ready = nodes.filter((node) => indegree.get(node.id) === 0).map((node) => node.id);
  for (let index = 0; index < ready.length; index++) {
    const id = ready[index]!;
    for (const target of outgoing.get(id) ?? []) {
      layer.set(target, Math.max(layer.get(target) ?? 0, layer.get(id)! + 1));
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  return layer;
}

/**
 * Barycenter sweeps, top layer down: each node moves toward the mean position of its predecessors.
 * Only downward, so a layer whose nodes share their predecessors (the automations of one object)
 * keeps its input order (execution order); later layers follow it.
 */
function orderLayers(layers: string[][], edges: readonly LayoutEdge[], sweeps: number): void {
  const predecessors = (id: string): string[] => edges.filter((edge) => edge.to === id).map((edge) => edge.from);
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let index = 1; index < layers.length; index++) {
      const at = new Map(layers.flatMap((layer) => layer.map((id, position) => [id, position] as const)));
      const keyed = layers[index]!.map((id, current) => {
        const around = predecessors(id).map((other) => at.get(other)!);
        return { id, current, key: around.length > 0 ? around.reduce((sum, value) => sum + value, 0) / around.length : current };
      });
      keyed.sort((a, b) => a.key - b.key || a.current - b.current);
      layers[index] = keyed.map((item) => item.id);
    }
  }
}

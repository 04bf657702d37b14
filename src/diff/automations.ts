/**
 * Automation drift: flows, Process Builder, triggers, workflow rules and field updates, validation rules
 * and roll-ups present on one side only, or whose graph edges (what they fire on, write, read, call,
 * publish) differ. Edges are compared by what they say, not where: the same product in source and
 * metadata API format has other files and lines, and the same signature.
 */
import type { AutomationGraph } from '../graph/automation-graph.js';
import type { AutomationType, GraphEdge, GraphNode } from '../graph/types.js';
import type { SourceRef } from '../metadata/model.js';
import { compare, uniqueRefs } from './evidence.js';
import type { AutomationDiff, SignatureEvidence } from './types.js';

const TRACKED = new Set<AutomationType>(['flow', 'process-builder', 'apex-trigger', 'workflow-rule', 'workflow-field-update', 'validation-rule', 'roll-up-summary']);

type Signature = Map<string, SourceRef[]>;

export function diffAutomations(a: AutomationGraph, b: AutomationGraph): AutomationDiff[] {
  const nodesA = tracked(a);
  const nodesB = tracked(b);
  const diffs: AutomationDiff[] = [];
  for (const id of [...new Set([...nodesA.keys(), ...nodesB.keys()])].sort(compare)) {
    const nodeA = nodesA.get(id);
    const nodeB = nodesB.get(id);
    const signatureA = nodeA ? signatureOf(a, nodeA) : new Map<string, SourceRef[]>();
    const signatureB = nodeB ? signatureOf(b, nodeB) : new Map<string, SourceRef[]>();
    const gained = only(signatureB, signatureA, 'b');
    const lost = only(signatureA, signatureB, 'a');
    const change = !nodeA ? 'added' : !nodeB ? 'removed' : gained.length + lost.length > 0 ? 'changed' : undefined;
    if (!change) continue;
    const node = (nodeB ?? nodeA)!;
    diffs.push({
      id: node.id,
      name: node.name,
      type: node.automationType!,
      ...(node.object ? { object: node.object } : {}),
      change,
      ...(nodeA?.source ? { a: nodeA.source } : {}),
      ...(nodeB?.source ? { b: nodeB.source } : {}),
      gained,
      lost,
    });
  }
  return diffs;
}

/** Keyed by lower-case id: API names are case-insensitive, and a rename of case is no drift. */
function tracked(graph: AutomationGraph): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const node of graph.nodes()) if (node.automationType && TRACKED.has(node.automationType)) nodes.set(node.id.toLowerCase(), node);
  return nodes;
}

function signatureOf(graph: AutomationGraph, node: GraphNode): Signature {
  const signature: Signature = new Map();
  const add = (what: string, ref: SourceRef | undefined): void => {
    let refs = signature.get(what);
    if (!refs) signature.set(what, (refs = []));
    if (ref) refs.push(ref);
  };
  add(node.active === false ? 'inactive' : 'active', node.source);
  for (const edge of graph.inEdges(node.id)) {
    if (edge.kind === 'fires-on' || edge.kind === 'subscribes') add(`${edge.kind} ${nameOf(graph, edge.source)}${list(edge.events)}${edge.criteria ? ` when ${edge.criteria}` : ''}`, edge.evidence);
  }
  for (const edge of graph.outEdges(node.id)) add(describe(graph, edge), edge.evidence);
  return signature;
}

function describe(graph: AutomationGraph, edge: GraphEdge): string {
  return [
    edge.kind,
    nameOf(graph, edge.target),
    edge.operation,
    edge.fields && edge.fields.length > 0 ? `[${[...edge.fields].sort(compare).join(', ')}]` : undefined,
    edge.inMemory ? 'in memory' : undefined,
    edge.async ? 'async' : undefined,
    edge.implicit,
  ]
    .filter(Boolean)
    .join(' ');
}

function nameOf(graph: AutomationGraph, id: string): string {
  return graph.node(id)?.name ?? id;
}

function list(values: string[] | undefined): string {
  return values && values.length > 0 ? ` (${values.join(', ')})` : '';
}

/** Signature entries of `mine` the other side lacks, with this side's evidence. */
function only(mine: Signature, other: Signature, side: 'a' | 'b'): SignatureEvidence[] {
  const otherKeys = new Set([...other.keys()].map((key) => key.toLowerCase()));
  return [...mine]
    .filter(([what]) => !otherKeys.has(what.toLowerCase()))
    .map(([what, refs]) => ({ what, a: side === 'a' ? uniqueRefs(refs) : [], b: side === 'b' ? uniqueRefs(refs) : [] }))
    .sort((x, y) => compare(x.what, y.what));
}

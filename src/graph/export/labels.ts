import type { GraphEdge, GraphNode } from '../types.js';

/** A node's caption lines: its name, then what it is. */
export function nodeCaption(node: GraphNode): string[] {
  const what = node.kind === 'automation' ? (node.automationType ?? 'automation') : node.kind === 'object' && node.objectKind ? node.objectKind : node.kind;
  const lines = [node.name, node.active === false ? `${what}, inactive` : what];
  if (node.label && node.label !== node.name) lines.splice(1, 0, node.label);
  return lines;
}

/** An edge's caption lines: its kind and what it carries (events, operation and fields, note). */
export function edgeCaption(edge: GraphEdge): string[] {
  const head = [edge.kind === 'writes' && edge.operation ? `writes (${edge.operation})` : edge.kind];
  if (edge.async) head.push('async');
  if (edge.implicit) head.push(edge.implicit);
  if (edge.confidence !== 'certain') head.push(edge.confidence);
  const lines = [head.join(', ')];
  if (edge.events && edge.events.length > 0) lines.push(edge.events.join(', '));
  if (edge.fields && edge.fields.length > 0) {
    const shown = edge.fields.slice(0, 4).join(', ');
    lines.push(edge.fields.length > 4 ? `${shown} +${edge.fields.length - 4}` : shown);
  }
  if (edge.note) lines.push(edge.note);
  return lines;
}

/** Drawn dashed: what runs in a later transaction. */
export function isDeferred(edge: GraphEdge): boolean {
  return edge.async === true || edge.kind === 'enqueues' || edge.kind === 'publishes' || edge.kind === 'subscribes';
}

import type { AutomationGraph } from '../automation-graph.js';
import type { GraphEdge, GraphNode } from '../types.js';
import { selectSubgraph } from './select.js';

type KeyType = 'string' | 'int' | 'boolean';
type Key<T> = { id: string; name: string; type: KeyType; value: (item: T) => string | number | boolean | undefined };

const NODE_KEYS: Array<Key<GraphNode>> = [
  { id: 'n_id', name: 'id', type: 'string', value: (node) => node.id },
  { id: 'n_kind', name: 'kind', type: 'string', value: (node) => node.kind },
  { id: 'n_name', name: 'name', type: 'string', value: (node) => node.name },
  { id: 'n_label', name: 'label', type: 'string', value: (node) => node.label },
  { id: 'n_automationType', name: 'automationType', type: 'string', value: (node) => node.automationType },
  { id: 'n_object', name: 'object', type: 'string', value: (node) => node.object },
  { id: 'n_objectKind', name: 'objectKind', type: 'string', value: (node) => node.objectKind },
  { id: 'n_active', name: 'active', type: 'boolean', value: (node) => node.active },
  { id: 'n_file', name: 'file', type: 'string', value: (node) => node.source?.file },
  { id: 'n_line', name: 'line', type: 'int', value: (node) => node.source?.line },
];

const EDGE_KEYS: Array<Key<GraphEdge>> = [
  { id: 'e_kind', name: 'kind', type: 'string', value: (edge) => edge.kind },
  { id: 'e_confidence', name: 'confidence', type: 'string', value: (edge) => edge.confidence },
  { id: 'e_file', name: 'file', type: 'string', value: (edge) => edge.evidence.file },
  { id: 'e_line', name: 'line', type: 'int', value: (edge) => edge.evidence.line },
  { id: 'e_events', name: 'events', type: 'string', value: (edge) => edge.events?.join(', ') },
  { id: 'e_criteria', name: 'criteria', type: 'string', value: (edge) => edge.criteria },
  { id: 'e_fields', name: 'fields', type: 'string', value: (edge) => edge.fields?.join(', ') },
  { id: 'e_operation', name: 'operation', type: 'string', value: (edge) => edge.operation },
  { id: 'e_targetsTriggeringRecord', name: 'targetsTriggeringRecord', type: 'boolean', value: (edge) => edge.targetsTriggeringRecord },
  { id: 'e_inMemory', name: 'inMemory', type: 'boolean', value: (edge) => edge.inMemory },
  { id: 'e_path', name: 'path', type: 'string', value: (edge) => edge.path?.join(' → ') },
  { id: 'e_guards', name: 'guards', type: 'string', value: (edge) => edge.guards?.join(', ') },
  { id: 'e_inLoop', name: 'inLoop', type: 'boolean', value: (edge) => edge.inLoop },
  { id: 'e_async', name: 'async', type: 'boolean', value: (edge) => edge.async },
  { id: 'e_implicit', name: 'implicit', type: 'string', value: (edge) => edge.implicit },
  { id: 'e_note', name: 'note', type: 'string', value: (edge) => edge.note },
];

/**
 * GraphML (yEd, Gephi, Cytoscape, NetworkX). Node and edge ids are generated (`n1`, `e1`): GraphML ids
 * are XML name tokens and metadata ids are not; the original id is kept in the `id` data key.
 */
export function exportGraphml(graph: AutomationGraph, objects?: string[]): string {
  const { nodes, edges } = selectSubgraph(graph, objects);
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index + 1}`]));
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((key) => `  <key id="${key.id}" for="node" attr.name="${key.name}" attr.type="${key.type}"/>`),
    ...EDGE_KEYS.map((key) => `  <key id="${key.id}" for="edge" attr.name="${key.name}" attr.type="${key.type}"/>`),
    '  <graph id="automation" edgedefault="directed">',
  ];
  for (const node of nodes) {
    lines.push(`    <node id="${ids.get(node.id)!}">`, ...data(NODE_KEYS, node), '    </node>');
  }
  edges.forEach((edge, index) => {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (!source || !target) return;
    lines.push(`    <edge id="e${index + 1}" source="${source}" target="${target}">`, ...data(EDGE_KEYS, edge), '    </edge>');
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

function data<T>(keys: Array<Key<T>>, item: T): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = key.value(item);
    if (value === undefined || value === '') continue;
    lines.push(`      <data key="${key.id}">${xmlText(String(value))}</data>`);
  }
  return lines;
}

/** Escapes text for XML content and drops characters XML 1.0 cannot carry (control characters, lone surrogates). */
export function xmlText(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

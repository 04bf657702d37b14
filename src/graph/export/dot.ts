import type { AutomationGraph } from '../automation-graph.js';
import type { GraphNode } from '../types.js';
import { edgeCaption, isDeferred, nodeCaption } from './labels.js';
import { selectSubgraph } from './select.js';

const SHAPES: Record<GraphNode['kind'], string> = {
  object: 'ellipse',
  field: 'note',
  automation: 'box',
  endpoint: 'hexagon',
};

/** Graphviz DOT: `dot -Tsvg graph.dot > graph.svg`. Ids are the graph's own, quoted; every string is escaped. */
export function exportDot(graph: AutomationGraph, objects?: string[]): string {
  const { nodes, edges } = selectSubgraph(graph, objects);
  const lines = [
    'digraph "automation" {',
    '  graph [rankdir="LR"];',
    '  node [shape="box", fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize="10"];',
  ];
  for (const node of nodes) {
    const attributes = [`label=${dotLabel(nodeCaption(node))}`, `shape="${SHAPES[node.kind] ?? 'box'}"`];
    if (node.active === false) attributes.push('style="dashed"', 'color="gray"');
    lines.push(`  ${dotString(node.id)} [${attributes.join(', ')}];`);
  }
  for (const edge of edges) {
    const attributes = [`label=${dotLabel(edgeCaption(edge))}`];
    if (isDeferred(edge)) attributes.push('style="dashed"');
    lines.push(`  ${dotString(edge.source)} -> ${dotString(edge.target)} [${attributes.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** A DOT double-quoted string: backslashes and quotes escaped, control characters and newlines dropped. */
export function dotString(value: string): string {
  return `"${escapeDot(value)}"`;
}

/** A multi-line label: each line escaped, joined by DOT's own `\n`. */
function dotLabel(lines: string[]): string {
  return `"${lines.map(escapeDot).join('\\n')}"`;
}

function escapeDot(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"');
}

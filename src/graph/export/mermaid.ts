import { mermaidEdge, mermaidNode } from '../../report/markdown-escape.js';
import type { AutomationGraph } from '../automation-graph.js';
import { edgeCaption, isDeferred, nodeCaption } from './labels.js';
import { selectSubgraph } from './select.js';

/**
 * A Mermaid flowchart (paste into a ```mermaid block, or mermaid.live). Ids are generated (`n1`, ...);
 * labels are escaped so no name can end a label, start a comment or add an edge.
 */
export function exportMermaid(graph: AutomationGraph, objects?: string[]): string {
  const { nodes, edges } = selectSubgraph(graph, objects);
  const ids = new Map(nodes.map((node, index) => [node.id, `n${index + 1}`]));
  const lines = ['flowchart LR'];
  for (const node of nodes) lines.push(mermaidNode(ids.get(node.id)!, nodeCaption(node).join(' · ')));
  for (const edge of edges) {
    const source = ids.get(edge.source);
    const target = ids.get(edge.target);
    if (source && target) lines.push(mermaidEdge(source, target, edgeCaption(edge).join(' · '), isDeferred(edge)));
  }
  return `${lines.join('\n')}\n`;
}

import { stableStringify } from '../../report/index.js';
import type { AutomationGraph } from '../automation-graph.js';
import { selectSubgraph } from './select.js';

/** `{nodes, edges}`: nodes sorted by id, edges by ends and evidence, keys sorted; the graph's own attributes. */
export function exportJson(graph: AutomationGraph, objects?: string[]): string {
  const { nodes, edges } = selectSubgraph(graph, objects);
  return `${stableStringify({ nodes, edges })}\n`;
}

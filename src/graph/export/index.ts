import type { AutomationGraph } from '../automation-graph.js';
import { exportDot } from './dot.js';
import { exportGraphml } from './graphml.js';
import { exportJson } from './json.js';
import { exportMermaid } from './mermaid.js';

export type GraphFormat = 'json' | 'graphml' | 'dot' | 'mermaid';

/** A graph exporter: pure; with `objects`, only what a save of those objects sets in motion (see `selectSubgraph`). */
export type GraphExporter = (graph: AutomationGraph, objects?: string[]) => string;

export const graphExporters: Record<GraphFormat, GraphExporter> = {
  json: exportJson,
  graphml: exportGraphml,
  dot: exportDot,
  mermaid: exportMermaid,
};

export const GRAPH_FORMATS = ['json', 'graphml', 'dot', 'mermaid'] as const satisfies readonly GraphFormat[];

export { exportDot, exportGraphml, exportJson, exportMermaid };
export { selectSubgraph, type Subgraph } from './select.js';

import type { AutomationGraph } from '../graph/automation-graph.js';
import { GraphQueries } from '../graph/queries.js';
import type { MetadataModel } from '../metadata/model.js';
import type { LoadedPolicy } from '../policy/policy.js';
import type { OrgSide } from './types.js';

/** One side of a diff: the project as read, its graph and the policy it is judged by. */
export type DiffSide = { model: MetadataModel; graph: AutomationGraph; queries: GraphQueries; policy: LoadedPolicy; asOf: string; org?: OrgSide };

export function diffSide(model: MetadataModel, graph: AutomationGraph, policy: LoadedPolicy, asOf: string, org?: OrgSide): DiffSide {
  return { model, graph, queries: new GraphQueries(graph, model), policy, asOf, ...(org ? { org } : {}) };
}

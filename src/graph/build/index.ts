import type { MetadataModel } from '../../metadata/model.js';
import { AutomationGraph } from '../automation-graph.js';
import { createApexEffectResolver } from './apex-resolver.js';
import { addApexTriggers } from './apex-triggers.js';
import { addFlows } from './flows.js';
import { addObjects } from './objects.js';
import { addValidationRules } from './validation-rules.js';
import { addWorkflow } from './workflow.js';

/** The automation graph of a whole model: objects first, so every builder finds its object nodes. */
export function buildGraph(model: MetadataModel): AutomationGraph {
  const graph = new AutomationGraph();
  addObjects(graph, model);
  const apex = createApexEffectResolver(model);
  addApexTriggers(graph, model, apex);
  addFlows(graph, model, apex);
  addValidationRules(graph, model);
  addWorkflow(graph, model);
  for (const note of apex.chainCuts()) graph.addNote(note);
  return graph;
}

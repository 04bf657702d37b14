import type { ApexTriggerModel, MetadataModel } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { nodeId } from '../types.js';
import { linkApexEntry } from './apex-edges.js';
import type { ApexEffectResolver } from './effects.js';

/**
 * A node per trigger, fired by its object's save (or, on a platform event, by the event's publish),
 * carrying everything its handler chain does.
 */
export function addApexTriggers(graph: AutomationGraph, model: MetadataModel, apex: ApexEffectResolver): void {
  for (const trigger of model.apexTriggers) {
    graph.isolate({ stage: 'building the automation graph', component: `ApexTrigger ${trigger.name}`, file: trigger.source.file }, () => addTrigger(graph, trigger, apex));
  }
}

function addTrigger(graph: AutomationGraph, trigger: ApexTriggerModel, apex: ApexEffectResolver): void {
  const id = graph.addNode({
    id: nodeId.automation('apex-trigger', trigger.name),
    kind: 'automation',
    automationType: 'apex-trigger',
    name: trigger.name,
    object: trigger.object,
    active: trigger.active,
    source: { file: trigger.source.file, line: trigger.source.line ?? 1 },
  });
  const isEvent = trigger.object.toLowerCase().endsWith('__e');
  const objectId = graph.ensureObject(trigger.object, isEvent ? 'platform-event' : undefined);
  graph.addEdge({
    kind: isEvent ? 'subscribes' : 'fires-on',
    source: objectId,
    target: id,
    confidence: 'certain',
    evidence: { file: trigger.source.file, line: trigger.source.line ?? 1 },
    events: [...trigger.events],
    ...(isEvent ? { async: true } : {}),
  });
  linkApexEntry(graph, id, apex.triggerEffects(trigger.name), apex.reachedMethods({ trigger: trigger.name }));
}

/** Action elements (Apex, email, external services, approvals, quick actions, ...) and Apex plugin calls, as edges. */
import type { FlowElement, FlowModel, MetadataModel, SourceRef } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type Confidence, type EdgeKind, type GraphEdge, type GraphNode, nodeId } from '../types.js';
import { hiddenNode, linkApexEntry } from './apex-edges.js';
import { hiddenNote } from './hidden-code.js';
import type { ApexEffect, ApexEffectResolver } from './effects.js';
import { compact, edgeBase, elementEvidence, type Placement, weakest } from './flow-support.js';

/** What action elements need: the graph, the model, the Apex resolver, and the builder's subflow call (a `flow` action). */
export type FlowActionContext = {
  graph: AutomationGraph;
  model: MetadataModel;
  apex: ApexEffectResolver;
  subflow: (flow: FlowModel, element: FlowElement, placement: Placement, calledName: string | undefined) => void;
};

export function addActionCall(context: FlowActionContext, flow: FlowModel, element: FlowElement, placement: Placement): void {
  const type = element.actionType ?? 'unknown';
  const name = element.actionName ?? element.name;
  if (type === 'externalService' || /^externalservice__/i.test(name)) {
    addEndpointCall(context.graph, flow, element, placement, 'calls-out', `external-service:${name}`, placement.confidence, `external service ${name}`);
    return;
  }
  switch (type) {
    case 'apex':
      addApexAction(context, flow, element, placement, name, undefined);
      return;
    case 'flow':
      context.subflow(flow, element, placement, name);
      return;
    case 'emailAlert':
      addEmailAlert(context, flow, element, placement, name);
      return;
    case 'emailSimple':
      addEndpointCall(context.graph, flow, element, placement, 'calls-out', nodeId.endpoint('email'), placement.confidence, 'notify');
      return;
    case 'submit':
      addEndpointCall(context.graph, flow, element, placement, 'calls', `action:submit:${name}`, placement.confidence, 'approval');
      return;
    case 'quickAction':
      addEndpointCall(context.graph, flow, element, placement, 'calls', `action:quickAction:${name}`, placement.confidence, `quick action ${name}`);
      return;
    case 'chatterPost':
    case 'customNotificationAction':
      addEndpointCall(context.graph, flow, element, placement, 'calls-out', `action:${type}:${name}`, placement.confidence, 'notify');
      return;
    default:
      addEndpointCall(context.graph, flow, element, placement, 'calls', `action:${type}:${name}`, 'possible', `${type} action ${name}`);
  }
}

export function addEmailAlert(context: FlowActionContext, flow: FlowModel, element: FlowElement, placement: Placement, name: string): void {
  const dot = name.indexOf('.');
  context.graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('email-alert', name),
      kind: 'endpoint',
      automationType: 'email-alert',
      name,
      object: dot > 0 ? name.slice(0, dot) : undefined,
    }),
  );
  addEndpointCall(context.graph, flow, element, placement, 'calls-out', nodeId.automation('email-alert', name), placement.confidence, 'notify');
}

/** An edge to an endpoint-like node (created thin when new): email, external service, action. */
export function addEndpointCall(
  graph: AutomationGraph,
  flow: FlowModel,
  element: FlowElement,
  placement: Placement,
  kind: EdgeKind,
  target: string,
  confidence: Confidence,
  note: string,
): void {
  if (!graph.hasNode(target)) {
    const name = target.startsWith('endpoint:') ? target.slice('endpoint:'.length) : target;
    graph.addNode({ id: target, kind: 'endpoint', name });
  }
  graph.addEdge({ ...edgeBase(placement, weakest(confidence, placement.confidence), elementEvidence(flow, element)), kind, target, note });
}

/**
 * An Apex action: `calls` to the invocable method, then the resolver's reached methods and effects,
 * each effect from the element's owner with the owner prepended to its path.
 */
export function addApexAction(context: FlowActionContext, flow: FlowModel, element: FlowElement, placement: Placement, className: string, pluginMethod: string | undefined): void {
  const effects = context.apex.invocableEffects(className);
  const calls = context.apex.reachedMethods({ invocableClass: className });
  const entry = apexEntry(context.model, className, pluginMethod, calls, effects);
  context.graph.addNode(
    compact<GraphNode>({
      id: entry.id,
      kind: 'automation',
      automationType: 'apex-method',
      name: entry.id.slice('apex-method:'.length),
      active: true,
      source: entry.source,
      notVisible: entry.known ? undefined : true,
    }),
  );
  context.graph.addEdge(
    compact<GraphEdge>({
      ...edgeBase(placement, weakest(entry.confidence, placement.confidence), elementEvidence(flow, element)),
      kind: 'calls',
      target: entry.id,
      note: entry.known ? `apex action ${element.name}` : `apex action ${element.name}: ${className} is not in the project`,
    }),
  );
  if (!entry.known) {
    // What the action does is out of sight: an explicit unknown on the flow's pipeline, never nothing.
    const namespace = /^([a-z][a-z0-9]{0,14})__[a-z]\w*$/i.exec(className)?.[1];
    context.graph.addEdge(
      compact<GraphEdge>({
        ...edgeBase(placement, 'possible', elementEvidence(flow, element)),
        kind: 'calls-not-visible',
        target: hiddenNode(context.graph, entry.id.slice('apex-method:'.length)),
        note: `apex action ${element.name}: ${hiddenNote({ objects: [], ...(namespace ? { namespace } : {}) })}`,
      }),
    );
  }
  const owned = effects.map(
    (effect): ApexEffect => ({
      ...effect,
      path: effect.path[0] === placement.owner.name ? effect.path : [placement.owner.name, ...effect.path],
      confidence: weakest(effect.confidence, placement.confidence),
      async: effect.async || placement.owner.async,
    }),
  );
  linkApexEntry(context.graph, placement.owner.id, owned, calls);
}

/** The node an Apex action calls: the class's @InvocableMethod (or plugin `invoke`) when known. */
function apexEntry(
  model: MetadataModel,
  className: string,
  pluginMethod: string | undefined,
  calls: ReturnType<ApexEffectResolver['reachedMethods']>,
  effects: ApexEffect[],
): { id: string; source?: SourceRef; confidence: Confidence; known: boolean } {
  const lower = className.toLowerCase();
  const apexClass = model.apexClasses.find((candidate) => candidate.name.toLowerCase() === lower);
  if (apexClass) {
    const method =
      apexClass.methods.find((candidate) => candidate.annotations.includes('invocablemethod')) ??
      (pluginMethod ? apexClass.methods.find((candidate) => candidate.name.toLowerCase() === pluginMethod.toLowerCase()) : undefined);
    if (method) {
      return {
        id: nodeId.automation('apex-method', `${apexClass.name}.${method.name}`),
        source: { file: apexClass.source.file, line: method.line },
        confidence: 'certain',
        known: true,
      };
    }
  }
  const prefix = `apex-method:${lower}.`;
  const fromCalls = calls.find((call) => call.from.toLowerCase().startsWith(prefix))?.from;
  if (fromCalls) return { id: fromCalls, confidence: 'certain', known: true };
  const fromPath = effects.map((effect) => effect.path[0]).find((step) => step?.toLowerCase().startsWith(`${lower}.`));
  if (fromPath) return { id: nodeId.automation('apex-method', fromPath.replace(/:\d+$/, '')), confidence: 'certain', known: true };
  if (apexClass) return { id: nodeId.automation('apex-method', `${apexClass.name}.${pluginMethod ?? 'invoke'}`), confidence: 'likely', known: true };
  return { id: nodeId.automation('apex-method', pluginMethod ? `${className}.${pluginMethod}` : className), confidence: 'likely', known: false };
}

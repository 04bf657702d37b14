/**
 * Flows and Process Builder processes into the automation graph: a node per flow, what starts it
 * (`fires-on` for record triggers, `subscribes` for platform events), what each element does
 * (writes, reads, publishes, calls, calls-out, changes-access), scheduled paths as nodes of their own,
 * and the effects of subflows and Apex actions attributed to the flow that runs them, with the path.
 *
 * Element ownership follows the connectors: an element reachable from the start belongs to the flow;
 * one reachable only from a scheduled path belongs to that path's node (its edges are async); one
 * reachable from nothing still gets its edges from the flow, with confidence `possible`.
 */
import type { FlowElement, FlowFilter, FlowModel, FlowScheduledPath, MetadataModel, SourceRef } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type Confidence, type EdgeKind, type GraphEdge, type GraphNode, nodeId, type WriteOperation } from '../types.js';
import { accessChangeNote } from './access-objects.js';
import { linkApexEntry } from './apex-edges.js';
import { chainCutNote, MAX_CHAIN_STEPS } from './chain-limits.js';
import type { ApexEffect, ApexEffectResolver } from './effects.js';
import { appendAll } from '../../shared/arrays.js';

/** Edge kinds of a called flow that the caller inherits (what the callee does to data and the outside). */
const ATTRIBUTED_KINDS = new Set<EdgeKind>(['writes', 'reads', 'publishes', 'calls-out', 'changes-access', 'enqueues']);

const RECORD_OPERATIONS: Partial<Record<FlowElement['kind'], WriteOperation>> = {
  recordUpdate: 'update',
  recordCreate: 'create',
  recordDelete: 'delete',
};

const RECORD_TRIGGER_EVENTS: Record<string, string[]> = {
  create: ['create'],
  update: ['update'],
  createandupdate: ['create', 'update'],
  delete: ['delete'],
};

/** Who an element's edges come from: the flow, or one of its scheduled paths. */
type Owner = { id: string; name: string; async: boolean };
type Placement = { owner: Owner; confidence: Confidence };

const CONFIDENCE_RANK: Record<Confidence, number> = { certain: 2, likely: 1, possible: 0 };

/** The weaker of two confidences. */
export function weakest(left: Confidence, right: Confidence): Confidence {
  return CONFIDENCE_RANK[left] <= CONFIDENCE_RANK[right] ? left : right;
}

/** Graph node id of a flow (`flow:<Name>`, or `process-builder:<Name>` for Process Builder). */
export function flowNodeId(flow: Pick<FlowModel, 'name' | 'isProcessBuilder'>): string {
  return nodeId.automation(flow.isProcessBuilder ? 'process-builder' : 'flow', flow.name);
}

export function addFlows(graph: AutomationGraph, model: MetadataModel, apex: ApexEffectResolver): void {
  const builder = new FlowGraphBuilder(graph, model, apex);
  for (const flow of model.flows) builder.addFlowNode(flow);
  builder.buildAll(model.flows);
  for (const note of builder.chainCuts()) graph.addNote(note);
}

class FlowGraphBuilder {
  private readonly byName = new Map<string, FlowModel>();
  private readonly byLowerName = new Map<string, FlowModel>();
  private readonly done = new Set<string>();
  /** Per flow, the first subflow chain cut at MAX_CHAIN_STEPS (its own or a called flow's). */
  private readonly cuts = new Map<string, string[]>();
  private readonly calledFlows = new Set<string>();

  public constructor(
    private readonly graph: AutomationGraph,
    private readonly model: MetadataModel,
    private readonly apex: ApexEffectResolver,
  ) {
    for (const flow of model.flows) {
      if (!this.byName.has(flow.name)) this.byName.set(flow.name, flow);
      if (!this.byLowerName.has(flow.name.toLowerCase())) this.byLowerName.set(flow.name.toLowerCase(), flow);
    }
  }

  public addFlowNode(flow: FlowModel): string {
    return this.graph.addNode(
      compact<GraphNode>({
        id: flowNodeId(flow),
        kind: 'automation',
        automationType: flow.isProcessBuilder ? 'process-builder' : 'flow',
        name: flow.name,
        label: flow.label,
        object: flow.trigger.object,
        active: flow.status === 'Active',
        source: flow.source,
      }),
    );
  }

  /**
   * Builds every flow after the flows it calls, so a caller can copy its subflows' finished edges. The
   * walk keeps its own stack: a chain of thousands of subflows must not overflow the JavaScript one. A
   * flow met again while it is still open (a subflow cycle) is left as is there.
   */
  public buildAll(flows: readonly FlowModel[]): void {
    const open = new Set<string>();
    const stack: Array<{ flow: FlowModel; callees: FlowModel[]; next: number }> = [];
    const push = (flow: FlowModel): void => {
      if (this.done.has(flow.name) || open.has(flow.name)) return;
      open.add(flow.name);
      stack.push({ flow, callees: this.calledBy(flow), next: 0 });
    };
    for (const root of flows) {
      push(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        if (frame.next < frame.callees.length) {
          push(frame.callees[frame.next++]!);
          continue;
        }
        stack.pop();
        this.graph.isolate({ stage: 'building the automation graph', component: `Flow ${frame.flow.name}`, file: frame.flow.source.file }, () => this.build(frame.flow));
        this.done.add(frame.flow.name);
        open.delete(frame.flow.name);
      }
    }
  }

  /** One note per flow that starts a cut chain (a flow no other flow calls, or a triggered one). */
  public chainCuts(): string[] {
    return [...this.cuts]
      .filter(([name]) => !this.calledFlows.has(name) || this.byName.get(name)?.trigger.object !== undefined)
      .map(([name, path]) => chainCutNote('Subflow', `flow ${name}`, path))
      .sort();
  }

  /** The project flows a flow's subflow elements and flow actions call, in element order. */
  private calledBy(flow: FlowModel): FlowModel[] {
    const called: FlowModel[] = [];
    for (const element of flow.elements) {
      const name = element.kind === 'subflow' ? element.flowName : element.kind === 'actionCall' && element.actionType === 'flow' ? (element.actionName ?? element.name) : undefined;
      const target = name === undefined ? undefined : this.findFlow(name);
      if (target) {
        called.push(target);
        this.calledFlows.add(target.name);
      }
    }
    return called;
  }

  /** Adds a flow's edges once, after the flows it calls (see buildAll). */
  private build(flow: FlowModel): void {
    if (this.done.has(flow.name)) return;
    try {
      const id = this.addFlowNode(flow);
      const main: Owner = { id, name: flow.name, async: false };
      this.addTriggerEdges(flow, id);
      const paths = this.addScheduledPaths(flow, id);
      const placements = placeElements(flow, main, paths);
      for (const element of flow.elements) {
        for (const placement of placements.get(element.name) ?? []) this.addElementEdges(flow, element, placement);
      }
      if (flow.trigger.triggerType === 'RecordBeforeSave') this.addBeforeSaveAssignments(flow, placements);
    } finally {
      this.done.add(flow.name);
    }
  }

  // -------------------------------------------------------------------------------------------
  // What starts the flow

  private addTriggerEdges(flow: FlowModel, id: string): void {
    const { trigger } = flow;
    if (trigger.object === undefined) return;
    const evidence = flowEvidence(flow);
    if (trigger.kind === 'record') {
      const events = RECORD_TRIGGER_EVENTS[(trigger.recordTriggerType ?? '').toLowerCase()] ??
        (trigger.triggerType === 'RecordBeforeDelete' ? ['delete'] : ['create', 'update']);
      this.graph.addEdge(
        compact<GraphEdge>({
          kind: 'fires-on',
          source: ensureObject(this.graph, trigger.object),
          target: id,
          confidence: 'certain',
          evidence,
          events: [...events],
          criteria: renderFlowCriteria(trigger),
        }),
      );
    } else if (trigger.kind === 'platform-event') {
      this.graph.addEdge({
        kind: 'subscribes',
        source: ensureObject(this.graph, trigger.object),
        target: id,
        confidence: 'certain',
        evidence,
        async: true,
      });
    }
  }

  /** A node and an `enqueues` edge per scheduled path; returns the paths with their owners. */
  private addScheduledPaths(flow: FlowModel, flowId: string): Array<{ path: FlowScheduledPath; owner: Owner }> {
    const flowNode = this.graph.node(flowId);
    return flow.trigger.scheduledPaths.map((path, index) => {
      const pathName = path.name ?? (path.pathType === 'AsyncAfterCommit' ? 'AsyncAfterCommit' : `Path_${index + 1}`);
      const name = `${flow.name}/${pathName}`;
      const id = `${flowId}/${pathName}`;
      const pathLabel = path.label ?? (path.pathType === 'AsyncAfterCommit' ? 'Run Asynchronously' : pathName);
      this.graph.addNode(
        compact<GraphNode>({
          id,
          kind: 'automation',
          automationType: flow.isProcessBuilder ? 'process-builder' : 'flow',
          name,
          label: `${flow.label ?? flow.name} › ${pathLabel}`,
          object: flow.trigger.object,
          active: flowNode?.active,
          source: flow.source,
        }),
      );
      this.graph.addEdge({
        kind: 'enqueues',
        source: flowId,
        target: id,
        confidence: 'certain',
        evidence: flowEvidence(flow),
        async: true,
        note: scheduledPathNote(path),
      });
      return { path, owner: { id, name, async: true } };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Elements

  private addElementEdges(flow: FlowModel, element: FlowElement, placement: Placement): void {
    switch (element.kind) {
      case 'recordUpdate':
      case 'recordCreate':
      case 'recordDelete':
        this.addRecordWrite(flow, element, placement);
        break;
      case 'recordLookup':
        this.addRecordRead(flow, element, placement);
        break;
      case 'subflow':
        this.addSubflowCall(flow, element, placement, element.flowName);
        break;
      case 'actionCall':
        this.addActionCall(flow, element, placement);
        break;
      case 'apexPluginCall':
        this.addApexAction(flow, element, placement, element.actionName ?? element.name, 'invoke');
        break;
      default:
        break;
    }
  }

  private addRecordWrite(flow: FlowModel, element: FlowElement, placement: Placement): void {
    const operation = RECORD_OPERATIONS[element.kind] ?? 'update';
    const object = element.object ?? 'unknown';
    const confidence = element.object === undefined ? 'possible' : placement.confidence;
    let fieldNames = element.fields ?? [];
    // A write of a record variable (or collection) carries no field list: the fields are the ones assigned to it.
    if ((operation === 'update' || operation === 'create') && fieldNames.length === 0 && element.inputReference !== undefined) {
      fieldNames = recordAssignedFields(flow, recordVariables(flow, element.inputReference, element.targetsTriggeringRecord === true));
    }
    const fields = qualify(object, fieldNames);
    const evidence = elementEvidence(flow, element);
    const base = edgeBase(placement, confidence, evidence);
    if (isPlatformEvent(object)) {
      this.graph.addEdge(
        compact<GraphEdge>({ ...base, kind: 'publishes', target: ensureObject(this.graph, object), fields, note: element.name }),
      );
      return;
    }
    const inMemory = flow.trigger.triggerType === 'RecordBeforeSave' && element.targetsTriggeringRecord === true && operation === 'update';
    this.graph.addEdge(
      compact<GraphEdge>({
        ...base,
        kind: 'writes',
        target: ensureObject(this.graph, object),
        fields,
        operation,
        targetsTriggeringRecord: element.targetsTriggeringRecord === true,
        inMemory: inMemory ? true : undefined,
        note: element.name,
      }),
    );
    const access = accessChangeNote(object, fieldNames);
    if (access !== undefined) {
      this.graph.addEdge({ ...base, kind: 'changes-access', target: ensureObject(this.graph, object), note: `${element.name} ${access}` });
    }
  }

  private addRecordRead(flow: FlowModel, element: FlowElement, placement: Placement): void {
    const object = element.object ?? 'unknown';
    const confidence = element.object === undefined ? 'possible' : placement.confidence;
    const filterFields = (element.filters ?? []).map((filter) => filter.field).filter((field) => field !== '');
    this.graph.addEdge({
      ...edgeBase(placement, confidence, elementEvidence(flow, element)),
      kind: 'reads',
      target: ensureObject(this.graph, object),
      fields: qualify(object, filterFields),
      note: element.name,
    });
  }

  /** `calls` to the called flow, then the called flow's effects from the caller, with the path. */
  private addSubflowCall(flow: FlowModel, element: FlowElement, placement: Placement, calledName: string | undefined): void {
    const evidence = elementEvidence(flow, element);
    if (calledName === undefined) {
      this.addEndpointCall(flow, element, placement, 'calls', `action:flow:${element.name}`, 'possible', 'subflow without a flow name');
      return;
    }
    const called = this.findFlow(calledName);
    const calledId = called
      ? this.addFlowNode(called)
      : this.graph.addNode({ id: nodeId.automation('flow', calledName), kind: 'automation', automationType: 'flow', name: calledName });
    this.graph.addEdge(
      compact<GraphEdge>({
        ...edgeBase(placement, placement.confidence, evidence),
        kind: 'calls',
        target: calledId,
        note: called ? `subflow ${element.name}` : `subflow ${element.name}: ${calledName} is not in the project`,
      }),
    );
    if (!called) return;
    if (!this.done.has(called.name)) return; // a cycle: the called flow is still being built higher up
    const calleeCut = this.cuts.get(called.name);
    if (calleeCut && !this.cuts.has(flow.name)) this.cuts.set(flow.name, [placement.owner.name, element.name, ...calleeCut].slice(0, MAX_CHAIN_STEPS + 1));
    for (const edge of this.graph.outEdges(calledId)) {
      if (!ATTRIBUTED_KINDS.has(edge.kind)) continue;
      const calleePath = edge.path !== undefined && edge.path[0] === called.name ? edge.path : [called.name, ...(edge.path ?? [])];
      if (calleePath.length + 2 > MAX_CHAIN_STEPS) {
        if (!this.cuts.has(flow.name)) this.cuts.set(flow.name, [placement.owner.name, element.name, ...calleePath].slice(0, MAX_CHAIN_STEPS + 1));
        continue;
      }
      this.graph.addEdge(
        compact<GraphEdge>({
          ...edge,
          source: placement.owner.id,
          confidence: weakest(edge.confidence, placement.confidence),
          path: [placement.owner.name, element.name, ...calleePath],
          async: edge.async === true || placement.owner.async ? true : undefined,
        }),
      );
    }
  }

  private addActionCall(flow: FlowModel, element: FlowElement, placement: Placement): void {
    const type = element.actionType ?? 'unknown';
    const name = element.actionName ?? element.name;
    if (type === 'externalService' || /^externalservice__/i.test(name)) {
      this.addEndpointCall(flow, element, placement, 'calls-out', `external-service:${name}`, placement.confidence, `external service ${name}`);
      return;
    }
    switch (type) {
      case 'apex':
        this.addApexAction(flow, element, placement, name, undefined);
        return;
      case 'flow':
        this.addSubflowCall(flow, element, placement, name);
        return;
      case 'emailAlert':
        this.addEmailAlert(flow, element, placement, name);
        return;
      case 'emailSimple':
        this.addEndpointCall(flow, element, placement, 'calls-out', nodeId.endpoint('email'), placement.confidence, 'notify');
        return;
      case 'submit':
        this.addEndpointCall(flow, element, placement, 'calls', `action:submit:${name}`, placement.confidence, 'approval');
        return;
      case 'quickAction':
        this.addEndpointCall(flow, element, placement, 'calls', `action:quickAction:${name}`, placement.confidence, `quick action ${name}`);
        return;
      case 'chatterPost':
      case 'customNotificationAction':
        this.addEndpointCall(flow, element, placement, 'calls-out', `action:${type}:${name}`, placement.confidence, 'notify');
        return;
      default:
        this.addEndpointCall(flow, element, placement, 'calls', `action:${type}:${name}`, 'possible', `${type} action ${name}`);
    }
  }

  private addEmailAlert(flow: FlowModel, element: FlowElement, placement: Placement, name: string): void {
    const dot = name.indexOf('.');
    this.graph.addNode(
      compact<GraphNode>({
        id: nodeId.automation('email-alert', name),
        kind: 'endpoint',
        automationType: 'email-alert',
        name,
        object: dot > 0 ? name.slice(0, dot) : undefined,
      }),
    );
    this.addEndpointCall(flow, element, placement, 'calls-out', nodeId.automation('email-alert', name), placement.confidence, 'notify');
  }

  /** An edge to an endpoint-like node (created thin when new): email, external service, action. */
  private addEndpointCall(
    flow: FlowModel,
    element: FlowElement,
    placement: Placement,
    kind: EdgeKind,
    target: string,
    confidence: Confidence,
    note: string,
  ): void {
    if (!this.graph.hasNode(target)) {
      const name = target.startsWith('endpoint:') ? target.slice('endpoint:'.length) : target;
      this.graph.addNode({ id: target, kind: 'endpoint', name });
    }
    this.graph.addEdge({ ...edgeBase(placement, weakest(confidence, placement.confidence), elementEvidence(flow, element)), kind, target, note });
  }

  /**
   * An Apex action: `calls` to the invocable method, then the resolver's reached methods and effects,
   * each effect from the element's owner with the owner prepended to its path.
   */
  private addApexAction(flow: FlowModel, element: FlowElement, placement: Placement, className: string, pluginMethod: string | undefined): void {
    const effects = this.apex.invocableEffects(className);
    const calls = this.apex.reachedMethods({ invocableClass: className });
    const entry = this.apexEntry(className, pluginMethod, calls, effects);
    this.graph.addNode(
      compact<GraphNode>({
        id: entry.id,
        kind: 'automation',
        automationType: 'apex-method',
        name: entry.id.slice('apex-method:'.length),
        active: true,
        source: entry.source,
      }),
    );
    this.graph.addEdge(
      compact<GraphEdge>({
        ...edgeBase(placement, weakest(entry.confidence, placement.confidence), elementEvidence(flow, element)),
        kind: 'calls',
        target: entry.id,
        note: entry.known ? `apex action ${element.name}` : `apex action ${element.name}: ${className} is not in the project`,
      }),
    );
    const owned = effects.map(
      (effect): ApexEffect => ({
        ...effect,
        path: effect.path[0] === placement.owner.name ? effect.path : [placement.owner.name, ...effect.path],
        confidence: weakest(effect.confidence, placement.confidence),
        async: effect.async || placement.owner.async,
      }),
    );
    linkApexEntry(this.graph, placement.owner.id, owned, calls);
  }

  /** The node an Apex action calls: the class's @InvocableMethod (or plugin `invoke`) when known. */
  private apexEntry(
    className: string,
    pluginMethod: string | undefined,
    calls: ReturnType<ApexEffectResolver['reachedMethods']>,
    effects: ApexEffect[],
  ): { id: string; source?: SourceRef; confidence: Confidence; known: boolean } {
    const lower = className.toLowerCase();
    const apexClass = this.model.apexClasses.find((candidate) => candidate.name.toLowerCase() === lower);
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

  /** Before-save: assignments to `$Record.Field` change the record in memory (one edge per owner and confidence). */
  private addBeforeSaveAssignments(flow: FlowModel, placements: Map<string, Placement[]>): void {
    const object = flow.trigger.object;
    if (object === undefined) return;
    const groups = new Map<string, { placement: Placement; elements: FlowElement[]; fields: string[] }>();
    for (const element of flow.elements) {
      if (element.kind !== 'assignment') continue;
      const fields = recordFieldsOf(element, ['$Record']);
      if (fields.length === 0) continue;
      for (const placement of placements.get(element.name) ?? []) {
        const key = `${placement.owner.id}|${placement.confidence}`;
        const group = groups.get(key) ?? { placement, elements: [], fields: [] };
        group.elements.push(element);
        appendAll(group.fields, fields);
        groups.set(key, group);
      }
    }
    for (const { placement, elements, fields } of groups.values()) {
      const first = elements[0]!;
      this.graph.addEdge({
        ...edgeBase(placement, placement.confidence, elementEvidence(flow, first)),
        kind: 'writes',
        target: ensureObject(this.graph, object),
        fields: qualify(object, fields),
        operation: 'update',
        targetsTriggeringRecord: true,
        inMemory: true,
        note: `assignments to $Record: ${elements.map((element) => element.name).join(', ')}`,
      });
    }
  }

  private findFlow(name: string): FlowModel | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }
}

// ---------------------------------------------------------------------------------------------
// Reachability

/** For each element, the owners whose edges it makes: the flow, scheduled paths, or (unconnected) the flow, possibly. */
function placeElements(flow: FlowModel, main: Owner, paths: Array<{ path: FlowScheduledPath; owner: Owner }>): Map<string, Placement[]> {
  const index = new Map<string, FlowElement>();
  const lowerIndex = new Map<string, FlowElement>();
  for (const element of flow.elements) {
    if (!index.has(element.name)) index.set(element.name, element);
    if (!lowerIndex.has(element.name.toLowerCase())) lowerIndex.set(element.name.toLowerCase(), element);
  }
  const lookup = (name: string): FlowElement | undefined => index.get(name) ?? lowerIndex.get(name.toLowerCase());
  const fromStart = reachable(flow.trigger.target, lookup);
  const placements = new Map<string, Placement[]>();
  for (const name of fromStart) placements.set(name, [{ owner: main, confidence: 'certain' }]);
  for (const { path, owner } of paths) {
    for (const name of reachable(path.target, lookup)) {
      if (fromStart.has(name)) continue;
      const list = placements.get(name) ?? [];
      list.push({ owner, confidence: 'certain' });
      placements.set(name, list);
    }
  }
  for (const element of flow.elements) {
    if (!placements.has(element.name)) placements.set(element.name, [{ owner: main, confidence: 'possible' }]);
  }
  return placements;
}

/** Element names reachable from `start` following every connector (next, fault, branches, loops). */
function reachable(start: string | undefined, lookup: (name: string) => FlowElement | undefined): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  const first = start === undefined ? undefined : lookup(start);
  if (first) queue.push(first.name);
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const element = lookup(name);
    for (const connector of element?.connectors ?? []) {
      const next = lookup(connector.target);
      if (next && !seen.has(next.name)) queue.push(next.name);
    }
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Fields assigned to `<reference>.Field` by assignment elements, for references that stand for the record. */
/**
 * The variables whose field assignments a write of `reference` saves: the reference itself (and `$Record`
 * for the triggering record), and every record added to it when it is a collection (`Add` in an Assignment,
 * as loops build the list they update), followed through collections added to collections.
 */
function recordVariables(flow: FlowModel, reference: string, triggeringRecord: boolean): string[] {
  const found = new Set<string>([stripBraces(reference).toLowerCase(), ...(triggeringRecord ? ['$record'] : [])]);
  const queue = [...found];
  const added = flow.elements.flatMap((element) => (element.kind === 'assignment' ? (element.assignments ?? []) : [])).filter((item) => /^add$/i.test(item.operator) && item.value !== undefined);
  for (let index = 0; index < queue.length; index++) {
    for (const item of added) {
      if (stripBraces(item.target).toLowerCase() !== queue[index]) continue;
      const variable = stripBraces(item.value!).toLowerCase();
      if (variable === '' || variable.includes('.') || found.has(variable)) continue;
      found.add(variable);
      queue.push(variable);
    }
  }
  return [...found];
}

function stripBraces(reference: string): string {
  const trimmed = reference.trim();
  return trimmed.startsWith('{!') && trimmed.endsWith('}') ? trimmed.slice(2, -1).trim() : trimmed;
}

function recordAssignedFields(flow: FlowModel, references: string[]): string[] {
  return flow.elements.filter((element) => element.kind === 'assignment').flatMap((element) => recordFieldsOf(element, references));
}

function recordFieldsOf(element: FlowElement, references: string[]): string[] {
  const wanted = new Set(references.map((reference) => reference.toLowerCase()));
  const fields: string[] = [];
  for (const item of element.assignments ?? []) {
    const target = item.target.trim();
    const dot = target.indexOf('.');
    if (dot <= 0) continue;
    const base = target.slice(0, dot);
    const field = target.slice(dot + 1);
    // `$Record.Account.Name` changes the related record in memory only; it is never saved.
    if (wanted.has(base.toLowerCase()) && field !== '' && !field.includes('.')) fields.push(field);
  }
  return fields;
}

/** `Object.Field` for each field, de-duplicated and sorted. */
function qualify(object: string, fields: string[]): string[] {
  return [...new Set(fields.map((field) => `${object}.${field}`))].sort();
}

function isPlatformEvent(object: string): boolean {
  return /__e$/i.test(object);
}

function ensureObject(graph: AutomationGraph, name: string): string {
  return graph.ensureObject(name, isPlatformEvent(name) ? 'platform-event' : undefined);
}

function edgeBase(placement: Placement, confidence: Confidence, evidence: SourceRef): Pick<GraphEdge, 'source' | 'confidence' | 'evidence'> & { async?: boolean } {
  return {
    source: placement.owner.id,
    confidence,
    evidence,
    ...(placement.owner.async ? { async: true } : {}),
  };
}

function flowEvidence(flow: FlowModel): SourceRef {
  return flow.source.line === undefined ? { file: flow.source.file } : { file: flow.source.file, line: flow.source.line };
}

function elementEvidence(flow: FlowModel, element: FlowElement): SourceRef {
  return element.line === undefined ? { file: flow.source.file } : { file: flow.source.file, line: element.line };
}

function scheduledPathNote(path: FlowScheduledPath): string {
  if (path.pathType === 'AsyncAfterCommit') return 'run asynchronously';
  const number = path.offsetNumber ?? 0;
  const unit = path.offsetUnit ?? '';
  const anchor = path.recordField ?? (path.timeSource === 'RecordTriggerEvent' || path.timeSource === undefined ? 'the triggering change' : path.timeSource);
  return `${Math.abs(number)} ${unit} ${number < 0 ? 'before' : 'after'} ${anchor}`.replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Criteria rendering (shared with workflow rules)

const FLOW_OPERATORS: Record<string, string> = {
  equalto: '=',
  notequalto: '!=',
  greaterthan: '>',
  greaterthanorequalto: '>=',
  lessthan: '<',
  lessthanorequalto: '<=',
  contains: 'contains',
  startswith: 'starts with',
  endswith: 'ends with',
  in: 'in',
  notin: 'not in',
};

/** One flow filter as `Field op value` (`Status__c != 'Closed'`, `Amount is changed`). */
export function renderFlowFilter(filter: FlowFilter): string {
  const operator = filter.operator.toLowerCase();
  const truthy = (filter.value ?? 'true').toLowerCase() !== 'false';
  if (operator === 'isnull') return `${filter.field} ${truthy ? 'is null' : 'is not null'}`;
  if (operator === 'isblank') return `${filter.field} ${truthy ? 'is blank' : 'is not blank'}`;
  if (operator === 'ischanged') return `${filter.field} ${truthy ? 'is changed' : 'is not changed'}`;
  if (operator === 'wasset') return `${filter.field} ${truthy ? 'was set' : 'was not set'}`;
  return `${filter.field} ${FLOW_OPERATORS[operator] ?? filter.operator} ${renderValue(filter.value)}`;
}

/** A value as a reviewer reads it: references and numbers/booleans as written, text quoted, blank as null. */
export function renderValue(value: string | undefined): string {
  if (value === undefined || value === '') return 'null';
  if (/^\{!.*\}$/.test(value) || /^-?\d+(\.\d+)?$/.test(value) || /^(true|false)$/i.test(value)) return value;
  return `'${value}'`;
}

/**
 * Conditions joined by their logic: `and`/absent → AND, `or` → OR, custom logic (`1 AND (2 OR 3)`)
 * with each number replaced by its condition. Undefined when there are no conditions.
 */
export function renderLogic(conditions: string[], logic: string | undefined): string | undefined {
  if (conditions.length === 0) return undefined;
  const lower = (logic ?? 'and').trim().toLowerCase();
  if (lower === 'and' || lower === '' || lower === 'formula') return conditions.join(' AND ');
  if (lower === 'or') return conditions.join(' OR ');
  return logic!
    .replace(/\band\b/gi, 'AND')
    .replace(/\bor\b/gi, 'OR')
    .replace(/\bnot\b/gi, 'NOT')
    .replace(/\d+/g, (number) => conditions[Number(number) - 1] ?? number);
}

/** A record trigger's entry criteria: filters with their logic, the filter formula, and the "changes to meet" rule. */
export function renderFlowCriteria(trigger: FlowModel['trigger']): string | undefined {
  const parts: string[] = [];
  const filters = renderLogic(trigger.filters.map(renderFlowFilter), trigger.filterLogic);
  if (filters !== undefined) parts.push(filters);
  if (trigger.filterFormula !== undefined) parts.push(trigger.filterFormula.trim());
  if (parts.length === 0) return undefined;
  const text = parts.length === 1 ? parts[0]! : parts.map((part) => `(${part})`).join(' AND ');
  return trigger.requiresRecordChanged ? `${text} (only when the record changes to meet the criteria)` : text;
}

/** Drops keys whose value is undefined, so edges and nodes stay small and compare cleanly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

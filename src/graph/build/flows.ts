/**
 * Flows and Process Builder processes into the automation graph: a node per flow, what starts it
 * (`fires-on` for record triggers, `subscribes` for platform events), what each element does
 * (writes, reads, publishes, calls, calls-out, changes-access), scheduled paths as nodes of their own,
 * and the effects of subflows and Apex actions attributed to the flow that runs them, with the path.
 * This file builds flows in call order and follows subflows; each element kind has its own file
 * (flow-records.ts, flow-actions.ts), placement by connectors is flow-placement.ts.
 */
import type { FlowElement, FlowModel, FlowScheduledPath, MetadataModel } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type EdgeKind, type GraphEdge, type GraphNode, nodeId } from '../types.js';
import { chainCutNote, MAX_CHAIN_STEPS } from './chain-limits.js';
import type { ApexEffectResolver } from './effects.js';
import { addActionCall, addApexAction, addEndpointCall, type FlowActionContext } from './flow-actions.js';
import { renderFlowCriteria, scheduledPathNote } from './flow-criteria.js';
import { placeElements } from './flow-placement.js';
import { addBeforeSaveAssignments, addRecordRead, addRecordWrite } from './flow-records.js';
import { compact, edgeBase, elementEvidence, ensureObject, flowEvidence, type Owner, type Placement, weakest } from './flow-support.js';

export { renderFlowCriteria, renderFlowFilter, renderLogic, renderValue } from './flow-criteria.js';
export { weakest } from './flow-support.js';

/** Edge kinds of a called flow that the caller inherits (what the callee does to data and the outside). */
const ATTRIBUTED_KINDS = new Set<EdgeKind>(['writes', 'reads', 'publishes', 'calls-out', 'changes-access', 'enqueues', 'calls-not-visible']);


const RECORD_TRIGGER_EVENTS: Record<string, string[]> = {
  create: ['create'],
  update: ['update'],
  createandupdate: ['create', 'update'],
  delete: ['delete'],
};



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
  private readonly actions: FlowActionContext;

  public constructor(
    private readonly graph: AutomationGraph,
    model: MetadataModel,
    apex: ApexEffectResolver,
  ) {
    this.actions = { graph, model, apex, subflow: (flow, element, placement, calledName) => this.addSubflowCall(flow, element, placement, calledName) };
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
      if (flow.trigger.triggerType === 'RecordBeforeSave') addBeforeSaveAssignments(this.graph, flow, placements);
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
        addRecordWrite(this.graph, flow, element, placement);
        break;
      case 'recordLookup':
        addRecordRead(this.graph, flow, element, placement);
        break;
      case 'subflow':
        this.addSubflowCall(flow, element, placement, element.flowName);
        break;
      case 'actionCall':
        addActionCall(this.actions, flow, element, placement);
        break;
      case 'apexPluginCall':
        addApexAction(this.actions, flow, element, placement, element.actionName ?? element.name, 'invoke');
        break;
      default:
        break;
    }
  }



  /** `calls` to the called flow, then the called flow's effects from the caller, with the path. */
  private addSubflowCall(flow: FlowModel, element: FlowElement, placement: Placement, calledName: string | undefined): void {
    const evidence = elementEvidence(flow, element);
    if (calledName === undefined) {
      addEndpointCall(this.graph, flow, element, placement, 'calls', `action:flow:${element.name}`, 'possible', 'subflow without a flow name');
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







  private findFlow(name: string): FlowModel | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }
}

// ---------------------------------------------------------------------------------------------
// Reachability



// ---------------------------------------------------------------------------------------------
// Helpers

/** Fields assigned to `<reference>.Field` by assignment elements, for references that stand for the record. */











// ---------------------------------------------------------------------------------------------
// Criteria rendering (shared with workflow rules)







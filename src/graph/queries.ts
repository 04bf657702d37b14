import type { MetadataModel } from '../metadata/model.js';
import type { AutomationGraph } from './automation-graph.js';
import { buildPipeline } from './pipeline.js';
import type { ObjectPipeline } from './pipeline-types.js';
import { stronglyConnectedComponents } from './tarjan.js';
import { type GraphEdge, type GraphNode, nodeId } from './types.js';
import { appendAll } from '../shared/arrays.js';
import { compare } from '../shared/compare.js';

/**
 * One hop of the object-level save graph: a save of `from` runs `automation`, which writes `to`
 * (or publishes it, for a platform event). Rules reason about recursion over these hops.
 */
export type SaveHop = {
  from: string;
  to: string;
  automation: GraphNode;
  /** The writes/publishes edge that makes the hop (its evidence, fields, path). */
  edge: GraphEdge;
  /** The fires-on/subscribes edge that starts the automation (its events and criteria). */
  trigger: GraphEdge;
  /** When the hop is reached through an enqueued path (scheduled path, queueable): that node. */
  via?: GraphNode;
  async: boolean;
};

export type Downstream = { object: string; hops: SaveHop[] };

/** Questions rules ask of the graph, so they never walk raw edges. */
export class GraphQueries {
  private readonly pipelines = new Map<string, ObjectPipeline>();
  private hopsByObject?: Map<string, SaveHop[]>;

  public constructor(
    public readonly graph: AutomationGraph,
    public readonly model: MetadataModel,
  ) {}

  /** Objects with automation that fires on them, sorted. */
  public objectsWithAutomation(): string[] {
    return this.graph
      .nodes()
      .filter((node) => node.kind === 'object')
      .filter((node) => this.graph.outEdges(node.id, 'fires-on').length + this.graph.outEdges(node.id, 'subscribes').length > 0)
      .map((node) => node.name)
      .sort(compare);
  }

  /** The ordered pipeline of a save of `object`. */
  public pipeline(object: string): ObjectPipeline {
    let pipeline = this.pipelines.get(object);
    if (!pipeline) {
      pipeline = buildPipeline(this.graph, this.model, object);
      this.pipelines.set(object, pipeline);
    }
    return pipeline;
  }

  /** Entry automations (not Apex methods) whose writes include `Object.Field`, with the writing edge. */
  public writersOf(field: string): Array<{ automation: GraphNode; edge: GraphEdge }> {
    return this.fieldEdges(field, 'writes').filter(({ automation }) => automation.automationType !== 'apex-method');
  }

  /** Automations (entry automations and Apex methods alike) whose reads include `Object.Field`, with the reading edge. */
  public readersOf(field: string): Array<{ automation: GraphNode; edge: GraphEdge }> {
    return this.fieldEdges(field, 'reads');
  }

  /** Edges of `kind` into the field's object that name the field: Salesforce field names are case-insensitive. */
  private fieldEdges(field: string, kind: 'writes' | 'reads'): Array<{ automation: GraphNode; edge: GraphEdge }> {
    const object = field.slice(0, field.indexOf('.'));
    const lower = field.toLowerCase();
    return this.graph
      .inEdges(nodeId.object(object), kind)
      .filter((edge) => (edge.fields ?? []).some((candidate) => candidate.toLowerCase() === lower))
      .flatMap((edge) => {
        const automation = this.graph.node(edge.source);
        return automation ? [{ automation, edge }] : [];
      });
  }

  /** Every `Object.Field` that some automation writes (`writes`) or also reads (`reads-or-writes`), as spelled first. */
  public fieldsTouched(how: 'writes' | 'reads-or-writes'): string[] {
    const fields = new Map<string, string>();
    for (const edge of this.graph.edges()) {
      if (edge.kind !== 'writes' && (how === 'writes' || edge.kind !== 'reads')) continue;
      for (const field of edge.fields ?? []) if (!fields.has(field.toLowerCase())) fields.set(field.toLowerCase(), field);
    }
    return [...fields.values()];
  }

  /** The record-save (`fires-on`) edge that starts an automation, when it has one. */
  public recordTriggerOf(automation: GraphNode): GraphEdge | undefined {
    return this.graph.inEdges(automation.id, 'fires-on')[0];
  }

  /** Every hop out of a save of `object`, active automation only. */
  public saveHops(object: string): SaveHop[] {
    return this.allHops().get(object) ?? [];
  }

  /** Objects a save of `object` can reach, each with a shortest chain of hops (breadth first, bounded). */
  public downstream(object: string, maxHops = 6): Downstream[] {
    const reached = new Map<string, SaveHop[]>();
    let frontier: Array<{ object: string; hops: SaveHop[] }> = [{ object, hops: [] }];
    for (let depth = 0; depth < maxHops && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const current of frontier) {
        for (const hop of this.saveHops(current.object)) {
          if (hop.to === object || reached.has(hop.to)) continue;
          const hops = [...current.hops, hop];
          reached.set(hop.to, hops);
          next.push({ object: hop.to, hops });
        }
      }
      frontier = next;
    }
    return [...reached].map(([name, hops]) => ({ object: name, hops })).sort((a, b) => compare(a.object, b.object));
  }

  /** Strongly connected components of the object-level save graph (objects that can re-save each other). */
  public saveGraphComponents(): string[][] {
    const hops = this.allHops();
    const nodes = [...new Set([...hops.keys(), ...[...hops.values()].flat().map((hop) => hop.to)])].sort(compare);
    const successors = (node: string): string[] => [...new Set((hops.get(node) ?? []).map((hop) => hop.to))].sort(compare);
    return stronglyConnectedComponents(nodes, successors);
  }

  private allHops(): Map<string, SaveHop[]> {
    if (this.hopsByObject) return this.hopsByObject;
    const byObject = new Map<string, SaveHop[]>();
    for (const node of this.graph.nodes()) {
      if (node.kind !== 'object') continue;
      const hops: SaveHop[] = [];
      for (const trigger of [...this.graph.outEdges(node.id, 'fires-on'), ...this.graph.outEdges(node.id, 'subscribes')]) {
        const automation = this.graph.node(trigger.target);
        if (!automation || automation.active === false) continue;
        appendAll(hops, this.hopsOf(node.name, automation, trigger, undefined));
        for (const enqueued of this.graph.outEdges(automation.id, 'enqueues')) {
          const via = this.graph.node(enqueued.target);
          if (via && via.active !== false) appendAll(hops, this.hopsOf(node.name, automation, trigger, via));
        }
      }
      if (hops.length > 0) byObject.set(node.name, hops);
    }
    this.hopsByObject = byObject;
    return byObject;
  }

  private hopsOf(from: string, automation: GraphNode, trigger: GraphEdge, via: GraphNode | undefined): SaveHop[] {
    const source = via ?? automation;
    const async = via !== undefined || trigger.kind === 'subscribes';
    return this.graph
      .outEdges(source.id)
      .filter((edge) => (edge.kind === 'writes' && !edge.inMemory) || edge.kind === 'publishes')
      .map((edge) => ({
        from,
        to: this.graph.node(edge.target)?.name ?? edge.target,
        automation,
        edge,
        trigger,
        ...(via ? { via } : {}),
        async: async || edge.async === true || edge.kind === 'publishes',
      }));
  }
}

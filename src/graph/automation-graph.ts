import { MultiDirectedGraph } from 'graphology';
import type { CaughtFailure, WorkContext } from '../shared/failures.js';
import { type EdgeKind, type GraphEdge, type GraphNode, nodeId } from './types.js';

/**
 * The automation graph: a graphology multigraph (several edges may join the same two nodes) with
 * typed attributes. Builders add to it; rules never walk it directly but go through `queries.ts`.
 */
export class AutomationGraph {
  private readonly graph = new MultiDirectedGraph<GraphNode, GraphEdge>();
  private readonly limitNotes = new Set<string>();
  private readonly failed: CaughtFailure[] = [];

  /**
   * Runs one component's builder; a builder that throws on it leaves that component out of the graph and
   * is recorded (reported as a file that could not be analysed), so one odd component never stops a review.
   */
  public isolate(context: WorkContext, build: () => void): void {
    try {
      build();
    } catch (error) {
      this.failed.push({ context, error });
    }
  }

  /** Components whose builder failed, in the order they failed. */
  public failures(): readonly CaughtFailure[] {
    return this.failed;
  }

  /** Records where building stopped short on purpose (a call chain cut at its depth limit). */
  public addNote(note: string): void {
    this.limitNotes.add(note);
  }

  /** What the graph does not cover because a limit was reached, sorted. */
  public notes(): string[] {
    return [...this.limitNotes].sort();
  }

  /** Adds a node, or fills in attributes an earlier, thinner mention of it lacked. */
  public addNode(node: GraphNode): string {
    if (!this.graph.hasNode(node.id)) {
      this.graph.addNode(node.id, node);
    } else {
      const existing = this.graph.getNodeAttributes(node.id);
      for (const [key, value] of Object.entries(node) as Array<[keyof GraphNode, unknown]>) {
        if (existing[key] === undefined && value !== undefined) this.graph.setNodeAttribute(node.id, key, value as never);
      }
    }
    return node.id;
  }

  public ensureObject(name: string, objectKind?: string): string {
    return this.addNode({ id: nodeId.object(name), kind: 'object', name, ...(objectKind ? { objectKind } : {}) });
  }

  public ensureField(fullName: string): string {
    const object = fullName.slice(0, fullName.indexOf('.'));
    return this.addNode({ id: nodeId.field(fullName), kind: 'field', name: fullName, object });
  }

  /** Adds an edge once: the same kind, ends, evidence, path and fields make the same edge. */
  public addEdge(edge: GraphEdge): void {
    if (!this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) {
      throw new Error(`edge ${edge.kind} ${edge.source} → ${edge.target} refers to a missing node`);
    }
    const key = edgeKey(edge);
    if (!this.graph.hasEdge(key)) this.graph.addDirectedEdgeWithKey(key, edge.source, edge.target, edge);
  }

  public hasNode(id: string): boolean {
    return this.graph.hasNode(id);
  }

  public node(id: string): GraphNode | undefined {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : undefined;
  }

  public nodes(): GraphNode[] {
    return this.graph.mapNodes((_id, attributes) => attributes);
  }

  public edges(): GraphEdge[] {
    return this.graph.mapEdges((_key, attributes) => attributes);
  }

  public outEdges(id: string, kind?: EdgeKind): GraphEdge[] {
    if (!this.graph.hasNode(id)) return [];
    const edges = this.graph.mapOutEdges(id, (_key, attributes) => attributes);
    return kind ? edges.filter((edge) => edge.kind === kind) : edges;
  }

  public inEdges(id: string, kind?: EdgeKind): GraphEdge[] {
    if (!this.graph.hasNode(id)) return [];
    const edges = this.graph.mapInEdges(id, (_key, attributes) => attributes);
    return kind ? edges.filter((edge) => edge.kind === kind) : edges;
  }

  public get order(): number {
    return this.graph.order;
  }

  public get size(): number {
    return this.graph.size;
  }
}

function edgeKey(edge: GraphEdge): string {
  return [
    edge.kind,
    edge.source,
    edge.target,
    edge.evidence.file,
    edge.evidence.line ?? '',
    edge.operation ?? '',
    (edge.fields ?? []).join(','),
    (edge.path ?? []).join('>'),
    (edge.events ?? []).join(','),
    edge.implicit ?? '',
    edge.note ?? '',
  ].join('|');
}

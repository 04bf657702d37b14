/**
 * `sf arch explain`: for a field, who writes and reads it, who owns it and what a change to it sets off;
 * for an automation, what fires it, what it does and what its writes set off. Pure: model, graph and
 * policy in, an Explanation (or the nearest names) out.
 */
import type { AutomationGraph } from '../graph/automation-graph.js';
import { GraphQueries } from '../graph/queries.js';
import type { GraphNode } from '../graph/types.js';
import type { MetadataModel } from '../metadata/model.js';
import type { LoadedPolicy } from '../policy/policy.js';
import { type ChainLimits, type ChainStart, DEFAULT_LIMITS, hopOf, type Reaction, walkChain } from './chain.js';
import { automationRef, compare, compareFacts, compareRefs, edgeFact } from './facts.js';
import { automationOwnership, ownershipOf, systemOfRecord } from './ownership-facts.js';
import { resolveSubject } from './resolve-subject.js';
import type { AutomationSubject, ChainHop, ExplainNotFound, Explanation, FieldSubject, FiringFact } from './types.js';

export type ExplainInput = {
  model: MetadataModel;
  graph: AutomationGraph;
  policy: LoadedPolicy;
  name: string;
  /** YYYY-MM-DD: what has expired is judged on this date. */
  asOf: string;
  limits?: Partial<ChainLimits>;
  queries?: GraphQueries;
};

export function explain(input: ExplainInput): Explanation | ExplainNotFound {
  const queries = input.queries ?? new GraphQueries(input.graph, input.model);
  const limits: ChainLimits = { ...DEFAULT_LIMITS, ...input.limits };
  const resolved = resolveSubject(queries, input.name);
  if (resolved.kind === 'not-found') return { kind: 'not-found', query: input.name, closest: resolved.closest };
  const base = { query: input.name, asOf: input.asOf, limits };
  if (resolved.kind === 'field') {
    const subject = fieldSubject(input, queries, resolved.field);
    const { stages, cut } = walkChain(queries, { depth: 0, objects: new Map([[subject.object, []]]) }, limits, reactionTo(resolved.field));
    return { ...base, subject, chain: stages, ...(cut ? { cut } : {}) };
  }
  const subject = automationSubject(input, queries, resolved.node, resolved.sameName);
  const { stages, cut } = walkChain(queries, startOf(queries, resolved.node), limits);
  return { ...base, subject, chain: stages, ...(cut ? { cut } : {}) };
}

function fieldSubject(input: ExplainInput, queries: GraphQueries, field: string): FieldSubject {
  const object = field.slice(0, field.indexOf('.'));
  const defined = input.model.objects.find((candidate) => candidate.name.toLowerCase() === object.toLowerCase())?.fields.find((candidate) => candidate.fullName.toLowerCase() === field.toLowerCase());
  const ownership = defined?.custom ? ownershipOf(input.model, input.policy, 'CustomField', defined.fullName, input.asOf) : undefined;
  return {
    kind: 'field',
    name: field,
    object,
    ...(defined?.label ? { label: defined.label } : {}),
    ...(defined ? { source: defined.source } : {}),
    systemOfRecord: systemOfRecord(input.model, input.policy, field),
    ...(ownership && Object.keys(ownership).length > 0 ? { ownership } : {}),
    writers: queries.writersOf(field).map(({ automation, edge }) => edgeFact(queries.graph, automation, edge, edge.target)).sort(compareFacts),
    readers: queries.readersOf(field).map(({ automation, edge }) => edgeFact(queries.graph, automation, edge, edge.target)).sort(compareFacts),
  };
}

/** An entry on the field's object reacts when it reads the field or its entry criteria name it. */
function reactionTo(field: string): Reaction {
  const lower = field.toLowerCase();
  const short = lower.slice(lower.indexOf('.') + 1);
  const named = new RegExp(`(^|[^a-z0-9_])${short.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9_])`, 'i');
  return (entry) => {
    if (entry.reads.some((read) => (read.fields ?? []).some((candidate) => candidate.toLowerCase() === lower))) return 'reads';
    return entry.criteria !== undefined && named.test(entry.criteria) ? 'criteria' : undefined;
  };
}

function automationSubject(input: ExplainInput, queries: GraphQueries, node: GraphNode, sameName: GraphNode[]): AutomationSubject {
  const { graph } = queries;
  const firedBy: FiringFact[] = [];
  for (const edge of graph.inEdges(node.id)) {
    if (edge.kind !== 'fires-on' && edge.kind !== 'subscribes' && edge.kind !== 'calls' && edge.kind !== 'enqueues') continue;
    const from = graph.node(edge.source)?.name ?? edge.source;
    const placed = edge.kind === 'fires-on' || edge.kind === 'subscribes' ? queries.pipeline(from).entries.find((entry) => entry.automationId === node.id) : undefined;
    firedBy.push({
      kind: edge.kind,
      from,
      events: edge.events ?? [],
      ...(edge.criteria ? { criteria: edge.criteria } : {}),
      ...(placed ? { step: placed.step, position: placed.position } : {}),
      evidence: edge.evidence,
    });
  }
  firedBy.sort((a, b) => compare(a.kind, b.kind) || compare(a.from, b.from) || compareRefs(a.evidence, b.evidence));
  const effects = graph
    .outEdges(node.id)
    .map((edge) => edgeFact(graph, node, edge, edge.target))
    .sort(compareFacts);
  const ownership = automationOwnership(input.model, input.policy, node.automationType!, node.name, input.asOf);
  return {
    kind: 'automation',
    automation: automationRef(node),
    ...(node.label ? { label: node.label } : {}),
    sameName: sameName.map((other) => other.id),
    firedBy,
    effects,
    ...(ownership && Object.keys(ownership).length > 0 ? { ownership } : {}),
  };
}

/**
 * The objects the automation saves (or events it publishes), directly or on a path it enqueues: the
 * same hops `saveHops` counts, but for this automation alone, so subflows and Apex methods work too.
 */
function startOf(queries: GraphQueries, node: GraphNode): ChainStart {
  const { graph } = queries;
  const objects = new Map<string, ChainHop[]>();
  if (node.active === false) return { depth: 1, objects };
  const from = node.object ?? node.name;
  const trigger = graph.inEdges(node.id).find((edge) => edge.kind === 'fires-on' || edge.kind === 'subscribes');
  const sources: Array<{ source: GraphNode; via?: GraphNode }> = [{ source: node }];
  for (const enqueued of graph.outEdges(node.id, 'enqueues')) {
    const via = graph.node(enqueued.target);
    if (via && via.active !== false) sources.push({ source: via, via });
  }
  for (const { source, via } of sources) {
    for (const edge of graph.outEdges(source.id)) {
      if (!((edge.kind === 'writes' && !edge.inMemory) || edge.kind === 'publishes')) continue;
      const to = graph.node(edge.target)?.name ?? edge.target;
      const hop = hopOf({
        from,
        to,
        automation: node,
        edge,
        trigger: trigger ?? edge,
        ...(via ? { via } : {}),
        async: via !== undefined || trigger?.kind === 'subscribes' || edge.async === true || edge.kind === 'publishes',
      });
      let into = objects.get(to);
      if (!into) objects.set(to, (into = []));
      into.push(hop);
    }
  }
  return { depth: 1, objects };
}

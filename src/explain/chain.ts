/**
 * What a save sets off, object by object: breadth first over the object-level save graph
 * (`GraphQueries.saveHops`), each object's automation in its pipeline order. Iterative and bounded
 * in depth and in objects, so a 5,000-object cycle ends with a note of where it was cut.
 */
import { EXECUTION_STEPS, type PipelineEntry } from '../graph/pipeline-types.js';
import type { GraphQueries, SaveHop } from '../graph/queries.js';
import { compare, compareRefs } from './facts.js';
import type { ChainCut, ChainEntry, ChainHop, ChainStage } from './types.js';

export type ChainLimits = { maxDepth: number; maxObjects: number };

export const DEFAULT_LIMITS: ChainLimits = { maxDepth: 6, maxObjects: 50 };

/** Where the walk starts: one object at depth 0 (a field's), or the objects an automation writes (depth 1). */
export type ChainStart = { depth: number; objects: Map<string, ChainHop[]> };

/** Why an entry of the start object reacts to the field, when it does. */
export type Reaction = (entry: PipelineEntry) => ChainEntry['reacts'];

const STEP_LABELS = new Map<string, string>(EXECUTION_STEPS.map((step) => [step.id, step.label]));

export function walkChain(queries: GraphQueries, start: ChainStart, limits: ChainLimits, reaction?: Reaction): { stages: ChainStage[]; cut?: ChainCut } {
  const stages: ChainStage[] = [];
  const seen = new Set<string>(start.objects.keys());
  let frontier = start.objects;
  let depth = start.depth;
  let cut: ChainCut | undefined;
  while (frontier.size > 0) {
    const objects = [...frontier.keys()].sort(compare);
    if (depth > limits.maxDepth) {
      cut = { reason: 'depth', limit: limits.maxDepth, notExpanded: objects };
      break;
    }
    const next = new Map<string, ChainHop[]>();
    const stagesBefore = stages.length;
    for (const [index, object] of objects.entries()) {
      if (stages.length >= limits.maxObjects) {
        cut = { reason: 'objects', limit: limits.maxObjects, notExpanded: [...objects.slice(index), ...next.keys()].sort(compare) };
        break;
      }
      const loopsBack: ChainHop[] = [];
      for (const hop of queries.saveHops(object)) {
        const chainHop = hopOf(hop);
        if (seen.has(hop.to) && !next.has(hop.to)) {
          loopsBack.push(chainHop);
          continue;
        }
        let into = next.get(hop.to);
        if (!into) next.set(hop.to, (into = []));
        into.push(chainHop);
      }
      const pipeline = queries.pipeline(object);
      stages.push({
        depth,
        object,
        reachedBy: sortHops(frontier.get(object) ?? []),
        entries: pipeline.entries.map((entry) => entryOf(entry, depth === 0 ? reaction : undefined)),
        loopsBack: sortHops(dedupeHops(loopsBack)),
      });
    }
    if (cut) break;
    for (const object of next.keys()) seen.add(object);
    frontier = next;
    depth++;
    if (stages.length === stagesBefore) break;
  }
  return { stages, ...(cut ? { cut } : {}) };
}

export function hopOf(hop: SaveHop): ChainHop {
  return {
    from: hop.from,
    to: hop.to,
    automation: hop.automation.name,
    automationType: hop.automation.automationType!,
    fields: [...(hop.edge.fields ?? [])].sort(compare),
    ...(hop.edge.operation ? { operation: hop.edge.operation } : {}),
    async: hop.async,
    ...(hop.via ? { via: hop.via.name } : {}),
    evidence: hop.edge.evidence,
  };
}

function entryOf(entry: PipelineEntry, reaction: Reaction | undefined): ChainEntry {
  const writes = [
    ...entry.writes.map((write) => (write.inMemory ? `${write.target} (in memory)` : write.target)),
    ...entry.publishes.map((published) => `${published.target} (publishes)`),
    ...entry.enqueues.map((enqueued) => `${enqueued.target} (enqueues)`),
    ...(entry.notVisible ?? []).map((hidden) => `${hidden.target} (${hidden.note ?? 'code not visible'})`),
  ];
  const reacts = reaction?.(entry);
  return {
    position: entry.position,
    step: entry.step,
    stepLabel: STEP_LABELS.get(entry.step) ?? entry.step,
    name: entry.name,
    automationType: entry.automationType,
    events: entry.events,
    ...(entry.criteria ? { criteria: entry.criteria } : {}),
    ...(entry.order ? { order: entry.order } : {}),
    ...(entry.via ? { via: entry.via } : {}),
    writes: [...new Set(writes)].sort(compare),
    callsOut: [...new Set(entry.callsOut.map((call) => call.target))].sort(compare),
    ...(reacts ? { reacts } : {}),
    ...(entry.source ? { source: entry.source } : {}),
  };
}

/** The same hop through several edges of one statement (fields split, implicit re-fire) shows once. */
function dedupeHops(hops: ChainHop[]): ChainHop[] {
  const byKey = new Map<string, ChainHop>();
  for (const hop of hops) {
    const key = [hop.from, hop.to, hop.automation, hop.via ?? '', hop.evidence.file, hop.evidence.line ?? '', hop.fields.join(',')].join('|');
    if (!byKey.has(key)) byKey.set(key, hop);
  }
  return [...byKey.values()];
}

export function sortHops(hops: ChainHop[]): ChainHop[] {
  return dedupeHops(hops).sort((a, b) => compare(a.from, b.from) || compare(a.automation, b.automation) || compare(a.to, b.to) || compareRefs(a.evidence, b.evidence) || compare(a.fields.join(','), b.fields.join(',')));
}

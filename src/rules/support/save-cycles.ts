import type { GraphQueries, SaveHop } from '../../graph/queries.js';
import { stronglyConnectedComponents } from '../../graph/tarjan.js';
import { elementaryCycles } from './cycles.js';
import { firesOn } from './hops.js';

export const MAX_CYCLE_LENGTH = 6;
export const CYCLES_PER_COMPONENT = 50;

/** A cycle of objects, and for each step the hops (automation + write) that can make it. */
export type SaveCycle = {
  objects: string[];
  /** `steps[i]`: hops from objects[i] to objects[i+1] (wrapping), each able to start a hop of the next step. */
  steps: SaveHop[][];
};

export type SaveCycleSearch = {
  cycles: SaveCycle[];
  /** Per component whose cycles were capped: its objects and how many more cycles it holds. */
  capped: Array<{ objects: string[]; more: number; countStopped: boolean }>;
};

/**
 * Cycles in the object-level save graph. `mode` picks the hops: `sync` keeps same-transaction hops
 * only (a limits problem); `async` keeps all hops and returns only the cycles with at least one async
 * hop (an endless chain of transactions). Self-loops are left to the self-update rules, except async
 * ones, which only an event loop reports.
 */
export function findSaveCycles(queries: GraphQueries, mode: 'sync' | 'async'): SaveCycleSearch {
  const hopsFrom = new Map<string, SaveHop[]>();
  const objects = new Set<string>();
  for (const object of queries.objectsWithAutomation()) {
    const hops = queries.saveHops(object).filter((hop) => mode === 'async' || !hop.async);
    hopsFrom.set(object, hops);
    objects.add(object);
    for (const hop of hops) objects.add(hop.to);
  }
  const successors = (node: string): string[] => [...new Set((hopsFrom.get(node) ?? []).map((hop) => hop.to))].sort();
  const cycles: SaveCycle[] = [];
  const capped: SaveCycleSearch['capped'] = [];

  for (const component of stronglyConnectedComponents([...objects].sort(), successors)) {
    const selfLoops = component.filter((node) => successors(node).includes(node));
    if (component.length === 1 && (mode === 'sync' || selfLoops.length === 0)) continue;
    const search = elementaryCycles(component, successors, { maxLength: MAX_CYCLE_LENGTH, cap: CYCLES_PER_COMPONENT });
    const found = search.cycles.filter((cycle) => cycle.length >= 2);
    // Strongly connected, yet no cycle within MAX_CYCLE_LENGTH: the loop is longer, not absent.
    if (found.length === 0 && component.length >= 2 && search.more === 0 && !search.countStopped) found.push(shortestCycle(component, successors));
    if (mode === 'async') for (const node of selfLoops) found.push([node]);
    if (search.more > 0 || search.countStopped) capped.push({ objects: component, more: search.more, countStopped: search.countStopped });
    for (const canonical of found) {
      const cycleObjects = startAtRecordObject(canonical);
      const steps = stepsOf(cycleObjects, hopsFrom);
      if (!steps) continue;
      if (mode === 'async' && !steps.some((step) => step.some((hop) => hop.async))) continue;
      cycles.push({ objects: cycleObjects, steps });
    }
  }
  return { cycles, capped };
}

/**
 * The shortest cycle through the component's first member, breadth first within the component (every
 * member of a strongly connected component lies on one). Iterative: components have thousands of members.
 */
function shortestCycle(component: readonly string[], successors: (node: string) => readonly string[]): string[] {
  const start = component[0]!;
  const members = new Set(component);
  const parent = new Map<string, string>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index]!;
    for (const next of successors(node)) {
      if (!members.has(next)) continue;
      if (next === start && node !== start) {
        const cycle = [node];
        for (let step = parent.get(node); step !== undefined; step = parent.get(step)) cycle.push(step);
        return cycle.reverse();
      }
      if (next === start || parent.has(next)) continue;
      parent.set(next, node);
      queue.push(next);
    }
  }
  return [start];
}

/** A cycle's objects for a message: all of a short one; the ends of a long one, with the count between. */
export function cycleLabel(objects: readonly string[]): string {
  const closed = [...objects, objects[0]!];
  if (closed.length <= SHOWN_HOPS) return closed.join(' → ');
  return [...closed.slice(0, 4), `… ${closed.length - 6} more …`, ...closed.slice(-2)].join(' → ');
}

/** How many hops a finding lists one by one; a longer chain is cut with a count (the identity keeps every hop). */
export const SHOWN_HOPS = 12;

/**
 * The hops for each step of a cycle, keeping only hops whose write can start some hop of the next
 * step (an insert does not start update-only automation). Undefined when some step has none left.
 */
function stepsOf(objects: string[], hopsFrom: Map<string, SaveHop[]>): SaveHop[][] | undefined {
  const raw = objects.map((from, index) => (hopsFrom.get(from) ?? []).filter((hop) => hop.to === objects[(index + 1) % objects.length]));
  // Narrow until stable: removing a hop can leave a previous step with nothing to start.
  let steps = raw;
  for (let changed = true; changed; ) {
    changed = false;
    steps = steps.map((step, index) => {
      const next = steps[(index + 1) % steps.length]!;
      const kept = step.filter((hop) => hop.edge.kind === 'publishes' || next.some((following) => firesOn(following.trigger.events, hop.edge.operation)));
      if (kept.length !== step.length) changed = true;
      return kept;
    });
  }
  return steps.every((step) => step.length > 0) ? steps : undefined;
}

/** Readers expect a loop to start at a record, not at the platform event it passes through. */
function startAtRecordObject(cycle: string[]): string[] {
  const records = cycle.filter((object) => !object.toLowerCase().endsWith('__e')).sort();
  const start = records.length > 0 ? cycle.indexOf(records[0]!) : 0;
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

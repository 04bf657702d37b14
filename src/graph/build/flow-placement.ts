/**
 * Element ownership follows the connectors: an element reachable from the start belongs to the flow;
 * one reachable only from a scheduled path belongs to that path's node (its edges are async); one
 * reachable from nothing still gets its edges from the flow, with confidence `possible`.
 */
import type { FlowElement, FlowModel, FlowScheduledPath } from '../../metadata/model.js';
import type { Owner, Placement } from './flow-support.js';

/** For each element, the owners whose edges it makes: the flow, scheduled paths, or (unconnected) the flow, possibly. */
export function placeElements(flow: FlowModel, main: Owner, paths: Array<{ path: FlowScheduledPath; owner: Owner }>): Map<string, Placement[]> {
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

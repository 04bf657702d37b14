import type { FlowElement, FlowModel } from '../../metadata/model.js';
import { appendAll } from '../../shared/arrays.js';
import { compare } from '../../shared/compare.js';

/** A flow element that runs once per iteration of `loop` (the innermost loop around it). */
export type LoopedElement = { element: FlowElement; loop: FlowElement };

/**
 * Elements inside a loop's body: reachable from the loop's `loop-next` connector (following every
 * connector: decisions, fault paths, nested loops) before coming back to the loop, and able to come
 * back to it. An element reachable only through `loop-end` runs after the loop; one on a path that
 * leaves the loop and never returns (a fault path that ends the flow) runs at most once.
 */
export function loopedElements(flow: FlowModel): LoopedElement[] {
  const lookup = elementLookup(flow);
  const running = runnable(flow, lookup);
  const bodies = flow.elements
    .filter((element) => element.kind === 'loop' && running(element.name))
    .map((loop) => ({ loop, body: loopBody(loop, lookup) }))
    // Innermost first: a smaller body nested in a larger one names the loop that repeats the element most directly.
    .sort((a, b) => a.body.size - b.body.size || compare(a.loop.name, b.loop.name));
  const out: LoopedElement[] = [];
  for (const element of flow.elements) {
    const innermost = bodies.find(({ body }) => body.has(element.name));
    if (innermost) out.push({ element, loop: innermost.loop });
  }
  return out;
}

/** Element names in `loop`'s body (see loopedElements). */
export function loopBody(loop: FlowElement, lookup: (name: string) => FlowElement | undefined): Set<string> {
  const starts = loop.connectors.filter((connector) => connector.kind === 'loop-next').map((connector) => connector.target);
  const forward = walk(starts, lookup, (element) => element.connectors.map((connector) => connector.target), loop.name);
  const predecessors = new Map<string, string[]>();
  for (const name of forward) {
    for (const connector of lookup(name)?.connectors ?? []) {
      const target = lookup(connector.target)?.name;
      if (target !== undefined) predecessors.set(target, [...(predecessors.get(target) ?? []), name]);
    }
  }
  // Walk back from the loop over the forward set only: what can reach the loop again without leaving the body.
  const back = walk(predecessors.get(loop.name) ?? [], lookup, (element) => predecessors.get(element.name) ?? [], loop.name);
  return new Set([...forward].filter((name) => back.has(name)));
}

/** Whether an element can run: reachable from the start or a scheduled path (a loop nothing reaches never runs). */
function runnable(flow: FlowModel, lookup: (name: string) => FlowElement | undefined): (name: string) => boolean {
  const starts = [flow.trigger.target, ...flow.trigger.scheduledPaths.map((path) => path.target)].filter((name): name is string => name !== undefined);
  // No start at all (a parser gap, or metadata we do not know): assume everything can run rather than miss a loop.
  if (starts.length === 0) return () => true;
  const reached = walk(starts, lookup, (element) => element.connectors.map((connector) => connector.target), '');
  return (name) => reached.has(name);
}

export function elementLookup(flow: FlowModel): (name: string) => FlowElement | undefined {
  const exact = new Map<string, FlowElement>();
  const lower = new Map<string, FlowElement>();
  for (const element of flow.elements) {
    if (!exact.has(element.name)) exact.set(element.name, element);
    if (!lower.has(element.name.toLowerCase())) lower.set(element.name.toLowerCase(), element);
  }
  return (name) => exact.get(name) ?? lower.get(name.toLowerCase());
}

/** Names reachable from `starts` through `next`, never entering `stop`. */
function walk(starts: string[], lookup: (name: string) => FlowElement | undefined, next: (element: FlowElement) => string[], stop: string): Set<string> {
  const seen = new Set<string>();
  const queue = [...starts];
  while (queue.length > 0) {
    const element = lookup(queue.shift()!);
    if (!element || element.name === stop || seen.has(element.name)) continue;
    seen.add(element.name);
    appendAll(queue, next(element));
  }
  return seen;
}

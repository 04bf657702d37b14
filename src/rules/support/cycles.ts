/**
 * Elementary cycles of a strongly connected component, bounded in length and count so dense graphs
 * finish. Each cycle is found once, in its canonical rotation (starting at its smallest node): the
 * search from node s only walks nodes that sort after s.
 */
export type CycleSearch = {
  cycles: string[][];
  /** Cycles found beyond the cap (counted, not kept), and whether counting stopped early too. */
  more: number;
  countStopped: boolean;
};

export function elementaryCycles(
  component: readonly string[],
  successors: (node: string) => readonly string[],
  options: { maxLength: number; cap: number; countLimit?: number; stepLimit?: number },
): CycleSearch {
  const members = [...component].sort();
  const rank = new Map(members.map((node, index) => [node, index]));
  const countLimit = options.countLimit ?? options.cap * 100;
  // Dense components can hold millions of bounded paths: stop walking after this many steps.
  const stepLimit = options.stepLimit ?? 2_000_000;
  let steps = 0;
  const cycles: string[][] = [];
  let found = 0;
  let countStopped = false;

  for (const start of members) {
    const startRank = rank.get(start)!;
    const path = [start];
    const onPath = new Set([start]);
    // Iterative DFS: each frame holds the successors still to try.
    const stack: Array<{ next: number; succ: readonly string[] }> = [{ next: 0, succ: successors(start) }];
    while (stack.length > 0) {
      if (found >= countLimit || ++steps > stepLimit) {
        countStopped = true;
        break;
      }
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.succ.length) {
        stack.pop();
        onPath.delete(path.pop()!);
        continue;
      }
      const target = frame.succ[frame.next++]!;
      const targetRank = rank.get(target);
      if (targetRank === undefined) continue;
      if (target === start) {
        if (path.length >= 2) {
          found += 1;
          if (cycles.length < options.cap) cycles.push([...path]);
        }
        continue;
      }
      if (targetRank <= startRank || onPath.has(target) || path.length >= options.maxLength) continue;
      path.push(target);
      onPath.add(target);
      stack.push({ next: 0, succ: successors(target) });
    }
    if (countStopped) break;
  }
  return { cycles, more: found - cycles.length, countStopped };
}

/**
 * Appends every item of `items` to `target` and returns `target`. Spreading into push passes each
 * item as a call argument, and past ~120,000 items V8 throws "Maximum call stack size exceeded": an
 * enterprise org easily has that many components, grants or query rows.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when there is none larger: a spread into Math.max overflows the stack the same way. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

import type { GraphQueries } from '../../../graph/queries.js';
import type { MetadataModel } from '../../../metadata/model.js';
import { compare } from '../../../shared/compare.js';

/**
 * Every object and field name the project shows: defined fields, and fields it only mentions (in field
 * permissions, flow and Apex reads and writes), so a standard field the project never defines still counts.
 */
export type KnownNames = { fields: string[]; objects: string[] };

export function knownNames(model: MetadataModel, queries: GraphQueries): KnownNames {
  const fields = new Map<string, string>();
  const add = (field: string): void => {
    if (field.includes('.') && !fields.has(field.toLowerCase())) fields.set(field.toLowerCase(), field);
  };
  for (const object of model.objects) for (const field of object.fields) add(field.fullName);
  for (const container of [...model.permissionSets, ...model.profiles]) for (const permission of container.fieldPermissions) add(permission.field);
  for (const field of queries.fieldsTouched('reads-or-writes')) add(field);
  const objects = new Map<string, string>();
  for (const object of model.objects) objects.set(object.name.toLowerCase(), object.name);
  for (const container of [...model.permissionSets, ...model.profiles]) for (const permission of container.objectPermissions) objects.set(permission.object.toLowerCase(), objects.get(permission.object.toLowerCase()) ?? permission.object);
  for (const field of fields.values()) {
    const object = field.slice(0, field.indexOf('.'));
    if (!objects.has(object.toLowerCase())) objects.set(object.toLowerCase(), object);
  }
  return { fields: [...fields.values()].sort(compare), objects: [...objects.values()].sort(compare) };
}

/** The candidate nearest to `name` (case-insensitive edit distance), when it is near enough to be a typo. */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, candidate.toLowerCase(), limit);
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance, giving up (limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

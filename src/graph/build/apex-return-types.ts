/**
 * The SObject type of a DML target the extractor could not type in its own file: the return type of
 * the project method it calls (`update selector.contacts()` with `List<Contact> contacts()`).
 */
import { isSObjectTypeName } from '../../metadata/apex/known-types.js';
import type { ApexDml } from '../../metadata/model.js';
import type { ApexHierarchy } from './apex-hierarchy.js';

const COLLECTION = /^(?:system\.)?(?:list|set)<\s*([\w.]+)\s*>$/i;
const ARRAY = /^([\w.]+)\s*\[\s*\]$/;
const SINGLE = /^[\w.]+$/;
/** Types that are never a DML target's record type. */
const NOT_RECORDS = /^(?:system\.)?(?:sobject|object|void|string|id|boolean|integer|long|decimal|double|date|datetime|time|blob)$/i;

export function dmlTargetType(dml: ApexDml, hierarchy: ApexHierarchy): string {
  if (dml.sobjectType !== 'unknown' || !dml.via) return dml.sobjectType;
  const methods = hierarchy.lookup(dml.via.className, dml.via.method);
  const types = new Set(methods.map((ref) => recordTypeOf(ref.method.returnType)));
  // Overloads that return different types (or none the code says): the target stays unknown.
  return types.size === 1 ? [...types][0]! : 'unknown';
}

function recordTypeOf(returnType: string | undefined): string {
  if (!returnType) return 'unknown';
  const text = returnType.trim();
  const element = COLLECTION.exec(text)?.[1] ?? ARRAY.exec(text)?.[1] ?? (SINGLE.test(text) ? text : undefined);
  if (!element || NOT_RECORDS.test(element)) return 'unknown';
  const bare = element.toLowerCase().startsWith('schema.') ? element.slice(7) : element;
  // A project class is not a record: only names that are SObjects (standard, or with a suffix) count.
  return isSObjectTypeName(bare) ? bare : 'unknown';
}

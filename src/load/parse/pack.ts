import type { FieldPermission, PermissionContainerModel } from '../../metadata/model.js';
import type { Interner } from '../interner.js';
import type { ParseResult } from './task.js';

/**
 * The JSON form of results (cache entries, and what crosses threads). Field permissions are most of
 * an enterprise org's bytes: every profile lists every field. They travel as one string of names and
 * two strings of flags, and the main thread splits a names string it has seen before only once, so
 * 150 profiles share one set of field-name strings instead of making millions.
 */
type Packed = ParseResult & { fieldPermissions?: { names: string; readable: string; editable: string } };

const SEPARATOR = '\n';

export function resultToJson(result: ParseResult): string {
  if (result.kind !== 'permissions') return JSON.stringify(result);
  const permissions = result.value.fieldPermissions;
  if (!permissions.every(isPlain)) return JSON.stringify(result);
  const packed: Packed = {
    ...result,
    value: { ...result.value, fieldPermissions: [] },
    fieldPermissions: {
      names: permissions.map((permission) => permission.field).join(SEPARATOR),
      readable: permissions.map((permission) => (permission.readable ? '1' : '0')).join(''),
      editable: permissions.map((permission) => (permission.editable ? '1' : '0')).join(''),
    },
  };
  return JSON.stringify(packed);
}

/** Field-name lists already split in this run (by their packed string), their names interned. */
export type NameLists = { lists: Map<string, string[]>; interner: Interner };

const ONE = 49; // '1'

/** Undoes `resultToJson`'s packing on a decoded result; undefined when the packing is damaged. */
export function unpack(decoded: Packed, names: NameLists): ParseResult | undefined {
  const packed = decoded.fieldPermissions;
  if (packed === undefined) return decoded;
  delete decoded.fieldPermissions;
  if (decoded.kind !== 'permissions' || typeof packed.names !== 'string' || typeof packed.readable !== 'string' || typeof packed.editable !== 'string') return undefined;
  let list = names.lists.get(packed.names);
  if (!list) {
    list = packed.names === '' ? [] : packed.names.split(SEPARATOR).map((name) => names.interner.intern(name));
    names.lists.set(packed.names, list);
  }
  const { readable, editable } = packed;
  if (list.length !== readable.length || list.length !== editable.length) return undefined;
  const permissions = new Array<FieldPermission>(list.length);
  for (let index = 0; index < list.length; index += 1) {
    permissions[index] = { field: list[index]!, readable: readable.charCodeAt(index) === ONE, editable: editable.charCodeAt(index) === ONE };
  }
  const container: PermissionContainerModel = decoded.value;
  container.fieldPermissions = permissions;
  names.interner.markInterned(permissions);
  return decoded;
}

/** Exactly `{ field, readable, editable }` with a name that packs (no separator): anything else is not packed. */
function isPlain(permission: FieldPermission): boolean {
  const keys = Object.keys(permission);
  return (
    keys.length === 3 && keys[0] === 'field' && keys[1] === 'readable' && keys[2] === 'editable' &&
    typeof permission.field === 'string' && !permission.field.includes(SEPARATOR) && typeof permission.readable === 'boolean' && typeof permission.editable === 'boolean'
  );
}

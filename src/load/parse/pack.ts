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

/**
 * Field-name lists already split in this run (by their packed string), their names interned, with the
 * field permissions made from them so far: one frozen object per field and pair of flags, shared by
 * every profile that grants the same. 150 profiles × 40,000 fields then cost pointers, not six
 * million objects for the garbage collector to walk.
 */
export type NameLists = { lists: Map<string, NameList>; interner: Interner };
type NameList = { names: string[]; shared: Array<FieldPermission | undefined> };

const ONE = 49; // '1'

/** Undoes `resultToJson`'s packing on a decoded result; undefined when the packing is damaged. */
export function unpack(decoded: Packed, names: NameLists): ParseResult | undefined {
  const packed = decoded.fieldPermissions;
  if (packed === undefined) return decoded;
  delete decoded.fieldPermissions;
  if (decoded.kind !== 'permissions' || typeof packed.names !== 'string' || typeof packed.readable !== 'string' || typeof packed.editable !== 'string') return undefined;
  let list = names.lists.get(packed.names);
  if (!list) {
    const split = packed.names === '' ? [] : packed.names.split(SEPARATOR).map((name) => names.interner.intern(name));
    list = { names: split, shared: new Array<FieldPermission | undefined>(split.length * 4) };
    names.lists.set(packed.names, list);
  }
  const { readable, editable } = packed;
  const count = list.names.length;
  if (count !== readable.length || count !== editable.length) return undefined;
  const permissions = new Array<FieldPermission>(count);
  for (let index = 0; index < count; index += 1) {
    const canRead = readable.charCodeAt(index) === ONE;
    const canEdit = editable.charCodeAt(index) === ONE;
    const slot = index * 4 + (canRead ? 2 : 0) + (canEdit ? 1 : 0);
    permissions[index] = list.shared[slot] ??= Object.freeze({ field: list.names[index]!, readable: canRead, editable: canEdit }) as FieldPermission;
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

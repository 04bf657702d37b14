import { describe, expect, it } from 'vitest';
import { Interner } from '../../../src/load/interner.js';
import { type NameLists, resultToJson, unpack } from '../../../src/load/parse/pack.js';
import type { ParseResult } from '../../../src/load/parse/task.js';
import type { FieldPermission, PermissionContainerModel } from '../../../src/metadata/model.js';

function profile(name: string, fieldPermissions: FieldPermission[]): ParseResult {
  const value: PermissionContainerModel = { kind: 'Profile', name, userPermissions: [], objectPermissions: [], fieldPermissions, classAccess: [], source: { file: `${name}.profile-meta.xml` } };
  return { kind: 'permissions', value };
}

const roundTrip = (result: ParseResult, names: NameLists): PermissionContainerModel => {
  const back = unpack(JSON.parse(resultToJson(result)), names);
  if (back?.kind !== 'permissions') throw new Error('did not unpack');
  return back.value;
};

describe('packed field permissions', () => {
  const fields: FieldPermission[] = [
    { field: 'Account.Tier__c', readable: true, editable: true },
    { field: 'Account.Region__c', readable: true, editable: false },
    { field: 'Invoice__c.Total__c', readable: false, editable: false },
  ];

  it('come back as they went, and profiles granting the same share one frozen object per field and flags', () => {
    const names: NameLists = { lists: new Map(), interner: new Interner() };
    const admin = roundTrip(profile('Admin', fields), names);
    const sales = roundTrip(profile('Sales', fields.map((permission, index) => (index === 1 ? { ...permission, editable: true } : permission))), names);
    expect(admin.fieldPermissions).toEqual(fields);
    expect(sales.fieldPermissions[1]).toEqual({ field: 'Account.Region__c', readable: true, editable: true });
    expect(sales.fieldPermissions[0]).toBe(admin.fieldPermissions[0]);
    expect(sales.fieldPermissions[1]).not.toBe(admin.fieldPermissions[1]);
    expect(Object.isFrozen(admin.fieldPermissions[0])).toBe(true);
  });

  it('refuses a damaged packing (flags that do not match the names) instead of guessing', () => {
    const names: NameLists = { lists: new Map(), interner: new Interner() };
    const packed = JSON.parse(resultToJson(profile('Admin', fields)));
    packed.fieldPermissions.editable = '1';
    expect(unpack(packed, names)).toBeUndefined();
  });
});

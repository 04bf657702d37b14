import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGrants, type EffectiveGrant, mergeGrants } from '../../src/permissions/effective.js';
import { type Grant, grantId } from '../../src/permissions/grants.js';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The plain definition: sort every grant, keep the first spelling of each grant, collect its sources. */
function reference(grants: readonly Grant[]): EffectiveGrant[] {
  const byId = new Map<string, EffectiveGrant>();
  for (const grant of [...grants].sort((a, b) => compareGrants(a, b) || compare(a.source, b.source))) {
    const existing = byId.get(grantId(grant));
    if (!existing) byId.set(grantId(grant), { kind: grant.kind, key: grant.key, access: grant.access, sources: [grant.source] });
    else if (!existing.sources.includes(grant.source)) existing.sources.push(grant.source);
  }
  return [...byId.values()].map((grant) => ({ ...grant, sources: [...grant.sources].sort(compare) }));
}

const grant = fc.record({
  kind: fc.constantFrom<Grant['kind']>('user-permission', 'object', 'field', 'apex-class'),
  key: fc.constantFrom('Account', 'account', 'Account.Name', 'ACCOUNT.name', 'Invoice__c', 'Invoice__c.Total__c', 'ModifyAllData', 'ApiEnabled', 'OrderService'),
  access: fc.constantFrom('enabled', 'create', 'read', 'edit', 'delete', 'viewAll', 'modifyAll'),
  source: fc.constantFrom('Profile:Admin', 'PermissionSet:B', 'PermissionSetGroup:G > PermissionSet:B'),
});

describe('mergeGrants', () => {
  it('equals the plain definition for any grants: case variants, repeats, several sources, any order', () => {
    fc.assert(fc.property(fc.array(grant, { maxLength: 40 }), (grants) => {
          expect(mergeGrants(grants)).toEqual(reference(grants));
        }), { numRuns: 500 });
  });

  it('takes the one-pass path for a container already in order, with the same answer', () => {
    const fields = Array.from({ length: 500 }, (_, index) => `Object_${String(index % 20).padStart(2, '0')}__c.Field_${String(index).padStart(3, '0')}__c`).sort();
    const grants: Grant[] = [
      { kind: 'user-permission', key: 'ApiEnabled', access: 'enabled', source: 'Profile:P' },
      ...fields.flatMap((key): Grant[] => [
        { kind: 'field', key, access: 'read', source: 'Profile:P' },
        { kind: 'field', key, access: 'edit', source: 'Profile:P' },
      ]),
    ];
    const merged = mergeGrants(grants);
    expect(merged).toEqual(reference(grants));
    // One-source lists are shared and frozen: a rule that tried to change one would throw, not corrupt the others.
    expect(Object.isFrozen(merged[0]!.sources)).toBe(true);
    expect(merged[1]!.sources).toBe(merged[2]!.sources);
  });
});

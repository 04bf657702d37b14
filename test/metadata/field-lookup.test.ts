import { describe, expect, it } from 'vitest';
import { findField } from '../../src/metadata/field-lookup.js';
import { field, model, object } from '../graph/build/model-kit.js';

describe('findField', () => {
  it('finds a field by Object.Field in any case, the first object of a name first, and nothing else', () => {
    const first = field('Account', 'Tier__c');
    const repeated = { ...field('Account', 'Tier__c'), label: 'from a second folder' };
    const project = model({ objects: [object('Account', [first]), object('Account', [repeated, field('Account', 'Region__c')])] });
    expect(findField(project, 'account.tier__c')).toBe(first);
    expect(findField(project, 'Account.Region__c')?.name).toBe('Region__c');
    expect(findField(project, 'Account.Missing__c')).toBeUndefined();
    expect(findField(project, 'Tier__c')).toBeUndefined();
  });
});

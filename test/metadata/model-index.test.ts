import { describe, expect, it } from 'vitest';
import { fieldUpdatesOn, findField, findFlow, findWorkflowRule, flowsNamed } from '../../src/metadata/model-index.js';
import { field, flow, model, object, workflow } from '../graph/build/model-kit.js';

describe('model index: findField', () => {
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

describe('model index: flows and workflow', () => {
  it('finds flows by any-case names once each in model order, exact names, rules and field updates', () => {
    const a = flow('Order_Sync', {}, []);
    const b = flow('order_sync', {}, []);
    const c = flow('Invoice_Roll', {}, []);
    const rules = workflow('Account', {
      rules: [{ fullName: 'Account.Stamp', name: 'Stamp', object: 'Account', active: true, criteriaItems: [], actions: [], timeTriggerActions: [], source: { file: 'w' } }],
      fieldUpdates: [{ fullName: 'Account.Set_Tier', name: 'Set_Tier', object: 'Account', field: 'Tier__c', reevaluateOnChange: false, source: { file: 'w' } }],
    } as never);
    const project = model({ flows: [a, c, b], workflows: [rules] });
    expect(flowsNamed(project, ['ORDER_SYNC', 'invoice_roll', 'Order_Sync'])).toEqual([a, c, b]);
    expect(findFlow(project, 'order_sync')).toBe(b);
    expect(findFlow(project, 'Missing')).toBeUndefined();
    expect(findWorkflowRule(project, 'Account.Stamp')?.name).toBe('Stamp');
    expect(fieldUpdatesOn(project, 'Account').map((update) => update.name)).toEqual(['Set_Tier']);
    expect(fieldUpdatesOn(project, 'Contact')).toEqual([]);
  });
});

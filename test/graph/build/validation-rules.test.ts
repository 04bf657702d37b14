import { describe, expect, it } from 'vitest';
import { addValidationRules } from '../../../src/graph/build/validation-rules.js';
import { edgesWhere, field, model, newGraph, object, oneEdge, validationRule } from './model-kit.js';

describe('addValidationRules', () => {
  const rule = validationRule('Contact', 'Require_Credit', 'AND(NOT($Permission.Bypass_VR), account.Credit_Limit__c < Amount__c, ISBLANK(Parent_Program__r.Name), Owner.Alias = "x")', {
    fields: ['Amount__c', 'account.Credit_Limit__c', 'Parent_Program__r.Name', 'Owner.Alias', 'amount__c'],
    globals: ['$Permission.Bypass_VR', '$Setup.Settings__c.Off__c'],
    bypass: ['$Setup.Settings__c.Off__c', '$Permission.Bypass_VR'],
  });
  const inactive = validationRule('Contact', 'Old_Rule', 'false', {}, false);
  const contact = object(
    'Contact',
    [
      field('Contact', 'Amount__c'),
      field('Contact', 'AccountId', { referenceTo: ['Account'], relationshipName: 'Account', relationship: 'lookup' }),
      field('Contact', 'Parent_Program__c', { referenceTo: ['Program__c'], relationshipName: 'Parent_Program', relationship: 'lookup' }),
    ],
    [rule, inactive],
  );
  const graph = newGraph();
  addValidationRules(graph, model({ objects: [contact] }));
  const id = 'validation-rule:Contact.Require_Credit';

  it('adds a node per rule, active or not, fired on create and update', () => {
    expect(graph.node(id)).toMatchObject({ kind: 'automation', automationType: 'validation-rule', object: 'Contact', active: true, source: rule.source });
    expect(graph.node('validation-rule:Contact.Old_Rule')?.active).toBe(false);
    expect(oneEdge(graph, 'fires-on', 'object:Contact', id)).toMatchObject({ events: ['create', 'update'], criteria: rule.errorConditionFormula });
  });

  it('reads its own fields (canonical names, lookup fields included) and notes the bypass globals', () => {
    expect(oneEdge(graph, 'reads', id, 'object:Contact')).toMatchObject({
      confidence: 'certain',
      fields: ['Contact.AccountId', 'Contact.Amount__c', 'Contact.Parent_Program__c'],
      note: 'bypass: $Permission.Bypass_VR, $Setup.Settings__c.Off__c',
      evidence: rule.source,
    });
  });

  it('reads related objects through lookups the project describes, likely; skips what it cannot resolve', () => {
    expect(oneEdge(graph, 'reads', id, 'object:Account')).toMatchObject({ confidence: 'likely', fields: ['Account.Credit_Limit__c'] });
    expect(oneEdge(graph, 'reads', id, 'object:Program__c')).toMatchObject({ confidence: 'likely', fields: ['Program__c.Name'] });
    expect(edgesWhere(graph, { kind: 'reads', source: id })).toHaveLength(3);
    expect(graph.hasNode('object:User')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { addWorkflow, renderWorkflowCriteria } from '../../../src/graph/build/workflow.js';
import { edgesWhere, field, fieldUpdate, model, newGraph, object, oneEdge, workflow, workflowRule } from './model-kit.js';

describe('addWorkflow', () => {
  const stamp = fieldUpdate('Opportunity', 'Stamp_Reviewed', 'Review_Status__c', { reevaluateOnChange: true });
  const plain = fieldUpdate('Opportunity', 'Set_Flag', 'Flag__c');
  const parentUpdate = fieldUpdate('Opportunity', 'Set_Account_Won', 'Last_Won__c', { targetObject: 'AccountId' });
  const programUpdate = fieldUpdate('Opportunity', 'Set_Program_Total', 'Total__c', { targetObject: 'Program__c' });
  const guessedUpdate = fieldUpdate('Opportunity', 'Set_Region', 'Region_Total__c', { targetObject: 'Region__r' });
  const wonRule = workflowRule('Opportunity', 'Opportunity Won', {
    criteriaItems: [
      { field: 'Opportunity.StageName', operator: 'equals', value: 'Closed Won' },
      { field: 'Opportunity.Amount', operator: 'greaterThan', value: '0' },
      { field: 'Opportunity.Amount', operator: 'equals' },
    ],
    booleanFilter: '1 AND (2 OR 3)',
    actions: [
      { name: 'Stamp_Reviewed', type: 'FieldUpdate' },
      { name: 'Set_Account_Won', type: 'FieldUpdate' },
      { name: 'Set_Program_Total', type: 'FieldUpdate' },
      { name: 'Set_Region', type: 'FieldUpdate' },
      { name: 'Send_To_ERP', type: 'OutboundMessage' },
      { name: 'Notify_Owner', type: 'Alert' },
      { name: 'Post_Article', type: 'KnowledgePublish' },
    ],
    timeTriggerActions: [
      { name: 'Follow_Up', type: 'Task' },
      { name: 'Set_Flag', type: 'FieldUpdate' },
    ],
  });
  const createRule = workflowRule('Opportunity', 'New Deal', { triggerType: 'onCreateOnly', active: false, formula: 'ISNEW() && Amount > 0', actions: [{ name: 'Set_Flag', type: 'FieldUpdate' }] });
  const opportunityWorkflow = workflow('Opportunity', {
    rules: [wonRule, createRule],
    fieldUpdates: [stamp, plain, parentUpdate, programUpdate, guessedUpdate],
    outboundMessages: [
      {
        object: 'Opportunity',
        name: 'Send_To_ERP',
        fullName: 'Opportunity.Send_To_ERP',
        endpointUrl: 'https://erp.example.com/opp',
        fields: ['StageName', 'Amount', 'Id'],
        integrationUser: 'integration@example.com',
        source: { file: 'force-app/main/default/workflows/Opportunity.workflow-meta.xml', line: 30 },
      },
    ],
    alerts: [{ object: 'Opportunity', name: 'Notify_Owner', fullName: 'Opportunity.Notify_Owner', source: { file: 'force-app/main/default/workflows/Opportunity.workflow-meta.xml', line: 3 } }],
    tasks: [{ object: 'Opportunity', name: 'Follow_Up', fullName: 'Opportunity.Follow_Up', subject: 'Call', source: { file: 'force-app/main/default/workflows/Opportunity.workflow-meta.xml', line: 90 } }],
  });
  const opportunity = object('Opportunity', [
    field('Opportunity', 'AccountId', { type: 'Lookup', referenceTo: ['Account'], relationshipName: 'Account', relationship: 'lookup' }),
    field('Opportunity', 'Program__c', { type: 'MasterDetail', referenceTo: ['Program__c'], relationshipName: 'Program', relationship: 'master-detail' }),
  ]);
  const graph = newGraph();
  addWorkflow(graph, model({ objects: [opportunity], workflows: [opportunityWorkflow] }));
  const ruleId = 'workflow-rule:Opportunity.Opportunity Won';

  it('adds a node per rule and fires it on its events with its criteria', () => {
    expect(graph.node(ruleId)).toMatchObject({ automationType: 'workflow-rule', object: 'Opportunity', active: true, source: wonRule.source });
    expect(graph.node('workflow-rule:Opportunity.New Deal')?.active).toBe(false);
    expect(oneEdge(graph, 'fires-on', 'object:Opportunity', ruleId)).toMatchObject({
      events: ['create', 'update'],
      criteria: "Opportunity.StageName = 'Closed Won' AND (Opportunity.Amount > 0 OR Opportunity.Amount = null)",
    });
    expect(oneEdge(graph, 'fires-on', 'object:Opportunity', 'workflow-rule:Opportunity.New Deal')).toMatchObject({ events: ['create'], criteria: 'ISNEW() && Amount > 0' });
    expect(renderWorkflowCriteria(workflowRule('X', 'Y'))).toBeUndefined();
  });

  it('a same-object field update calls its node, writes the record, and adds the implicit re-fire', () => {
    oneEdge(graph, 'calls', ruleId, 'workflow-field-update:Opportunity.Stamp_Reviewed');
    expect(graph.node('workflow-field-update:Opportunity.Stamp_Reviewed')).toMatchObject({ active: true, object: 'Opportunity' });
    const writes = edgesWhere(graph, { kind: 'writes', source: ruleId, target: 'object:Opportunity', fields: ['Opportunity.Review_Status__c'] });
    expect(writes).toHaveLength(2);
    const refire = writes.find((edge) => edge.implicit === 'workflow-refire');
    expect(refire).toMatchObject({
      operation: 'update',
      targetsTriggeringRecord: true,
      confidence: 'certain',
      evidence: stamp.source,
      note: 'field update re-fires before/after update triggers once and re-evaluates workflow rules',
    });
    expect(writes.find((edge) => edge.implicit === undefined)).toMatchObject({ targetsTriggeringRecord: true, operation: 'update' });
  });

  it('a time-dependent field update is async, and its re-fire says nothing of re-evaluation when not set', () => {
    const refire = oneEdge(graph, 'writes', ruleId, 'object:Opportunity', { implicit: 'workflow-refire', fields: ['Opportunity.Flag__c'] });
    expect(refire).toMatchObject({ async: true, note: 'field update re-fires before/after update triggers once' });
  });

  it('a cross-object field update writes the parent, resolved through the lookup field', () => {
    expect(oneEdge(graph, 'writes', ruleId, 'object:Account')).toMatchObject({
      fields: ['Account.Last_Won__c'],
      operation: 'update',
      targetsTriggeringRecord: false,
      implicit: 'cross-object-workflow',
      confidence: 'certain',
    });
    expect(oneEdge(graph, 'writes', ruleId, 'object:Program__c')).toMatchObject({ implicit: 'cross-object-workflow', confidence: 'certain' });
    expect(oneEdge(graph, 'writes', ruleId, 'object:Region__c')).toMatchObject({ implicit: 'cross-object-workflow', confidence: 'likely', fields: ['Region__c.Region_Total__c'] });
    expect(edgesWhere(graph, { kind: 'writes', implicit: 'workflow-refire', fields: ['Opportunity.Last_Won__c'] })).toEqual([]);
  });

  it('an outbound message calls out to its endpoint, async, noting the message and fields', () => {
    oneEdge(graph, 'calls', ruleId, 'outbound-message:Opportunity.Send_To_ERP');
    expect(oneEdge(graph, 'calls-out', ruleId, 'endpoint:https://erp.example.com/opp')).toMatchObject({
      async: true,
      note: 'outbound message Send_To_ERP; fields Amount, Id, StageName; sent as integration@example.com',
    });
  });

  it('an email alert notifies, a time-trigger task creates a Task (async), an unknown action is kept', () => {
    expect(oneEdge(graph, 'calls-out', ruleId, 'email-alert:Opportunity.Notify_Owner')).toMatchObject({ note: 'notify', confidence: 'certain' });
    expect(oneEdge(graph, 'writes', ruleId, 'object:Task')).toMatchObject({ operation: 'create', async: true, targetsTriggeringRecord: false });
    expect(oneEdge(graph, 'calls', ruleId, 'action:KnowledgePublish:Opportunity.Post_Article').confidence).toBe('possible');
  });

  it('finds an action in another workflow file of the same object (split source folders)', () => {
    const g = newGraph();
    const rules = workflow('Case', { rules: [workflowRule('Case', 'Close Parent', { actions: [{ name: 'Close_Parent', type: 'FieldUpdate' }] })] });
    const actions = workflow('Case', { fieldUpdates: [fieldUpdate('Case', 'Close_Parent', 'Status', { targetObject: 'ParentId' })] });
    addWorkflow(g, model({ workflows: [rules, actions] }));
    expect(oneEdge(g, 'calls', 'workflow-rule:Case.Close Parent', 'workflow-field-update:Case.Close_Parent').confidence).toBe('certain');
    // ParentId on Case is the self lookup: the parent is another Case.
    expect(oneEdge(g, 'writes', 'workflow-rule:Case.Close Parent', 'object:Case')).toMatchObject({
      implicit: 'cross-object-workflow',
      targetsTriggeringRecord: false,
      confidence: 'likely',
      fields: ['Case.Status'],
    });
  });

  it('an action the project does not hold is kept as a possible call, with no write', () => {
    const g = newGraph();
    addWorkflow(g, model({ workflows: [workflow('Lead', { rules: [workflowRule('Lead', 'R', { actions: [{ name: 'Gone', type: 'FieldUpdate' }] })] })] }));
    expect(oneEdge(g, 'calls', 'workflow-rule:Lead.R', 'workflow-field-update:Lead.Gone').confidence).toBe('possible');
    expect(edgesWhere(g, { kind: 'writes' })).toEqual([]);
  });
});

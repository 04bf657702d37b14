import { describe, expect, it } from 'vitest';
import { fixtureFlow, inlineFlow } from './flow-test-kit.js';

describe('parseFlow: flow header and trigger', () => {
  it('reads a before-save record-triggered flow with entry filters and trigger order', () => {
    const flow = fixtureFlow('Account_Before_Save_Defaults.flow-meta.xml');
    expect(flow.name).toBe('Account_Before_Save_Defaults');
    expect(flow.label).toBe('Account Before Save Defaults');
    expect(flow.description).toBe('Defaults rating and tier on new and changed customer accounts.');
    expect(flow.processType).toBe('AutoLaunchedFlow');
    expect(flow.status).toBe('Active');
    expect(flow.apiVersion).toBe('62.0');
    expect(flow.isProcessBuilder).toBe(false);
    expect(flow.source).toEqual({ file: 'fixtures/parsers/flow/Account_Before_Save_Defaults.flow-meta.xml' });
    expect(flow.trigger).toEqual({
      kind: 'record',
      object: 'Account',
      triggerType: 'RecordBeforeSave',
      recordTriggerType: 'CreateAndUpdate',
      filterLogic: '1 AND (2 OR 3)',
      filters: [
        { field: 'Type', operator: 'EqualTo', value: 'Customer - Direct' },
        { field: 'AnnualRevenue', operator: 'GreaterThan', value: '1000000.0' },
        { field: 'IsPartner__c', operator: 'EqualTo', value: 'true' },
      ],
      requiresRecordChanged: true,
      triggerOrder: 100,
      scheduledPaths: [],
      target: 'Which_Segment',
    });
  });

  it('reads an after-save flow with a filter formula and both kinds of scheduled path', () => {
    const flow = fixtureFlow('Opportunity_After_Save_Sync.flow-meta.xml');
    expect(flow.trigger.kind).toBe('record');
    expect(flow.trigger.object).toBe('Opportunity');
    expect(flow.trigger.triggerType).toBe('RecordAfterSave');
    expect(flow.trigger.recordTriggerType).toBe('CreateAndUpdate');
    expect(flow.trigger.filters).toEqual([]);
    expect(flow.trigger.filterLogic).toBeUndefined();
    // Entities decoded: &amp;&amp; and &gt; come back as written in Flow Builder.
    expect(flow.trigger.filterFormula).toBe('ISCHANGED({!$Record.StageName}) && {!$Record.Amount} > 100000');
    expect(flow.trigger.requiresRecordChanged).toBe(false);
    expect(flow.trigger.triggerOrder).toBeUndefined();
    expect(flow.trigger.target).toBe('Get_Open_Cases');
    expect(flow.trigger.scheduledPaths).toEqual([
      {
        name: 'X3_Days_Before_Close',
        label: '3 Days Before Close',
        offsetNumber: -3,
        offsetUnit: 'Days',
        recordField: 'CloseDate',
        timeSource: 'RecordField',
        target: 'Create_Follow_Up_Task',
      },
      { pathType: 'AsyncAfterCommit', target: 'Notify_Owner' },
    ]);
  });

  it('reads a platform-event-triggered flow', () => {
    const flow = fixtureFlow('Order_Shipped_Listener.flow-meta.xml');
    expect(flow.trigger).toEqual({
      kind: 'platform-event',
      object: 'Order_Shipped__e',
      triggerType: 'PlatformEvent',
      filters: [],
      requiresRecordChanged: false,
      scheduledPaths: [],
      target: 'Get_Order',
    });
  });

  it('reads a schedule-triggered flow with its record filters (dateValue kept as written)', () => {
    const flow = fixtureFlow('Nightly_Contract_Expiry.flow-meta.xml');
    expect(flow.trigger.kind).toBe('scheduled');
    expect(flow.trigger.triggerType).toBe('Scheduled');
    expect(flow.trigger.object).toBe('Contract');
    expect(flow.trigger.recordTriggerType).toBeUndefined();
    expect(flow.trigger.filterLogic).toBe('and');
    expect(flow.trigger.filters).toEqual([
      { field: 'Status', operator: 'EqualTo', value: 'Activated' },
      { field: 'EndDate', operator: 'LessThan', value: '2024-01-01' },
    ]);
    expect(flow.trigger.target).toBe('Expire_Contract');
  });

  it('reads a record-triggered orchestration', () => {
    const flow = fixtureFlow('Account_Onboarding_Orchestration.flow-meta.xml');
    expect(flow.processType).toBe('Orchestrator');
    expect(flow.trigger.kind).toBe('record');
    expect(flow.trigger.object).toBe('Account');
    expect(flow.trigger.recordTriggerType).toBe('Create');
    expect(flow.trigger.target).toBe('Review_Stage');
  });

  it('reads a Draft screen flow with no trigger', () => {
    const flow = fixtureFlow('Case_Intake_Screen.flow-meta.xml');
    expect(flow.status).toBe('Draft');
    expect(flow.processType).toBe('Flow');
    expect(flow.trigger).toEqual({
      kind: 'none',
      filters: [],
      requiresRecordChanged: false,
      scheduledPaths: [],
      target: 'Enter_Case',
    });
  });

  it('keeps Obsolete as the status', () => {
    expect(fixtureFlow('Invoice_Payment_Reminder.flow-meta.xml').status).toBe('Obsolete');
  });

  it('reads an older flow: startElementReference as the target, Active when status is absent, no apiVersion', () => {
    const flow = fixtureFlow('Legacy_Lead_Router.flow');
    expect(flow.name).toBe('Legacy_Lead_Router');
    expect(flow.status).toBe('Active');
    expect(flow.apiVersion).toBeUndefined();
    expect(flow.trigger.kind).toBe('none');
    expect(flow.trigger.target).toBe('Qualify');
  });

  it('reads a before-delete trigger and a triggerOrder written inside <start>', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <label>Lead Before Delete</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <object>Lead</object>
        <recordTriggerType>Delete</recordTriggerType>
        <triggerOrder>20</triggerOrder>
        <triggerType>RecordBeforeDelete</triggerType>
    </start>
    <status>Active</status>`);
    expect(flow.trigger.kind).toBe('record');
    expect(flow.trigger.triggerType).toBe('RecordBeforeDelete');
    expect(flow.trigger.recordTriggerType).toBe('Delete');
    expect(flow.trigger.triggerOrder).toBe(20);
    expect(flow.trigger.target).toBeUndefined();
  });

  it('keeps an unknown trigger type as written with kind none', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <label>Segment Flow</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <triggerType>Segment</triggerType>
    </start>
    <status>Active</status>`);
    expect(flow.trigger.kind).toBe('none');
    expect(flow.trigger.triggerType).toBe('Segment');
  });
});

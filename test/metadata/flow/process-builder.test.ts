import { describe, expect, it } from 'vitest';
import { elementNamed, fixtureFlow, inlineFlow } from './flow-test-kit.js';

const PB_HEADER = (objectType: string, triggerType: string, processType = 'Workflow'): string => `
    <apiVersion>49.0</apiVersion>
    <label>Inline Process</label>
    <processMetadataValues>
        <name>ObjectType</name>
        <value>
            <stringValue>${objectType}</stringValue>
        </value>
    </processMetadataValues>
    <processMetadataValues>
        <name>ObjectVariable</name>
        <value>
            <elementReference>myVariable_current</elementReference>
        </value>
    </processMetadataValues>
    <processMetadataValues>
        <name>OldObjectVariable</name>
        <value>
            <elementReference>myVariable_old</elementReference>
        </value>
    </processMetadataValues>
    <processMetadataValues>
        <name>TriggerType</name>
        <value>
            <stringValue>${triggerType}</stringValue>
        </value>
    </processMetadataValues>
    <processType>${processType}</processType>`;

describe('parseFlow: Process Builder', () => {
  const escalation = fixtureFlow('Case_Escalation_Process.flow-meta.xml');

  it('takes object and trigger type from processMetadataValues (runs after save)', () => {
    expect(escalation.isProcessBuilder).toBe(true);
    expect(escalation.processType).toBe('Workflow');
    expect(escalation.apiVersion).toBe('49.0');
    expect(escalation.trigger).toEqual({
      kind: 'record',
      object: 'Case',
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'CreateAndUpdate',
      filters: [],
      requiresRecordChanged: false,
      scheduledPaths: [],
      processBuilderTriggerType: 'onAllChanges',
      target: 'myDecision',
    });
  });

  it('an update filtered on Id = myVariable_current.Id targets the triggering record', () => {
    expect(elementNamed(escalation, 'myRule_1_A1')).toEqual({
      kind: 'recordUpdate',
      name: 'myRule_1_A1',
      label: 'Mark escalated',
      line: 118,
      connectors: [{ kind: 'next', target: 'myRule_1_A2' }],
      object: 'Case',
      targetsTriggeringRecord: true,
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!myVariable_current.Id}' }],
      fields: ['IsEscalated'],
    });
  });

  it('an update of [Case].Account (a related record) does not', () => {
    expect(elementNamed(escalation, 'myRule_1_A2')).toMatchObject({
      object: 'Account',
      targetsTriggeringRecord: false,
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!myVariable_current.AccountId}' }],
      fields: ['Has_Escalated_Case__c'],
      line: 202,
    });
  });

  it('reads the decision rule and the email alert action', () => {
    expect(elementNamed(escalation, 'myDecision')).toMatchObject({
      kind: 'decision',
      line: 33,
      connectors: [{ kind: 'rule', target: 'myRule_1_A1', label: 'myRule_1' }],
    });
    expect(elementNamed(escalation, 'myRule_1_A3')).toMatchObject({
      kind: 'actionCall',
      actionType: 'emailAlert',
      actionName: 'Case.Case_Escalation_Notice',
    });
  });

  it('onCreateOnly means Create; a Draft process keeps its status', () => {
    const welcome = fixtureFlow('Contact_Welcome_Process.flow-meta.xml');
    expect(welcome.status).toBe('Draft');
    expect(welcome.trigger).toMatchObject({
      kind: 'record',
      object: 'Contact',
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'Create',
      processBuilderTriggerType: 'onCreateOnly',
      target: 'myDecision',
    });
    expect(elementNamed(welcome, 'myRule_1_A1')).toMatchObject({
      kind: 'recordCreate',
      object: 'Task',
      targetsTriggeringRecord: false,
      fields: ['Subject', 'WhoId'],
    });
  });

  it('an update whose inputReference is myVariable_current or myVariable_old targets the triggering record', () => {
    const flow = inlineFlow(`${PB_HEADER('Contact', 'onAllChanges')}
    <recordUpdates>
        <name>myRule_1_A1</name>
        <label>Update current</label>
        <inputAssignments>
            <field>Description</field>
            <value>
                <stringValue>Seen</stringValue>
            </value>
        </inputAssignments>
        <inputReference>myVariable_current</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>myRule_1_A2</name>
        <label>Update old</label>
        <inputReference>myVariable_old</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>myRule_1_A3</name>
        <label>Update with object and Id filter</label>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>myVariable_current.Id</elementReference>
            </value>
        </filters>
        <object>Contact</object>
    </recordUpdates>
    <recordUpdates>
        <name>myRule_1_A4</name>
        <label>Other object, same Id reference</label>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>myVariable_current.Id</elementReference>
            </value>
        </filters>
        <object>Lead</object>
    </recordUpdates>
    <startElementReference>myDecision</startElementReference>
    <status>Active</status>`);
    expect(elementNamed(flow, 'myRule_1_A1')).toMatchObject({ object: 'Contact', targetsTriggeringRecord: true, fields: ['Description'] });
    expect(elementNamed(flow, 'myRule_1_A2')).toMatchObject({ object: 'Contact', targetsTriggeringRecord: true });
    expect(elementNamed(flow, 'myRule_1_A3')).toMatchObject({ object: 'Contact', targetsTriggeringRecord: true });
    expect(elementNamed(flow, 'myRule_1_A4')).toMatchObject({ object: 'Lead', targetsTriggeringRecord: false });
  });

  it('outside Process Builder, myVariable_current is just a variable', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <label>Not A Process</label>
    <processType>AutoLaunchedFlow</processType>
    <recordUpdates>
        <name>Update_It</name>
        <label>Update It</label>
        <inputReference>myVariable_current</inputReference>
    </recordUpdates>
    <start>
        <object>Contact</object>
        <recordTriggerType>Update</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>
    <variables>
        <name>myVariable_current</name>
        <dataType>SObject</dataType>
        <isCollection>false</isCollection>
        <isInput>true</isInput>
        <isOutput>false</isOutput>
        <objectType>Contact</objectType>
    </variables>`);
    expect(flow.isProcessBuilder).toBe(false);
    expect(elementNamed(flow, 'Update_It')).toMatchObject({ object: 'Contact', targetsTriggeringRecord: false });
  });

  it('a platform-event process (CustomEvent) is a Process Builder triggered by its event', () => {
    const flow = inlineFlow(`${PB_HEADER('Order_Shipped__e', 'onAllChanges', 'CustomEvent')}
    <status>Active</status>`);
    expect(flow.isProcessBuilder).toBe(true);
    expect(flow.trigger).toMatchObject({ kind: 'platform-event', object: 'Order_Shipped__e', triggerType: 'PlatformEvent' });
    expect(flow.trigger.recordTriggerType).toBeUndefined();
  });

  it('an invocable process is a Process Builder with no trigger of its own', () => {
    const flow = inlineFlow(`${PB_HEADER('Account', 'onAllChanges', 'InvocableProcess')}
    <status>Active</status>`);
    expect(flow.isProcessBuilder).toBe(true);
    expect(flow.trigger.kind).toBe('none');
    expect(flow.trigger.object).toBe('Account');
    expect(flow.trigger.triggerType).toBeUndefined();
  });

  it('a Workflow process without ObjectType has no record trigger', () => {
    const flow = inlineFlow(`
    <apiVersion>49.0</apiVersion>
    <label>Broken Process</label>
    <processType>Workflow</processType>
    <status>Active</status>`);
    expect(flow.isProcessBuilder).toBe(true);
    expect(flow.trigger).toEqual({ kind: 'none', filters: [], requiresRecordChanged: false, scheduledPaths: [] });
  });
});

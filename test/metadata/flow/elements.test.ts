import { describe, expect, it } from 'vitest';
import type { FlowElementKind } from '../../../src/metadata/model.js';
import { elementNamed, fixtureFlow, inlineFlow } from './flow-test-kit.js';

const beforeSave = fixtureFlow('Account_Before_Save_Defaults.flow-meta.xml');
const afterSave = fixtureFlow('Opportunity_After_Save_Sync.flow-meta.xml');
const screen = fixtureFlow('Case_Intake_Screen.flow-meta.xml');
const reminder = fixtureFlow('Invoice_Payment_Reminder.flow-meta.xml');
const orchestration = fixtureFlow('Account_Onboarding_Orchestration.flow-meta.xml');
const legacy = fixtureFlow('Legacy_Lead_Router.flow');
const listener = fixtureFlow('Order_Shipped_Listener.flow-meta.xml');

describe('parseFlow: elements', () => {
  it('lists every element in file order: by element type, then as written', () => {
    expect(afterSave.elements.map((element) => [element.kind, element.name])).toEqual([
      ['actionCall', 'Notify_Owner'],
      ['actionCall', 'Sync_To_ERP'],
      ['assignment', 'Raise_Case_Priority'],
      ['loop', 'Loop_Open_Cases'],
      ['recordCreate', 'Create_Follow_Up_Task'],
      ['recordDelete', 'Delete_Draft_Quotes'],
      ['recordLookup', 'Get_Open_Cases'],
      ['recordUpdate', 'Mark_Opportunity_Synced'],
      ['recordUpdate', 'Stamp_Opportunity_By_Id'],
      ['recordUpdate', 'Update_Cases'],
      ['recordUpdate', 'Update_Parent_Account'],
      ['subflow', 'Recalculate_Account_Score'],
    ]);
  });

  it('does not list resources (variables, constants, formulas, start) as elements', () => {
    expect(beforeSave.elements.map((element) => element.name)).toEqual([
      'Set_Enterprise_Rating',
      'Block_Inactive_Owner',
      'Which_Segment',
      'Stamp_Review_Date',
    ]);
  });

  it('gives each element kind for its metadata list', () => {
    const kinds = new Map<string, FlowElementKind>();
    for (const flow of [beforeSave, afterSave, screen, reminder, orchestration, legacy]) {
      for (const element of flow.elements) kinds.set(element.name, element.kind);
    }
    expect(Object.fromEntries(kinds)).toMatchObject({
      Stamp_Review_Date: 'recordUpdate',
      Create_Follow_Up_Task: 'recordCreate',
      Delete_Draft_Quotes: 'recordDelete',
      Get_Open_Cases: 'recordLookup',
      Undo_Changes: 'recordRollback',
      Set_Enterprise_Rating: 'assignment',
      Recalculate_Account_Score: 'subflow',
      Sync_To_ERP: 'actionCall',
      Legacy_Geocode: 'apexPluginCall',
      Loop_Open_Cases: 'loop',
      Which_Segment: 'decision',
      Wait_For_Payment: 'wait',
      Enter_Case: 'screen',
      Filter_Open_Contacts: 'collectionProcessor',
      Map_Invoice_Lines: 'transform',
      Block_Inactive_Owner: 'customError',
      Review_Stage: 'orchestratedStage',
      Qualify: 'step',
    });
  });

  it('finds element lines from <name>', () => {
    expect(elementNamed(beforeSave, 'Set_Enterprise_Rating').line).toBe(5);
    expect(elementNamed(beforeSave, 'Block_Inactive_Owner').line).toBe(42);
    expect(elementNamed(beforeSave, 'Which_Segment').line).toBe(52);
    expect(elementNamed(beforeSave, 'Stamp_Review_Date').line).toBe(106);
    expect(elementNamed(afterSave, 'Mark_Opportunity_Synced').line).toBe(172);
    expect(elementNamed(afterSave, 'Recalculate_Account_Score').line).toBe(281);
  });

  it('takes the element line, not an earlier nested <name> with the same text', () => {
    const flow = inlineFlow(`
    <actionCalls>
        <name>Call_Service</name>
        <label>Call Service</label>
        <actionName>Service</actionName>
        <actionType>apex</actionType>
        <inputParameters>
            <name>Update_Record</name>
            <value>
                <booleanValue>true</booleanValue>
            </value>
        </inputParameters>
    </actionCalls>
    <apiVersion>62.0</apiVersion>
    <recordUpdates>
        <name>Update_Record</name>
        <label>Update Record</label>
        <inputReference>$Record</inputReference>
    </recordUpdates>`);
    // Line 1 is the XML declaration, line 2 <Flow>, line 3 blank (the template's newline).
    // The action's input parameter named Update_Record sits on line 10; the element is on line 18.
    expect(elementNamed(flow, 'Call_Service').line).toBe(5);
    expect(elementNamed(flow, 'Update_Record').line).toBe(18);
  });
});

describe('parseFlow: record elements', () => {
  it('assignments in a before-save flow keep targets, operators and values (references as {!x})', () => {
    expect(elementNamed(beforeSave, 'Set_Enterprise_Rating')).toEqual({
      kind: 'assignment',
      name: 'Set_Enterprise_Rating',
      label: 'Set Enterprise Rating',
      line: 5,
      connectors: [{ kind: 'next', target: 'Stamp_Review_Date' }],
      assignments: [
        { target: '$Record.Rating', operator: 'Assign', value: 'Hot' },
        { target: '$Record.Tier__c', operator: 'Assign', value: '{!EnterpriseTier}' },
        { target: '$Record.NumberOfEmployees', operator: 'Add', value: '1.0' },
      ],
    });
  });

  it('a before-save update of $Record targets the triggering record', () => {
    expect(elementNamed(beforeSave, 'Stamp_Review_Date')).toMatchObject({
      kind: 'recordUpdate',
      object: 'Account',
      inputReference: '$Record',
      targetsTriggeringRecord: true,
      fields: ['Last_Reviewed__c'],
      filters: [],
      connectors: [],
    });
  });

  it('an after-save update of $Record targets the triggering record', () => {
    expect(elementNamed(afterSave, 'Mark_Opportunity_Synced')).toEqual({
      kind: 'recordUpdate',
      name: 'Mark_Opportunity_Synced',
      label: 'Mark Opportunity Synced',
      line: 172,
      connectors: [{ kind: 'next', target: 'Update_Parent_Account' }],
      object: 'Opportunity',
      inputReference: '$Record',
      targetsTriggeringRecord: true,
      filters: [],
      fields: ['Synced__c', 'NextStep'],
    });
  });

  it('an update filtered on Id = {!$Record.Id} of the trigger object targets the triggering record', () => {
    const element = elementNamed(afterSave, 'Stamp_Opportunity_By_Id');
    expect(element.object).toBe('Opportunity');
    expect(element.inputReference).toBeUndefined();
    expect(element.targetsTriggeringRecord).toBe(true);
    expect(element.filters).toEqual([{ field: 'Id', operator: 'EqualTo', value: '{!$Record.Id}' }]);
  });

  it('an update of another object (the parent Account) does not target the triggering record', () => {
    expect(elementNamed(afterSave, 'Update_Parent_Account')).toMatchObject({
      object: 'Account',
      targetsTriggeringRecord: false,
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!$Record.AccountId}' }],
      fields: ['Last_Opportunity_Change__c'],
    });
  });

  it('an update of a collection variable takes its object from the variable', () => {
    expect(elementNamed(afterSave, 'Update_Cases')).toMatchObject({
      object: 'Case',
      inputReference: 'varCasesToUpdate',
      targetsTriggeringRecord: false,
      fields: [],
    });
  });

  it('an update of a Get Records result takes the object of that element', () => {
    expect(elementNamed(listener, 'Mark_Order_Shipped')).toMatchObject({
      object: 'Order',
      inputReference: 'Get_Order',
      targetsTriggeringRecord: false,
      fields: ['Status'],
    });
  });

  it('a platform event publish is a record create on the __e object', () => {
    expect(elementNamed(listener, 'Publish_Order_Audit_Event')).toMatchObject({
      kind: 'recordCreate',
      object: 'Order_Audit__e',
      targetsTriggeringRecord: false,
      fields: ['Order_Id__c'],
    });
  });

  it('a lookup keeps filters with element references and literals', () => {
    const element = elementNamed(afterSave, 'Get_Open_Cases');
    expect(element).toMatchObject({ kind: 'recordLookup', object: 'Case', targetsTriggeringRecord: false });
    expect(element.filters).toEqual([
      { field: 'AccountId', operator: 'EqualTo', value: '{!$Record.AccountId}' },
      { field: 'IsClosed', operator: 'EqualTo', value: 'false' },
    ]);
    expect(element.fields).toBeUndefined();
    expect(element.connectors).toEqual([{ kind: 'next', target: 'Loop_Open_Cases' }]);
  });

  it('creates list assigned fields; deletes list filters', () => {
    expect(elementNamed(afterSave, 'Create_Follow_Up_Task')).toMatchObject({
      object: 'Task',
      fields: ['OwnerId', 'Subject', 'WhatId'],
      targetsTriggeringRecord: false,
    });
    expect(elementNamed(afterSave, 'Create_Follow_Up_Task').filters).toBeUndefined();
    expect(elementNamed(afterSave, 'Delete_Draft_Quotes')).toMatchObject({
      kind: 'recordDelete',
      object: 'Quote',
      targetsTriggeringRecord: false,
      filters: [
        { field: 'OpportunityId', operator: 'EqualTo', value: '{!$Record.Id}' },
        { field: 'Status', operator: 'EqualTo', value: 'Draft' },
      ],
    });
  });

  it('a create from an SObject variable takes the variable object type', () => {
    expect(elementNamed(screen, 'Save_Case')).toMatchObject({ kind: 'recordCreate', object: 'Case', inputReference: 'newCase', fields: [] });
  });

  it('without a trigger, an Id filter never means the triggering record', () => {
    expect(elementNamed(legacy, 'Assign_To_Sales')).toMatchObject({
      object: 'Lead',
      targetsTriggeringRecord: false,
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!LeadId}' }],
      fields: ['OwnerId'],
    });
  });

  it('resolves objects through standard relationships, loops and $Record__Prior, and leaves custom paths unknown', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <label>Case Relations</label>
    <loops>
        <name>Each_Sibling</name>
        <label>Each Sibling</label>
        <collectionReference>Get_Siblings</collectionReference>
        <iterationOrder>Asc</iterationOrder>
        <nextValueConnector>
            <targetReference>Update_Sibling</targetReference>
        </nextValueConnector>
    </loops>
    <processType>AutoLaunchedFlow</processType>
    <recordLookups>
        <name>Get_Siblings</name>
        <label>Get Siblings</label>
        <filters>
            <field>ParentId</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>$Record.ParentId</elementReference>
            </value>
        </filters>
        <getFirstRecordOnly>false</getFirstRecordOnly>
        <object>Case</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordLookups>
        <name>Get_Prior_Self</name>
        <label>Get Prior Self</label>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>$Record__Prior.Id</elementReference>
            </value>
        </filters>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Case</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordLookups>
        <name>Get_Self</name>
        <label>Get Self</label>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>$Record.Id</elementReference>
            </value>
        </filters>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Case</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordUpdates>
        <name>Update_Account</name>
        <label>Update Account</label>
        <inputReference>$Record.Account</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>Update_Parent_Case</name>
        <label>Update Parent Case</label>
        <inputReference>$Record.Parent</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>Update_Prior</name>
        <label>Update Prior</label>
        <inputReference>$Record__Prior</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>Update_Sibling</name>
        <label>Update Sibling</label>
        <connector>
            <targetReference>Each_Sibling</targetReference>
        </connector>
        <inputReference>Each_Sibling</inputReference>
    </recordUpdates>
    <recordUpdates>
        <name>Update_Custom_Parent</name>
        <label>Update Custom Parent</label>
        <inputReference>$Record.Program__r</inputReference>
    </recordUpdates>
    <start>
        <object>Case</object>
        <recordTriggerType>Update</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>`);
    expect(elementNamed(flow, 'Update_Account')).toMatchObject({ object: 'Account', targetsTriggeringRecord: false });
    expect(elementNamed(flow, 'Update_Parent_Case')).toMatchObject({ object: 'Case', targetsTriggeringRecord: false });
    expect(elementNamed(flow, 'Update_Prior')).toMatchObject({ object: 'Case', targetsTriggeringRecord: false });
    expect(elementNamed(flow, 'Update_Sibling')).toMatchObject({ object: 'Case', targetsTriggeringRecord: false });
    expect(elementNamed(flow, 'Update_Custom_Parent').object).toBeUndefined();
    expect(elementNamed(flow, 'Update_Custom_Parent').targetsTriggeringRecord).toBe(false);
    expect(elementNamed(flow, 'Get_Prior_Self').targetsTriggeringRecord).toBe(false);
    expect(elementNamed(flow, 'Get_Self').targetsTriggeringRecord).toBe(true);
  });

  it('leaves the object unknown when a variable has no object type', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <recordUpdates>
        <name>Update_Anything</name>
        <label>Update Anything</label>
        <inputReference>recordsText</inputReference>
    </recordUpdates>
    <variables>
        <name>recordsText</name>
        <dataType>String</dataType>
        <isCollection>false</isCollection>
        <isInput>true</isInput>
        <isOutput>false</isOutput>
    </variables>`);
    expect(elementNamed(flow, 'Update_Anything')).toMatchObject({ inputReference: 'recordsText', targetsTriggeringRecord: false });
    expect(elementNamed(flow, 'Update_Anything').object).toBeUndefined();
  });
});

describe('parseFlow: other element details', () => {
  it('subflows keep the called flow', () => {
    expect(elementNamed(afterSave, 'Recalculate_Account_Score')).toMatchObject({
      kind: 'subflow',
      flowName: 'Account_Score_Recalculate',
      connectors: [{ kind: 'next', target: 'Stamp_Opportunity_By_Id' }],
    });
  });

  it('action calls keep type and name', () => {
    expect(elementNamed(afterSave, 'Notify_Owner')).toMatchObject({ actionType: 'emailAlert', actionName: 'Opportunity.Big_Deal_Alert', connectors: [] });
    expect(elementNamed(afterSave, 'Sync_To_ERP')).toMatchObject({ actionType: 'apex', actionName: 'OpportunityErpSync' });
    expect(elementNamed(reminder, 'Send_Reminder')).toMatchObject({ actionType: 'emailSimple', actionName: 'emailSimple' });
    expect(elementNamed(screen, 'Classify_Case')).toMatchObject({ actionType: 'apex', actionName: 'CaseClassifier' });
  });

  it('apex plugin calls keep the class as actionName', () => {
    expect(elementNamed(screen, 'Legacy_Geocode')).toMatchObject({
      kind: 'apexPluginCall',
      actionName: 'GeocodePlugin',
      connectors: [{ kind: 'next', target: 'Save_Case' }],
    });
  });

  it('loops keep the collection and their next/end connectors', () => {
    expect(elementNamed(afterSave, 'Loop_Open_Cases')).toEqual({
      kind: 'loop',
      name: 'Loop_Open_Cases',
      label: 'Loop Open Cases',
      line: 69,
      collectionReference: 'Get_Open_Cases',
      connectors: [
        { kind: 'loop-next', target: 'Raise_Case_Priority' },
        { kind: 'loop-end', target: 'Update_Cases' },
      ],
    });
  });

  it('decisions list the default connector and each rule, named by the rule', () => {
    expect(elementNamed(screen, 'Route_Case').connectors).toEqual([
      { kind: 'default', target: 'Save_Case' },
      { kind: 'rule', target: 'Legacy_Geocode', label: 'Needs_Geocode' },
      { kind: 'rule', target: 'Undo_Changes', label: 'Duplicate_Found' },
    ]);
    expect(elementNamed(beforeSave, 'Which_Segment').connectors).toEqual([
      { kind: 'rule', target: 'Set_Enterprise_Rating', label: 'Enterprise' },
      { kind: 'rule', target: 'Block_Inactive_Owner', label: 'Owner_Inactive' },
    ]);
  });

  it('waits list default, fault and each wait event', () => {
    expect(elementNamed(reminder, 'Wait_For_Payment').connectors).toEqual([
      { kind: 'default', target: 'Send_Reminder' },
      { kind: 'fault', target: 'Send_Reminder' },
      { kind: 'wait-event', target: 'Send_Reminder', label: 'Three_Days_After_Due' },
      { kind: 'wait-event', target: 'Close_Out', label: 'Payment_Received' },
    ]);
  });

  it('screens, collection processors, transforms, custom errors, rollbacks, stages and steps keep their connectors', () => {
    expect(elementNamed(screen, 'Enter_Case')).toMatchObject({ kind: 'screen', connectors: [{ kind: 'next', target: 'Classify_Case' }] });
    expect(elementNamed(screen, 'Finish_Screen').connectors).toEqual([]);
    expect(elementNamed(screen, 'Filter_Open_Contacts')).toMatchObject({
      kind: 'collectionProcessor',
      connectors: [{ kind: 'next', target: 'Finish_Screen' }],
    });
    expect(elementNamed(screen, 'Undo_Changes')).toEqual({
      kind: 'recordRollback',
      name: 'Undo_Changes',
      label: 'Undo Changes',
      line: 126,
      connectors: [{ kind: 'next', target: 'Finish_Screen' }],
    });
    expect(elementNamed(reminder, 'Map_Invoice_Lines')).toMatchObject({ kind: 'transform', connectors: [{ kind: 'next', target: 'Wait_For_Payment' }] });
    expect(elementNamed(beforeSave, 'Block_Inactive_Owner')).toMatchObject({ kind: 'customError', label: 'Block Inactive Owner', connectors: [] });
    expect(orchestration.elements.map((element) => [element.kind, element.name, element.connectors])).toEqual([
      ['orchestratedStage', 'Review_Stage', [{ kind: 'next', target: 'Activation_Stage' }]],
      ['orchestratedStage', 'Activation_Stage', []],
    ]);
    expect(elementNamed(legacy, 'Qualify').connectors).toEqual([
      { kind: 'next', target: 'Is_Hot' },
      { kind: 'next', target: 'Nurture' },
    ]);
  });

  it('keeps connectors to elements that do not exist, as written', () => {
    const names = new Set(afterSave.elements.map((element) => element.name));
    expect(names.has('Log_Sync_Failure')).toBe(false);
    expect(elementNamed(afterSave, 'Sync_To_ERP').connectors).toEqual([
      { kind: 'next', target: 'Recalculate_Account_Score' },
      { kind: 'fault', target: 'Log_Sync_Failure' },
    ]);
    expect(elementNamed(screen, 'Save_Case').connectors).toContainEqual({ kind: 'fault', target: 'Show_Error' });
  });

  it('turns an unknown element type with a <name> into kind other, and ignores unknown settings without one', () => {
    const flow = inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <assignments>
        <name>First</name>
        <label>First</label>
        <assignmentItems>
            <assignToReference>count</assignToReference>
            <operator>Add</operator>
            <value>
                <numberValue>1.0</numberValue>
            </value>
        </assignmentItems>
        <connector>
            <targetReference>Mystery_Step</targetReference>
        </connector>
    </assignments>
    <experimentalSettings>
        <mode>fast</mode>
    </experimentalSettings>
    <holograms>
        <name>Mystery_Step</name>
        <label>Mystery Step</label>
        <connector>
            <targetReference>Nowhere</targetReference>
        </connector>
        <faultConnector>
            <targetReference>First</targetReference>
        </faultConnector>
    </holograms>
    <label>Future Flow</label>
    <processType>AutoLaunchedFlow</processType>
    <status>Active</status>
    <textTemplates>
        <name>Body</name>
        <isViewedAsPlainText>true</isViewedAsPlainText>
        <text>Hello</text>
    </textTemplates>
    <variables>
        <name>count</name>
        <dataType>Number</dataType>
        <isCollection>false</isCollection>
        <isInput>false</isInput>
        <isOutput>false</isOutput>
        <scale>0</scale>
    </variables>`);
    expect(flow.elements.map((element) => element.name)).toEqual(['First', 'Mystery_Step']);
    expect(elementNamed(flow, 'Mystery_Step')).toEqual({
      kind: 'other',
      name: 'Mystery_Step',
      label: 'Mystery Step',
      line: 23,
      connectors: [
        { kind: 'next', target: 'Nowhere' },
        { kind: 'fault', target: 'First' },
      ],
    });
  });
});

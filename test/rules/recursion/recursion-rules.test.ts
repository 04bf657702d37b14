import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import {
  apexClass,
  apexTrigger,
  assignmentElement,
  createRecordElement,
  customObject,
  type DxFile,
  masterDetailField,
  recordTriggeredFlow,
  rollupField,
  updateRecordElement,
  writeProject,
} from '../../helpers/dx-project.js';

async function findings(files: DxFile[], prefix = 'recursion/'): Promise<Finding[]> {
  const root = writeProject(files);
  const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
  expect(result.ruleErrors).toEqual([]);
  expect(result.parseIssues).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId.startsWith(prefix));
}

const summary = (list: Finding[]): string[] => list.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.object ?? ''}`);

describe('recursion/self-update', () => {
  it('does not fire for a before-save flow assigning fields on its own record', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }]),
      recordTriggeredFlow({
        name: 'Ticket_Before_Save',
        object: 'Ticket__c',
        triggerType: 'RecordBeforeSave',
        firstElement: 'Set_Status',
        elements: assignmentElement('Set_Status', { '$Record.Status__c': 'New' }),
      }),
    ]);
    expect(list).toEqual([]);
  });

  it('fires high for an after-save flow updating $Record with no entry criteria', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }]),
      recordTriggeredFlow({
        name: 'Ticket_After_Save',
        object: 'Ticket__c',
        triggerType: 'RecordAfterSave',
        firstElement: 'Update_Ticket',
        elements: updateRecordElement('Update_Ticket', { inputReference: '$Record', fields: { Status__c: 'Triaged' } }),
      }),
    ]);
    expect(summary(list)).toEqual(['recursion/self-update high Ticket__c']);
    expect(list[0]!.components).toEqual([{ type: 'Flow', name: 'Ticket_After_Save', file: 'force-app/main/default/flows/Ticket_After_Save.flow-meta.xml' }]);
    expect(list[0]!.evidence[0]).toMatchObject({ file: 'force-app/main/default/flows/Ticket_After_Save.flow-meta.xml', line: expect.any(Number) });
    expect(list[0]!.message).toContain('nothing stops it');
  });

  it('grades an isChanged-guarded after-save update low, with the reason', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }, { name: 'Priority__c' }]),
      recordTriggeredFlow({
        name: 'Ticket_Priority_Changed',
        object: 'Ticket__c',
        triggerType: 'RecordAfterSave',
        recordTriggerType: 'Update',
        filterFormula: 'ISCHANGED({!$Record.Priority__c})',
        firstElement: 'Update_Ticket',
        elements: updateRecordElement('Update_Ticket', { inputReference: '$Record', fields: { Status__c: 'Escalated' } }),
      }),
    ]);
    expect(summary(list)).toEqual(['recursion/self-update low Ticket__c']);
    expect(list[0]!.message).toMatch(/runs only when the record changes.*writes only Ticket__c\.Status__c/);
  });

  it('grades medium, not low, when the change-only flow writes the field it watches', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Priority__c' }]),
      recordTriggeredFlow({
        name: 'Ticket_Priority_Bump',
        object: 'Ticket__c',
        triggerType: 'RecordAfterSave',
        filterFormula: 'ISCHANGED({!$Record.Priority__c})',
        firstElement: 'Update_Ticket',
        elements: updateRecordElement('Update_Ticket', { inputReference: '$Record', fields: { Priority__c: 'High' } }),
      }),
    ]);
    expect(summary(list)).toEqual(['recursion/self-update medium Ticket__c']);
    expect(list[0]!.message).toContain('runs again when Ticket__c.Priority__c change');
  });

  it('grades a static-guarded trigger medium and names the guard', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }]),
      ...apexTrigger('TicketTrigger', 'Ticket__c', 'after update', '    TicketHandler.afterUpdate(Trigger.new);'),
      ...apexClass(
        'TicketHandler',
        [
          'public with sharing class TicketHandler {',
          '    private static Boolean isRunning = false;',
          '    public static void afterUpdate(List<Ticket__c> tickets) {',
          '        if (isRunning) { return; }',
          '        isRunning = true;',
          '        List<Ticket__c> related = [SELECT Id FROM Ticket__c WHERE Id NOT IN :tickets LIMIT 10];',
          '        for (Ticket__c t : related) { t.Status__c = \'Linked\'; }',
          '        update related;',
          '    }',
          '}',
        ].join('\n'),
      ),
    ]);
    expect(summary(list)).toEqual(['recursion/self-update medium Ticket__c']);
    expect(list[0]!.message).toContain('TicketHandler.isRunning');
    expect(list[0]!.evidence[0]).toMatchObject({ file: 'force-app/main/default/classes/TicketHandler.cls', line: 8 });
  });

  it('does not fire for a create-only automation whose update cannot start it again', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }]),
      recordTriggeredFlow({
        name: 'Ticket_On_Create',
        object: 'Ticket__c',
        triggerType: 'RecordAfterSave',
        recordTriggerType: 'Create',
        firstElement: 'Update_Ticket',
        elements: updateRecordElement('Update_Ticket', { inputReference: '$Record', fields: { Status__c: 'New' } }),
      }),
    ]);
    expect(list).toEqual([]);
  });
});

describe('recursion/cross-object-cycle', () => {
  const threeObjectCycle: DxFile[] = [
    ...customObject('Alpha__c', [{ name: 'Note__c' }]),
    ...customObject('Beta__c', [{ name: 'Note__c' }]),
    ...customObject('Gamma__c', [{ name: 'Note__c' }]),
    ...apexTrigger('AlphaTrigger', 'Alpha__c', 'after update', '    AlphaHandler.run(Trigger.new);'),
    ...apexClass('AlphaHandler', 'public class AlphaHandler {\n    public static void run(List<Alpha__c> rows) {\n        BetaService.touch();\n    }\n}\n'),
    ...apexClass(
      'BetaService',
      'public class BetaService {\n    public static void touch() {\n        List<Beta__c> betas = [SELECT Id FROM Beta__c LIMIT 5];\n        for (Beta__c b : betas) { b.Note__c = \'x\'; }\n        update betas;\n    }\n}\n',
    ),
    recordTriggeredFlow({
      name: 'Beta_After_Save',
      object: 'Beta__c',
      triggerType: 'RecordAfterSave',
      firstElement: 'Update_Gamma',
      elements: updateRecordElement('Update_Gamma', { object: 'Gamma__c', fields: { Note__c: 'y' } }),
    }),
    recordTriggeredFlow({
      name: 'Gamma_After_Save',
      object: 'Gamma__c',
      triggerType: 'RecordAfterSave',
      firstElement: 'Update_Alpha',
      elements: updateRecordElement('Update_Alpha', { object: 'Alpha__c', fields: { Note__c: 'z' } }),
    }),
  ];

  it('finds a three-object cycle through trigger → handler → service, once, with the path and lines', async () => {
    const list = await findings(threeObjectCycle);
    expect(summary(list)).toEqual(['recursion/cross-object-cycle critical Alpha__c']);
    const chain = list[0]!.evidence[0]!.text;
    expect(chain).toContain('Alpha__c —[trigger AlphaTrigger → AlphaHandler.run → BetaService.touch:5: update Beta__c.Note__c]→ Beta__c');
    expect(chain).toContain('—[flow Beta_After_Save');
    expect(chain).toContain(']→ Gamma__c —[flow Gamma_After_Save');
    expect(list[0]!.components.map((component) => component.name)).toEqual(['AlphaTrigger', 'Beta_After_Save', 'Gamma_After_Save']);
  });

  it('does not report a chain that never comes back', async () => {
    const broken = threeObjectCycle.filter(([path]) => !path.includes('Gamma_After_Save'));
    expect(await findings(broken)).toEqual([]);
  });

  it('does not close a cycle through automation that fires on create only', async () => {
    const createOnly = threeObjectCycle.map(([path, content]): DxFile => [path, path.includes('Beta_After_Save') ? content.replace('CreateAndUpdate', 'Create') : content]);
    expect(await findings(createOnly)).toEqual([]);
  });

  it('counts a roll-up summary as a hop: a child save re-saves its master', async () => {
    const list = await findings([
      ...customObject('Parent__c', [{ name: 'Note__c' }, rollupField('Total__c', 'Child__c', 'Parent__c', 'Amount__c')]),
      ...customObject('Child__c', [masterDetailField('Parent__c', 'Parent__c', 'Children'), { name: 'Amount__c', xml: '    <label>Amount</label>\n    <precision>18</precision>\n    <scale>2</scale>\n    <type>Number</type>' }]),
      recordTriggeredFlow({
        name: 'Parent_After_Save',
        object: 'Parent__c',
        triggerType: 'RecordAfterSave',
        recordTriggerType: 'Update',
        firstElement: 'Update_Children',
        elements: updateRecordElement('Update_Children', { object: 'Child__c', fields: { Amount__c: '1' } }),
      }),
    ]);
    expect(summary(list)).toEqual(['recursion/cross-object-cycle critical Child__c']);
    expect(list[0]!.evidence[0]!.text).toContain('—[roll-up Parent__c.Total__c');
  });
});

describe('recursion/event-loop', () => {
  const eventLoop: DxFile[] = [
    ...customObject('Order__c', [{ name: 'Synced__c' }]),
    ...customObject('Order_Event__e', [{ name: 'Order_Id__c' }]),
    recordTriggeredFlow({
      name: 'Order_Publish',
      object: 'Order__c',
      triggerType: 'RecordAfterSave',
      firstElement: 'Publish',
      elements: createRecordElement('Publish', 'Order_Event__e', { Order_Id__c: '$Record.Id' }),
    }),
    recordTriggeredFlow({
      name: 'Order_Event_Listener',
      object: 'Order_Event__e',
      triggerType: 'PlatformEvent',
      firstElement: 'Update_Order',
      elements: updateRecordElement('Update_Order', { object: 'Order__c', fields: { Synced__c: 'true' } }),
    }),
  ];

  it('finds a platform event loop, starting at the record object, marking the async hops', async () => {
    const list = await findings(eventLoop);
    expect(summary(list)).toEqual(['recursion/event-loop high Order__c']);
    expect(list[0]!.evidence[0]!.text).toBe(
      'chain: Order__c —[flow Order_Publish:5: publish Order_Event__e, async]→ Order_Event__e —[flow Order_Event_Listener:5: update Order__c.Synced__c, async]→ Order__c',
    );
  });

  it('does not fire when the listener writes another object', async () => {
    const other = eventLoop.map(([path, content]): DxFile => [path, path.includes('Listener') ? content.replace('<object>Order__c</object>', '<object>Audit__c</object>') : content]);
    expect(await findings([...other, ...customObject('Audit__c', [{ name: 'Synced__c' }])])).toEqual([]);
  });

  it('finds a queueable that enqueues itself', async () => {
    const list = await findings(
      apexClass(
        'RetryJob',
        'public class RetryJob implements Queueable {\n    public void execute(QueueableContext context) {\n        System.enqueueJob(new RetryJob());\n    }\n}\n',
      ),
    );
    expect(summary(list)).toEqual(['recursion/event-loop medium ']);
    expect(list[0]!.components[0]).toMatchObject({ type: 'ApexClass', name: 'RetryJob', line: 3 });
  });
});

describe('recursion/workflow-refire', () => {
  const workflow = (reevaluate: boolean): DxFile => [
    'workflows/Ticket__c.workflow-meta.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<Workflow xmlns="http://soap.sforce.com/2006/04/metadata">
    <fieldUpdates>
        <fullName>Set_Status</fullName>
        <field>Status__c</field>
        <literalValue>Open</literalValue>
        <name>Set Status</name>
        <notifyAssignee>false</notifyAssignee>
        <operation>Literal</operation>
        <protected>false</protected>
        <reevaluateOnChange>${reevaluate}</reevaluateOnChange>
    </fieldUpdates>
    <rules>
        <fullName>Open Tickets</fullName>
        <actions>
            <name>Set_Status</name>
            <type>FieldUpdate</type>
        </actions>
        <active>true</active>
        <formula>true</formula>
        <triggerType>onAllChanges</triggerType>
    </rules>
</Workflow>
`,
  ];

  it('fires medium for a field update with reevaluateOnChange', async () => {
    const list = await findings([...customObject('Ticket__c', [{ name: 'Status__c' }]), workflow(true)]);
    expect(summary(list)).toEqual(['recursion/workflow-refire medium Ticket__c']);
    expect(list[0]!.components.map((component) => `${component.type}:${component.name}`)).toEqual(['WorkflowFieldUpdate:Ticket__c.Set_Status', 'WorkflowRule:Ticket__c.Open Tickets']);
  });

  it('does not fire for a field update without re-evaluation and no update trigger writing back', async () => {
    expect(await findings([...customObject('Ticket__c', [{ name: 'Status__c' }]), workflow(false)])).toEqual([]);
  });

  it('fires high when re-evaluation meets an unguarded update trigger that writes the object again', async () => {
    const list = await findings([
      ...customObject('Ticket__c', [{ name: 'Status__c' }]),
      workflow(true),
      ...apexTrigger('TicketTrigger', 'Ticket__c', 'after update', '    List<Ticket__c> others = [SELECT Id FROM Ticket__c LIMIT 1];\n    update others;'),
    ]);
    expect(list.map((finding) => `${finding.ruleId} ${finding.severity}`)).toContain('recursion/workflow-refire high');
  });
});

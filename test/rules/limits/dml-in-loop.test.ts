import { describe, expect, it } from 'vitest';
import {
  apexClass,
  apexTrigger,
  assignmentElement,
  autolaunchedFlow,
  connected,
  createRecordElement,
  decisionElement,
  loopElement,
  lookupElement,
  recordTriggeredFlow,
  updateRecordElement,
} from '../../helpers/dx-project.js';
import { ruleFindings, summary } from './limits-kit.js';

const RULE = 'limits/dml-in-loop';

describe('limits/dml-in-loop: flows', () => {
  it('fires high for Update Records behind a decision inside the loop of a record-triggered flow', async () => {
    const list = await ruleFindings(
      [
        recordTriggeredFlow({
          name: 'Account_Touch_Contacts',
          object: 'Account',
          triggerType: 'RecordAfterSave',
          firstElement: 'Get_Contacts',
          elements: [
            lookupElement('Get_Contacts', 'Contact', 'Each_Contact'),
            loopElement('Each_Contact', 'Get_Contacts', 'Needs_Update'),
            decisionElement('Needs_Update', [{ name: 'Yes', target: 'Update_Contact' }], 'Each_Contact'),
            connected(updateRecordElement('Update_Contact', { inputReference: 'Each_Contact', fields: {} }), 'Each_Contact'),
          ].join('\n'),
        }),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high Account Account_Touch_Contacts']);
    expect(list[0]!.message).toContain('Update Records Update_Contact on Contact inside loop Each_Contact');
    expect(list[0]!.evidence.map((evidence) => evidence.text)).toEqual([
      'Update Records Update_Contact on Contact on the nextValueConnector path of loop Each_Contact',
      'loop Each_Contact over Get_Contacts',
      'reached from record-triggered flow Account_Touch_Contacts on Account',
    ]);
  });

  it('does not fire for Create Records after the loop, nor in a draft flow, nor in a loop nothing connects to', async () => {
    const elements = (create: string): string =>
      [
        lookupElement('Get_Contacts', 'Contact', 'Each_Contact'),
        loopElement('Each_Contact', 'Get_Contacts', 'Build_Task', create),
        assignmentElement('Build_Task', { 'varTask.Subject': 'Call' }, 'Each_Contact'),
        createRecordElement(create, 'Task', { Subject: 'varTask.Subject' }),
      ].join('\n');
    const list = await ruleFindings(
      [
        recordTriggeredFlow({ name: 'Account_Tasks_After_Loop', object: 'Account', triggerType: 'RecordAfterSave', firstElement: 'Get_Contacts', elements: elements('Create_Tasks') }),
        autolaunchedFlow({
          name: 'Draft_Loop',
          status: 'Draft',
          firstElement: 'Get_Contacts',
          elements: [lookupElement('Get_Contacts', 'Contact', 'Each_Contact'), loopElement('Each_Contact', 'Get_Contacts', 'Create_Task'), connected(createRecordElement('Create_Task', 'Task', { Subject: 'x' }), 'Each_Contact')].join('\n'),
        }),
        autolaunchedFlow({
          name: 'Orphan_Loop',
          firstElement: 'Get_Contacts',
          elements: [lookupElement('Get_Contacts', 'Contact'), loopElement('Each_Contact', 'Get_Contacts', 'Create_Task'), connected(createRecordElement('Create_Task', 'Task', { Subject: 'x' }), 'Each_Contact')].join('\n'),
        }),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });

  it('fires on a subflow called inside a loop when the subflow writes records', async () => {
    const list = await ruleFindings(
      [
        autolaunchedFlow({ name: 'Log_Touch', firstElement: 'Create_Log', elements: createRecordElement('Create_Log', 'Task', { Subject: 'x' }) }),
        recordTriggeredFlow({
          name: 'Account_Log_Contacts',
          object: 'Account',
          triggerType: 'RecordAfterSave',
          firstElement: 'Get_Contacts',
          elements: [
            lookupElement('Get_Contacts', 'Contact', 'Each_Contact'),
            loopElement('Each_Contact', 'Get_Contacts', 'Log_It'),
            '    <subflows>\n        <name>Log_It</name>\n        <label>Log_It</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <connector>\n            <targetReference>Each_Contact</targetReference>\n        </connector>\n        <flowName>Log_Touch</flowName>\n    </subflows>',
          ].join('\n'),
        }),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high Account Account_Log_Contacts']);
    expect(list[0]!.message).toContain('subflow Log_It inside loop Each_Contact, which runs Create Records Create_Log on Task');
  });
});

describe('limits/dml-in-loop: Apex', () => {
  it('fires high for DML in a for loop reached from a trigger, and lists the line', async () => {
    const list = await ruleFindings(
      [
        ...apexTrigger('OrderTrigger', 'Order', 'after insert', '    OrderService.followUp(Trigger.new);'),
        ...apexClass(
          'OrderService',
          [
            'public with sharing class OrderService {',
            '    public static void followUp(List<Order> orders) {',
            '        for (Order o : orders) {',
            "            Task t = new Task(WhatId = o.Id, Subject = 'Follow up');",
            '            insert t;',
            '        }',
            '    }',
            '}',
          ].join('\n'),
        ),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high Order OrderService']);
    expect(list[0]!.components).toEqual([{ type: 'ApexClass', name: 'OrderService', file: 'force-app/main/default/classes/OrderService.cls', line: 2 }]);
    expect(list[0]!.evidence[0]).toEqual({ text: 'OrderService.followUp: insert t (Task) inside a loop', file: 'force-app/main/default/classes/OrderService.cls', line: 5 });
  });

  it('fires on a call inside a loop to a method that does DML, following the call chain', async () => {
    const list = await ruleFindings(
      [
        ...apexClass(
          'Batcher',
          [
            'public with sharing class Batcher {',
            '    public void run(List<Account> accounts) {',
            '        Integer i = 0;',
            '        while (i < accounts.size()) {',
            '            save(accounts[i]);',
            '            i++;',
            '        }',
            '    }',
            '    private void save(Account a) {',
            '        AccountWriter.write(a);',
            '    }',
            // An invocable entry point: only Apex a trigger, flow or invocable action reaches is parsed.
            '    @InvocableMethod public static void fromFlow(List<Id> ids) {}',
            '}',
          ].join('\n'),
        ),
        ...apexClass('AccountWriter', ['public with sharing class AccountWriter {', '    public static void write(Account a) {', '        update a;', '    }', '}'].join('\n')),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['medium - Batcher']);
    expect(list[0]!.evidence[0]!.text).toBe('Batcher.run: calls Batcher.save inside a loop, which runs update a (Account) (Batcher.save → AccountWriter.write, line 3)');
    expect(list[0]!.evidence[0]!.line).toBe(5);
  });

  it('does not fire for DML after the loop, nor for a @future method called in a loop, and survives call cycles', async () => {
    const list = await ruleFindings(
      [
        ...apexClass(
          'TaskBuilder',
          [
            'public with sharing class TaskBuilder {',
            '    public static void build(List<Account> accounts) {',
            '        List<Task> tasks = new List<Task>();',
            '        for (Account a : accounts) {',
            "            tasks.add(new Task(WhatId = a.Id, Subject = 'Call'));",
            '            later(a.Id);',
            '            ping(a.Id);',
            '        }',
            '        insert tasks;',
            '    }',
            '    @future',
            '    public static void later(Id accountId) {',
            "        insert new Task(WhatId = accountId, Subject = 'Later');",
            '    }',
            '    public static void ping(Id accountId) {',
            '        pong(accountId);',
            '    }',
            '    public static void pong(Id accountId) {',
            '        ping(accountId);',
            '    }',
            '}',
          ].join('\n'),
        ),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });
});

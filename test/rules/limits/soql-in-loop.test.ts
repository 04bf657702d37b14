import { describe, expect, it } from 'vitest';
import {
  apexClass,
  apexTrigger,
  assignmentElement,
  autolaunchedFlow,
  connected,
  customObject,
  loopElement,
  lookupElement,
  recordTriggeredFlow,
} from '../../helpers/dx-project.js';
import { ruleFindings, summary } from './limits-kit.js';

const RULE = 'limits/soql-in-loop';

describe('limits/soql-in-loop: flows', () => {
  it('fires high for Get Records inside the loop of a record-triggered flow, naming the element and the loop', async () => {
    const list = await ruleFindings(
      [
        recordTriggeredFlow({
          name: 'Account_Review_Contacts',
          object: 'Account',
          triggerType: 'RecordAfterSave',
          firstElement: 'Get_Contacts',
          elements: [lookupElement('Get_Contacts', 'Contact', 'Each_Contact'), loopElement('Each_Contact', 'Get_Contacts', 'Get_Cases'), lookupElement('Get_Cases', 'Case', 'Each_Contact')].join('\n'),
        }),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high Account Account_Review_Contacts']);
    expect(list[0]!.message).toContain('Get Records Get_Cases on Case inside loop Each_Contact');
    expect(list[0]!.message).toContain('record-triggered flow Account_Review_Contacts on Account');
    expect(list[0]!.evidence[0]).toMatchObject({ file: 'force-app/main/default/flows/Account_Review_Contacts.flow-meta.xml', line: expect.any(Number) });
  });

  it('does not fire for Get Records after the loop ends (noMoreValuesConnector)', async () => {
    const list = await ruleFindings(
      [
        recordTriggeredFlow({
          name: 'Account_Count_Contacts',
          object: 'Account',
          triggerType: 'RecordAfterSave',
          firstElement: 'Get_Contacts',
          elements: [
            lookupElement('Get_Contacts', 'Contact', 'Each_Contact'),
            loopElement('Each_Contact', 'Get_Contacts', 'Count_Contact', 'Get_Cases'),
            assignmentElement('Count_Contact', { varCount: '1' }, 'Each_Contact'),
            lookupElement('Get_Cases', 'Case'),
          ].join('\n'),
        }),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });

  it('does not count a fault path that leaves the loop for good (it runs at most once)', async () => {
    const list = await ruleFindings(
      [
        recordTriggeredFlow({
          name: 'Account_Fault_Lookup',
          object: 'Account',
          triggerType: 'RecordAfterSave',
          firstElement: 'Get_Contacts',
          elements: [
            lookupElement('Get_Contacts', 'Contact', 'Each_Contact'),
            loopElement('Each_Contact', 'Get_Contacts', 'Count_Contact'),
            connected(assignmentElement('Count_Contact', { varCount: '1' }, 'Each_Contact'), 'Get_Error_Log', 'faultConnector'),
            lookupElement('Get_Error_Log', 'Case'),
          ].join('\n'),
        }),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });

  it('grades medium in an autolaunched flow nothing bulk calls', async () => {
    const list = await ruleFindings(
      [
        autolaunchedFlow({
          name: 'Contacts_Per_Account',
          firstElement: 'Get_Accounts',
          elements: [lookupElement('Get_Accounts', 'Account', 'Each_Account'), loopElement('Each_Account', 'Get_Accounts', 'Get_Contacts'), lookupElement('Get_Contacts', 'Contact', 'Each_Account')].join('\n'),
        }),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['medium - Contacts_Per_Account']);
    expect(list[0]!.message).toContain('Severity medium');
  });

  it('grades high in a scheduled flow, and in a subflow of a record-triggered flow', async () => {
    const body = (first: string): string =>
      [lookupElement(`${first}_Accounts`, 'Account', `${first}_Loop`), loopElement(`${first}_Loop`, `${first}_Accounts`, `${first}_Contacts`), lookupElement(`${first}_Contacts`, 'Contact', `${first}_Loop`)].join('\n');
    const list = await ruleFindings(
      [
        autolaunchedFlow({ name: 'Nightly_Scan', scheduled: true, firstElement: 'Nightly_Accounts', elements: body('Nightly') }),
        autolaunchedFlow({ name: 'Shared_Scan', firstElement: 'Shared_Accounts', elements: body('Shared') }),
        recordTriggeredFlow({
          name: 'Case_Calls_Scan',
          object: 'Case',
          triggerType: 'RecordAfterSave',
          firstElement: 'Run_Scan',
          elements: '    <subflows>\n        <name>Run_Scan</name>\n        <label>Run_Scan</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <flowName>Shared_Scan</flowName>\n    </subflows>',
        }),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high - Nightly_Scan', 'high Case Shared_Scan']);
    expect(list[1]!.evidence.at(-1)!.text).toBe('reached from record-triggered flow Case_Calls_Scan on Case (Case_Calls_Scan → Shared_Scan)');
  });
});

describe('limits/soql-in-loop: Apex', () => {
  const handler = [
    'public with sharing class CaseHandler {',
    '    public static void afterInsert(List<Case> cases) {',
    '        for (Case c : cases) {',
    '            List<Contact> contacts = [SELECT Id FROM Contact WHERE AccountId = :c.AccountId];',
    '        }',
    '        for (Account a : [SELECT Id FROM Account LIMIT 10]) {',
    '            System.debug(a);',
    '        }',
    '    }',
    '}',
  ].join('\n');

  it('fires high for a SOQL query in a for loop reached from a trigger, and not for a SOQL for-loop iterable', async () => {
    const list = await ruleFindings([...apexTrigger('CaseTrigger', 'Case', 'after insert', '    CaseHandler.afterInsert(Trigger.new);'), ...apexClass('CaseHandler', handler)], RULE);
    expect(summary(list)).toEqual(['high Case CaseHandler']);
    expect(list[0]!.evidence.map((evidence) => [evidence.text, evidence.line])).toEqual([
      ['CaseHandler.afterInsert: SOQL query on Contact inside a loop', 4],
      ['reached from trigger CaseTrigger on Case (CaseTrigger → CaseHandler.afterInsert)', undefined],
    ]);
  });

  it('fires on the caller for a call in a loop to a method that queries, medium when no trigger reaches it', async () => {
    const list = await ruleFindings(
      [
        ...apexClass(
          'ContactLookup',
          [
            'public with sharing class ContactLookup {',
            '    public static void perAccount(List<Account> accounts) {',
            '        for (Account a : accounts) {',
            '            ContactRepo.byAccount(a.Id);',
            '        }',
            '    }',
            // An invocable entry point: only Apex a trigger, flow or invocable action reaches is parsed.
            '    @InvocableMethod public static void fromFlow(List<Id> ids) {}',
            '}',
          ].join('\n'),
        ),
        ...apexClass(
          'ContactRepo',
          ['public with sharing class ContactRepo {', '    public static List<Contact> byAccount(Id accountId) {', '        return [SELECT Id FROM Contact WHERE AccountId = :accountId];', '    }', '}'].join('\n'),
        ),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['medium - ContactLookup']);
    expect(list[0]!.evidence[0]).toEqual({
      text: 'ContactLookup.perAccount: calls ContactRepo.byAccount inside a loop, which runs SOQL query on Contact (ContactRepo.byAccount, line 3)',
      file: 'force-app/main/default/classes/ContactLookup.cls',
      line: 4,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { actionCallElement, apexClass, apexTrigger, recordTriggeredFlow, withScheduledPath } from '../../helpers/dx-project.js';
import { ruleFindings, summary } from './limits-kit.js';

const RULE = 'limits/sync-callout-in-transaction';

const billingClient = (annotation: string): string =>
  [
    'public with sharing class BillingClient {',
    annotation,
    '    public static void register(Set<Id> caseIds) {',
    '        HttpRequest req = new HttpRequest();',
    "        req.setEndpoint('callout:Billing/disputes');",
    "        req.setMethod('POST');",
    '        Http http = new Http();',
    '        HttpResponse res = http.send(req);',
    '    }',
    '}',
  ]
    .filter((line) => line.length > 0)
    .join('\n');

const caseTrigger = apexTrigger('CaseTrigger', 'Case', 'after insert', '    CaseTriggerHandler.afterInsert(Trigger.new);');
const caseHandler = apexClass(
  'CaseTriggerHandler',
  ['public with sharing class CaseTriggerHandler {', '    public static void afterInsert(List<Case> cases) {', '        BillingClient.register(new Map<Id, Case>(cases).keySet());', '    }', '}'].join('\n'),
);

describe('limits/sync-callout-in-transaction: Apex', () => {
  it('fires high for trigger → handler → Http.send, synchronously', async () => {
    const list = await ruleFindings([...caseTrigger, ...caseHandler, ...apexClass('BillingClient', billingClient(''))], RULE);
    expect(summary(list)).toEqual(['high Case CaseTrigger']);
    expect(list[0]!.components[0]).toMatchObject({ type: 'ApexTrigger', name: 'CaseTrigger', file: 'force-app/main/default/triggers/CaseTrigger.trigger' });
    expect(list[0]!.evidence[0]).toEqual({
      text: 'CaseTrigger → CaseTriggerHandler.afterInsert → BillingClient.register: http callout',
      file: 'force-app/main/default/classes/BillingClient.cls',
      line: 7,
    });
    expect(list[0]!.message).toContain('Callout from triggers are currently not supported');
  });

  it('does not fire for @future(callout=true), nor for a Queueable with Database.AllowsCallouts', async () => {
    const list = await ruleFindings(
      [
        ...caseTrigger,
        ...apexClass(
          'CaseTriggerHandler',
          [
            'public with sharing class CaseTriggerHandler {',
            '    public static void afterInsert(List<Case> cases) {',
            '        BillingClient.register(new Map<Id, Case>(cases).keySet());',
            '        System.enqueueJob(new CaseSyncJob());',
            '    }',
            '}',
          ].join('\n'),
        ),
        ...apexClass('BillingClient', billingClient('    @future(callout=true)')),
        ...apexClass(
          'CaseSyncJob',
          [
            'public with sharing class CaseSyncJob implements Queueable, Database.AllowsCallouts {',
            '    public void execute(QueueableContext context) {',
            '        HttpRequest req = new HttpRequest();',
            '        new Http().send(req);',
            '    }',
            '}',
          ].join('\n'),
        ),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });

  it('fires for a platform-event trigger too: it is still trigger context', async () => {
    const list = await ruleFindings([...apexTrigger('OrderEventTrigger', 'Order_Event__e', 'after insert', '    new Http().send(new HttpRequest());')], RULE);
    expect(summary(list)).toEqual(['high Order_Event__e OrderEventTrigger']);
  });

  it('does not treat Messaging.sendEmail as a callout', async () => {
    const list = await ruleFindings(
      [
        ...apexTrigger('CaseTrigger', 'Case', 'after insert', '    Messaging.sendEmail(new Messaging.SingleEmailMessage[] { new Messaging.SingleEmailMessage() });'),
      ],
      RULE,
    );
    expect(list).toEqual([]);
  });
});

describe('limits/sync-callout-in-transaction: flows', () => {
  const flowWith = (name: string, action: string): ReturnType<typeof recordTriggeredFlow> =>
    recordTriggeredFlow({ name, object: 'Opportunity', triggerType: 'RecordAfterSave', firstElement: 'Call_Out', elements: action });

  it('fires high for an External Service action on the synchronous path of a record-triggered flow', async () => {
    const list = await ruleFindings([flowWith('Opportunity_Send_To_ERP', actionCallElement('Call_Out', 'externalService', 'ErpApi.createOrder'))], RULE);
    expect(summary(list)).toEqual(['high Opportunity Opportunity_Send_To_ERP']);
    expect(list[0]!.message).toContain('calls External Service ErpApi.createOrder synchronously');
  });

  it('fires for an Apex action whose class sends HTTP on the synchronous path', async () => {
    const list = await ruleFindings(
      [
        flowWith('Opportunity_Apex_Send', actionCallElement('Call_Out', 'apex', 'ErpSendAction')),
        ...apexClass(
          'ErpSendAction',
          [
            'public with sharing class ErpSendAction {',
            '    @InvocableMethod',
            '    public static void send(List<Id> ids) {',
            '        new Http().send(new HttpRequest());',
            '    }',
            '}',
          ].join('\n'),
        ),
      ],
      RULE,
    );
    expect(summary(list)).toEqual(['high Opportunity Opportunity_Apex_Send']);
    expect(list[0]!.evidence[0]!.text).toBe('Opportunity_Apex_Send → ErpSendAction.send: http callout');
  });

  it('does not fire for the same action on the Run Asynchronously (AsyncAfterCommit) path, nor for an email alert', async () => {
    const asyncFlow = withScheduledPath(
      recordTriggeredFlow({
        name: 'Opportunity_Async_ERP',
        object: 'Opportunity',
        triggerType: 'RecordAfterSave',
        firstElement: 'Notify_Owner',
        elements: [actionCallElement('Notify_Owner', 'emailAlert', 'Opportunity.Won_Alert'), actionCallElement('Call_Out', 'externalService', 'ErpApi.createOrder')].join('\n'),
      }),
      { target: 'Call_Out', pathType: 'AsyncAfterCommit' },
    );
    const list = await ruleFindings([asyncFlow], RULE);
    expect(list).toEqual([]);
  });
});

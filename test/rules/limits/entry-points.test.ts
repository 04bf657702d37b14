import { describe, expect, it } from 'vitest';
import { apexClass } from '../../helpers/dx-project.js';
import { ruleFindings, summary } from './limits-kit.js';

/**
 * Most of a real org's loops live in code no trigger or flow calls: Lightning controllers, REST services,
 * batch jobs. The platform runs them as transactions of their own, so their loops count against the limits.
 */
const controller = apexClass(
  'CaseListController',
  [
    'public with sharing class CaseListController {',
    '    @AuraEnabled',
    '    public static List<Case> openCasesOf(List<Id> accountIds) {',
    '        List<Case> found = new List<Case>();',
    '        for (Id accountId : accountIds) {',
    "            found.addAll([SELECT Id, Subject FROM Case WHERE AccountId = :accountId AND Status != 'Closed']);",
    '        }',
    '        return found;',
    '    }',
    '}',
  ].join('\n'),
);

const batch = apexClass(
  'InvoiceAgingBatch',
  [
    'public with sharing class InvoiceAgingBatch implements Database.Batchable<SObject> {',
    '    public Database.QueryLocator start(Database.BatchableContext context) {',
    '        return Database.getQueryLocator([SELECT Id, Status__c FROM Invoice__c]);',
    '    }',
    '    public void execute(Database.BatchableContext context, List<Invoice__c> scope) {',
    '        for (Invoice__c invoice : scope) {',
    "            invoice.Status__c = 'Overdue';",
    '            update invoice;',
    '        }',
    '    }',
    '    public void finish(Database.BatchableContext context) {}',
    '}',
  ].join('\n'),
);

const rest = apexClass(
  'PartnerOrderService',
  [
    "@RestResource(urlMapping='/partner/orders/*')",
    'global with sharing class PartnerOrderService {',
    '    @HttpPost',
    '    global static void accept(List<Id> orderIds) {',
    '        for (Id orderId : orderIds) {',
    '            OrderStamper.stamp(orderId);',
    '        }',
    '    }',
    '}',
  ].join('\n'),
);
const stamper = apexClass(
  'OrderStamper',
  ['public with sharing class OrderStamper {', '    public static void stamp(Id orderId) {', "        update new Order(Id = orderId, Status = 'Accepted');", '    }', '}'].join('\n'),
);

describe('loops in platform entry points', () => {
  it('soql-in-loop fires (medium) on a Lightning controller nothing else calls', async () => {
    const list = await ruleFindings(controller, 'limits/soql-in-loop');
    expect(summary(list)).toEqual(['medium - CaseListController']);
  });

  it('dml-in-loop fires high on a batch job, whose execute runs over a scope of records', async () => {
    const list = await ruleFindings(batch, 'limits/dml-in-loop');
    expect(summary(list)).toEqual(['high - InvoiceAgingBatch']);
    expect(list[0]!.message).toContain('batch job InvoiceAgingBatch');
    expect(list[0]!.message).toContain('scope of up to 200 records');
  });

  it('dml-in-loop follows a REST service into the class it calls in its loop', async () => {
    const list = await ruleFindings([...rest, ...stamper], 'limits/dml-in-loop');
    expect(summary(list)).toEqual(['medium - PartnerOrderService']);
    expect(list[0]!.evidence[0]!.text).toContain('calls OrderStamper.stamp inside a loop');
  });

  it('does not read the same shapes in a test class, nor in a class nothing runs', async () => {
    const test = apexClass('InvoiceAgingBatchTest', ['@isTest', 'private class InvoiceAgingBatchTest implements Database.Batchable<SObject> {', '    public void execute(Database.BatchableContext context, List<Invoice__c> scope) {', '        for (Invoice__c invoice : scope) { update invoice; }', '    }', '}'].join('\n'));
    const unused = apexClass('LegacyHelper', ['public class LegacyHelper {', '    public static void touch(List<Invoice__c> invoices) {', '        for (Invoice__c invoice : invoices) { update invoice; }', '    }', '}'].join('\n'));
    expect(await ruleFindings([...test, ...unused], 'limits/dml-in-loop')).toEqual([]);
  });
});

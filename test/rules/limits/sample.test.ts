import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';

/** fixtures/acme/README.md: seeds 6a and 6b, and no seed 7 (every callout there is asynchronous). */
describe('limits rules on the sample project', () => {
  it('reports exactly seeds 6a and 6b, both high, and no sync callout', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    expect(result.ruleErrors).toEqual([]);
    const limits = result.findings.filter((finding) => finding.ruleId.startsWith('limits/'));
    expect(limits.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => component.name).join(' > ')}`)).toEqual([
      'high limits/dml-in-loop InvoiceService', // seed 6b
      'high limits/soql-in-loop Weekly_Renewal_Risk_Review', // seed 6a
    ]);
    expect(limits.some((finding) => finding.ruleId === 'limits/sync-callout-in-transaction')).toBe(false);

    const [dml, soql] = limits as [(typeof limits)[number], (typeof limits)[number]];
    // 6b: `insert review;` at line 31 inside `for (Invoice__c invoice : invoices)`, reached from InvoiceTrigger.
    expect(dml.object).toBe('Invoice__c');
    expect(dml.evidence[0]).toEqual({ text: 'InvoiceService.createFinanceReviewTasks: insert review (Task) inside a loop', file: 'force-app/main/default/classes/InvoiceService.cls', line: 31 });
    expect(dml.evidence[1]!.text).toBe('reached from trigger InvoiceTrigger on Invoice__c (InvoiceTrigger → InvoiceTriggerHandler.afterInsert → InvoiceService.createFinanceReviewTasks)');
    // 6a: Get_Renewing_Subscriptions on the nextValueConnector path of Loop_Enterprise_Accounts; the
    // Create Records after the loop (Create_Renewal_Tasks) is not a DML-in-loop.
    expect(soql.message).toContain('Get Records Get_Renewing_Subscriptions on Subscription__c inside loop Loop_Enterprise_Accounts');
    expect(soql.evidence[0]).toMatchObject({ file: 'force-app/main/default/flows/Weekly_Renewal_Risk_Review.flow-meta.xml', line: 200 });
    expect(soql.evidence[2]!.text).toBe('reached from scheduled flow Weekly_Renewal_Risk_Review');
  });
});

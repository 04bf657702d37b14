import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';

/** fixtures/acme/README.md is the ground truth: seeds 8 and 9, and nothing else from sor/*. */
describe('the sample project: exactly the seeded system-of-record findings', () => {
  it('reports seed 8 (critical foreign-field-write) and seed 9 (high multiple-writers) with fixtures/acme/arch-review.yml', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    expect(result.ruleErrors).toEqual([]);
    expect(result.policyFile).toBe('arch-review.yml');
    expect(result.warnings).toEqual([]);
    const sor = result.findings.filter((finding) => finding.ruleId.startsWith('sor/'));
    expect(sor.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => `${component.type} ${component.name}`).join(' > ')}`)).toEqual([
      'critical sor/foreign-field-write Flow Account_Before_Save_Defaults > CustomField Account.Credit_Limit__c', // seed 8
      'high sor/multiple-writers CustomField Account.Billing_Status__c > Flow Subscription_After_Save_Update_Account_Billing > PermissionSet Billing_Sync', // seed 9
    ]);
    const [seed8, seed9] = sor;
    expect(seed8!.evidence[0]).toEqual({
      text: 'Flow Account_Before_Save_Defaults, assignment Set_Credit_Limit_From_Tier: assigns Account.Credit_Limit__c in memory (before save)',
      file: 'force-app/main/default/flows/Account_Before_Save_Defaults.flow-meta.xml',
      line: 5,
    });
    expect(seed8!.message).toContain('on every Account save (before-save, no entry criteria)');
    expect(seed9!.evidence[0]).toMatchObject({ text: expect.stringContaining('update records Update_Account_Billing_Status'), line: 62 });
    expect(seed9!.components.map((component) => component.file)).toEqual([
      'force-app/main/default/objects/Account/fields/Billing_Status__c.field-meta.xml',
      'force-app/main/default/flows/Subscription_After_Save_Update_Account_Billing.flow-meta.xml',
      'force-app/main/default/permissionsets/Billing_Sync.permissionset-meta.xml',
    ]);
  });

  it('the system-of-record map: the README’s 26 externally owned fields, 14 SAP and 12 billing, all agreeing with the descriptions', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    const report = result.systemOfRecord!;
    const owned = report.fields.filter((field) => field.owner !== report.defaultOwner);
    expect(owned.filter((field) => field.owner === 'sap').map((field) => field.field)).toEqual([
      'Account.Credit_Limit__c',
      'Account.ERP_Account_Status__c',
      'Account.Payment_Terms__c',
      'Account.SAP_Customer_Id__c',
      'Account.VAT_Number__c',
      'Contact.SAP_Contact_Person_Id__c',
      'Invoice__c.Amount_Paid__c',
      'Invoice__c.Amount__c',
      'Invoice__c.Due_Date__c',
      'Invoice__c.Dunning_Level__c',
      'Invoice__c.ERP_Invoice_Number__c',
      'Invoice__c.Invoice_Date__c',
      'Invoice__c.Status__c',
      'Opportunity.SAP_Sales_Order_Number__c',
    ]);
    expect(owned.filter((field) => field.owner === 'billing').map((field) => field.field)).toEqual([
      'Account.Billing_Account_Id__c',
      'Account.Billing_Status__c',
      'Case.Billing_Dispute_Reference__c',
      'Opportunity.Billing_Quote_Id__c',
      'Subscription__c.Auto_Renew__c',
      'Subscription__c.Billing_Subscription_Id__c',
      'Subscription__c.MRR__c',
      'Subscription__c.Plan_Tier__c',
      'Subscription__c.Renewal_Date__c',
      'Subscription__c.Seats__c',
      'Subscription__c.Start_Date__c',
      'Subscription__c.Status__c',
    ]);
    // Every tagged field agrees with the policy; no Salesforce-owned field appears.
    expect(owned.every((field) => field.source === 'policy' && field.tag?.toLowerCase() === field.owner)).toBe(true);
    expect(report.fields).toHaveLength(26);
  });
});

import { describe, expect, it } from 'vitest';
import { assignmentElement, customObject, permissionSetWithFields, recordTriggeredFlow, sorField, updateRecordElement } from '../../helpers/dx-project.js';
import { SAP_POLICY, sorReview, summary, writerFindings } from './sor-kit.js';

const account = customObject('Account', [sorField('Billing_Status__c'), sorField('Credit_Limit__c'), sorField('Region__c')]);
const subscription = customObject('Subscription__c', [sorField('Account__c'), sorField('Status__c'), sorField('Plan_Tier__c')]);
const billingSync = permissionSetWithFields('Billing_Sync', { fields: { 'Account.Billing_Status__c': 'edit', 'Subscription__c.Plan_Tier__c': 'edit', 'Account.Region__c': 'edit' } });
const sapIntegration = permissionSetWithFields('SAP_Integration', { fields: { 'Subscription__c.Plan_Tier__c': 'edit', 'Account.Credit_Limit__c': 'read' } });
const updateBillingStatus = recordTriggeredFlow({
  name: 'Subscription_Update_Account',
  object: 'Subscription__c',
  triggerType: 'RecordAfterSave',
  recordTriggerType: 'Update',
  requiresRecordChanged: true,
  filters: [{ field: 'Status__c', operator: 'EqualTo', value: 'Suspended' }],
  firstElement: 'Update_Account_Billing_Status',
  elements: updateRecordElement('Update_Account_Billing_Status', { object: 'Account', fields: { Billing_Status__c: 'On Hold' }, filterOnRecordId: '$Record.Account__c' }),
});

describe('sor/multiple-writers', () => {
  it('fires high when a Salesforce flow writes a field the owner’s integration can edit, listing every writer', async () => {
    const { findings: all } = await sorReview([...account, ...subscription, billingSync, sapIntegration, updateBillingStatus], SAP_POLICY);
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['high sor/multiple-writers Account.Billing_Status__c > Subscription_Update_Account > Billing_Sync']);
    const [finding] = findings;
    expect(finding!.message).toBe(
      'Account.Billing_Status__c, owned by Billing system, has writers from 2 systems: Billing system (PermissionSet Billing_Sync can edit it); ' +
        "Salesforce (Flow Subscription_Update_Account updates it). Whichever writes last wins, so Billing system's value can be silently replaced.",
    );
    expect(finding!.components.map((component) => component.type)).toEqual(['CustomField', 'Flow', 'PermissionSet']);
    expect(finding!.evidence.map((evidence) => evidence.text)).toEqual([
      'Flow Subscription_Update_Account, update records Update_Account_Billing_Status: updates Account.Billing_Status__c',
      'PermissionSet Billing_Sync (Billing system integration) can edit Account.Billing_Status__c',
      "Flow Subscription_Update_Account fires on update when Status__c = 'Suspended' (only when the record changes to meet the criteria)",
      'owner Billing system: policy systems.billing.owns "Account.Billing_Status__c"',
    ]);
  });

  it('is not also reported as sor/foreign-field-write (one finding per field)', async () => {
    const { findings } = await sorReview([...account, ...subscription, billingSync, updateBillingStatus], SAP_POLICY);
    expect(findings.filter((finding) => finding.ruleId === 'sor/foreign-field-write')).toEqual([]);
  });

  it('does not fire for two integrations that can edit a field when no automation writes it', async () => {
    // Billing_Sync (the owner) and SAP_Integration both edit Subscription__c.Plan_Tier__c: perm/integration-field-scope's business.
    const { findings } = await sorReview([...account, ...subscription, billingSync, sapIntegration], SAP_POLICY);
    expect(writerFindings(findings)).toEqual([]);
  });

  it('does not fire for a Salesforce-owned field that automation and an integration both write', async () => {
    const setRegion = recordTriggeredFlow({ name: 'Set_Region', object: 'Account', triggerType: 'RecordBeforeSave', firstElement: 'Set', elements: assignmentElement('Set', { '$Record.Region__c': 'EU' }) });
    const { findings } = await sorReview([...account, ...subscription, billingSync, setRegion], SAP_POLICY);
    expect(writerFindings(findings)).toEqual([]);
  });

  it('fires when automation declared for one system writes a field another system’s integration owns', async () => {
    const erpSync = recordTriggeredFlow({ name: 'ERP_Inbound_Sync', object: 'Account', triggerType: 'RecordBeforeSave', firstElement: 'Set', elements: assignmentElement('Set', { '$Record.Billing_Status__c': 'Blocked' }) });
    const { findings } = await sorReview([...account, ...subscription, billingSync, erpSync], SAP_POLICY);
    expect(summary(writerFindings(findings))).toEqual(['high sor/multiple-writers Account.Billing_Status__c > ERP_Inbound_Sync > Billing_Sync']);
    expect(findings[0]!.message).toContain('Billing system (PermissionSet Billing_Sync can edit it); SAP S/4HANA (ERP) (Flow ERP_Inbound_Sync assigns it)');
  });
});

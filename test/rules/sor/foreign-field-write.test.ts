import { describe, expect, it } from 'vitest';
import {
  apexClass,
  apexTrigger,
  assignmentElement,
  customObject,
  permissionSetWithFields,
  recordTriggeredFlow,
  sorField,
  updateRecordElement,
  workflow,
} from '../../helpers/dx-project.js';
import { SAP_POLICY, sorReview, summary, writerFindings } from './sor-kit.js';

const account = customObject('Account', [sorField('Credit_Limit__c'), sorField('ERP_Status__c'), sorField('Billing_Status__c'), sorField('Region__c')]);
const sapReadOnly = permissionSetWithFields('SAP_Integration', { fields: { 'Account.Credit_Limit__c': 'read', 'Account.ERP_Status__c': 'edit' } });

const beforeSave = (name: string, field: string, filters?: Array<{ field: string; operator: string; value?: string }>) =>
  recordTriggeredFlow({
    name,
    object: 'Account',
    triggerType: 'RecordBeforeSave',
    firstElement: 'Set_Field',
    elements: assignmentElement('Set_Field', { [`$Record.${field}`]: '100' }),
    ...(filters ? { filters } : {}),
  });

describe('sor/foreign-field-write', () => {
  it('fires critical for a before-save flow with no entry criteria assigning an SAP-owned field, naming the assignment', async () => {
    const { findings: all } = await sorReview([...account, sapReadOnly, beforeSave('Account_Defaults', 'Credit_Limit__c')], SAP_POLICY);
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['critical sor/foreign-field-write Account_Defaults > Account.Credit_Limit__c']);
    const [finding] = findings;
    expect(finding!.message).toContain('which SAP S/4HANA (ERP) owns, on every Account save');
    expect(finding!.message).toContain('No integration principal of SAP S/4HANA (ERP) can edit the field');
    expect(finding!.evidence[0]).toMatchObject({ text: expect.stringContaining('assignment Set_Field: assigns Account.Credit_Limit__c in memory'), file: 'force-app/main/default/flows/Account_Defaults.flow-meta.xml', line: expect.any(Number) });
    expect(finding!.evidence.at(-1)).toEqual({ text: 'owner SAP S/4HANA (ERP): policy systems.sap.owns "Account.Credit_Limit__c"', file: 'arch-review.yml', line: 4 });
  });

  it('does not fire when the system’s own declared sync writes its field', async () => {
    const { findings: all } = await sorReview([...account, sapReadOnly, beforeSave('ERP_Inbound_Sync', 'Credit_Limit__c')], SAP_POLICY);
    const findings = writerFindings(all);
    expect(findings).toEqual([]);
  });

  it('does not fire for a Salesforce-owned field, nor for an inactive flow', async () => {
    const draft = recordTriggeredFlow({ name: 'Draft_Flow', object: 'Account', triggerType: 'RecordBeforeSave', firstElement: 'Set_Field', elements: assignmentElement('Set_Field', { '$Record.Credit_Limit__c': '1' }), status: 'Draft' });
    const { findings: all } = await sorReview([...account, sapReadOnly, beforeSave('Set_Region', 'Region__c'), draft], SAP_POLICY);
    const findings = writerFindings(all);
    expect(findings).toEqual([]);
  });

  it('fires high, not critical, for a before-save flow with entry criteria assigning a billing-owned field (glob ownership)', async () => {
    const subscription = customObject('Subscription__c', [sorField('Status__c'), sorField('Seats__c')]);
    const flow = recordTriggeredFlow({
      name: 'Subscription_Defaults',
      object: 'Subscription__c',
      triggerType: 'RecordBeforeSave',
      firstElement: 'Set_Status',
      elements: assignmentElement('Set_Status', { '$Record.Status__c': 'Active' }),
      filters: [{ field: 'Seats__c', operator: 'GreaterThan', value: '0' }],
    });
    const { findings: all } = await sorReview([...account, ...subscription, flow], SAP_POLICY);
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['high sor/foreign-field-write Subscription_Defaults > Subscription__c.Status__c']);
    expect(findings[0]!.message).toContain('which Billing system owns, when it runs');
    expect(findings[0]!.evidence.map((evidence) => evidence.text)).toContain('owner Billing system: policy systems.billing.owns "Subscription__c.*"');
    expect(findings[0]!.evidence.map((evidence) => evidence.text)).toContainEqual(expect.stringContaining('fires on create, update when Seats__c'));
  });

  it('fires for an Apex assignment reached through a trigger handler chain, with the path', async () => {
    const { findings: all } = await sorReview(
      [
        ...account,
        ...apexTrigger('AccountTrigger', 'Account', 'before update', '    AccountTriggerHandler.beforeUpdate(Trigger.new);'),
        ...apexClass('AccountTriggerHandler', 'public class AccountTriggerHandler {\n    public static void beforeUpdate(List<Account> accounts) {\n        AccountBilling.stamp(accounts);\n    }\n}\n'),
        ...apexClass(
          'AccountBilling',
          "public class AccountBilling {\n    public static void stamp(List<Account> accounts) {\n        for (Account acc : accounts) {\n            acc.Billing_Status__c = 'Active';\n        }\n    }\n}\n",
        ),
      ],
      SAP_POLICY,
    );
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['high sor/foreign-field-write AccountTrigger > Account.Billing_Status__c']);
    expect(findings[0]!.evidence[0]).toMatchObject({
      text: 'ApexTrigger AccountTrigger → AccountTriggerHandler.beforeUpdate → AccountBilling.stamp: assigns Account.Billing_Status__c in memory (before save)',
      file: 'force-app/main/default/classes/AccountBilling.cls',
      line: 4,
    });
  });

  it('accepts Apex declared as the system’s writer anywhere on the path (ApexClass:ErpSyncService)', async () => {
    const { findings: all } = await sorReview(
      [
        ...account,
        ...apexTrigger('AccountTrigger', 'Account', 'before update', '    ErpSyncService.apply(Trigger.new);'),
        ...apexClass('ErpSyncService', 'public class ErpSyncService {\n    public static void apply(List<Account> accounts) {\n        for (Account acc : accounts) {\n            acc.ERP_Status__c = \'Synced\';\n        }\n    }\n}\n'),
      ],
      SAP_POLICY,
    );
    const findings = writerFindings(all);
    expect(findings).toEqual([]);
  });

  it('fires for a workflow field update, naming it', async () => {
    const { findings: all } = await sorReview(
      [...account, workflow('Account', [{ name: 'Stamp Credit', fieldUpdate: { name: 'Set_Credit_Limit', field: 'Credit_Limit__c', formula: '1000' } }])],
      SAP_POLICY,
    );
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['high sor/foreign-field-write Account.Stamp Credit > Account.Credit_Limit__c']);
    expect(findings[0]!.evidence[0]!.text).toBe('WorkflowRule Account.Stamp Credit, field update Set_Credit_Limit: updates Account.Credit_Limit__c');
  });

  it('takes ownership from a description tag when there is no policy', async () => {
    const tagged = customObject('Account', [sorField('Credit_Limit__c', { description: 'Owner: finance. SoR: NetSuite. Maintained there.' })]);
    const { findings: all } = await sorReview([...tagged, beforeSave('Account_Defaults', 'Credit_Limit__c')]);
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['critical sor/foreign-field-write Account_Defaults > Account.Credit_Limit__c']);
    expect(findings[0]!.evidence.at(-1)).toMatchObject({ text: 'owner NetSuite: field description "System of record: NetSuite"', file: 'force-app/main/default/objects/Account/fields/Credit_Limit__c.field-meta.xml' });
  });

  it('after-save flows on another object updating an owned field: one finding per field, listing every writer', async () => {
    const subscription = customObject('Subscription__c', [sorField('Account__c')]);
    const updateAccount = (name: string) =>
      recordTriggeredFlow({
        name,
        object: 'Subscription__c',
        triggerType: 'RecordAfterSave',
        firstElement: 'Update_Account',
        elements: updateRecordElement('Update_Account', { object: 'Account', fields: { Credit_Limit__c: '5' }, filterOnRecordId: '$Record.Account__c' }),
      });
    const { findings: all } = await sorReview([...account, ...subscription, updateAccount('Sub_A'), updateAccount('Sub_B')], SAP_POLICY);
    const findings = writerFindings(all);
    expect(summary(findings)).toEqual(['critical sor/foreign-field-write Sub_A > Sub_B > Account.Credit_Limit__c']);
    expect(findings[0]!.message).toMatch(/^Flow Sub_A and Flow Sub_B write Account\.Credit_Limit__c, which SAP S\/4HANA \(ERP\) owns, on every Subscription__c save \(record-triggered, no entry criteria\)/);
    expect(findings[0]!.evidence.filter((evidence) => evidence.text.includes('updates Account.Credit_Limit__c'))).toHaveLength(2);
  });
});

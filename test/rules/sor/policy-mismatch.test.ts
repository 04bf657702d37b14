import { describe, expect, it } from 'vitest';
import { customObject, permissionSetWithFields, sorField } from '../../helpers/dx-project.js';
import { sorReview } from './sor-kit.js';

const only = <T extends { ruleId: string }>(list: T[]): T[] => list.filter((finding) => finding.ruleId === 'sor/policy-mismatch');

const project = [
  ...customObject('Account', [sorField('Credit_Limit__c', { description: 'Owner: finance. System of record: SAP.' }), sorField('ERP_Status__c')]),
  ...customObject('Invoice__c', [sorField('Amount__c')]),
  permissionSetWithFields('SAP_Integration', { fields: { 'Account.ERP_Status__c': 'edit' } }),
];

describe('sor/policy-mismatch', () => {
  it('points at the policy line of a field name with a typo, and suggests the field', async () => {
    const policy = ['systems:', '  sap:', '    owns:', '      - Account.ERP_Status__c', '      - Account.Credit_Limt__c', '    integration: {permissionSets: [SAP_Integration]}', ''].join('\n');
    const { findings } = await sorReview(project, policy);
    expect(only(findings).map((finding) => finding.message)).toEqual([
      'arch-review.yml:5: systems.sap.owns[1] "Account.Credit_Limt__c" matches no field: no field of Account matches (did you mean Account.Credit_Limit__c?). The policy protects nothing there, so ownership checks silently skip the field it meant.',
    ]);
    expect(only(findings)[0]).toMatchObject({
      severity: 'medium',
      components: [{ type: 'Policy', name: 'systems.sap.owns[1]', file: 'arch-review.yml', line: 5 }],
      evidence: [{ text: 'systems.sap.owns[1]: Account.Credit_Limt__c', file: 'arch-review.yml', line: 5 }],
    });
  });

  it('reports an object that does not exist and a glob matching nothing; never a standard field the project does not mention', async () => {
    const policy = ['systems:', '  sap:', '    owns: [Acount.Credit_Limit__c, "Invoice__c.ERP_*", Account.AnnualRevenue, "Account.ERP_*", Account.Credit_Limit__c]', ''].join('\n');
    const { findings } = await sorReview(project, policy);
    expect(only(findings).map((finding) => finding.message.split(' The policy')[0])).toEqual([
      'arch-review.yml:3: systems.sap.owns[0] "Acount.Credit_Limit__c" matches no field: there is no object Acount in the project (did you mean Account?).',
      'arch-review.yml:3: systems.sap.owns[1] "Invoice__c.ERP_*" matches no field: no field of Invoice__c matches.',
    ]);
  });

  it('reports a description that names another owner than the policy, at the policy line; the policy wins', async () => {
    const policy = ['systems:', '  sap: {owns: ["Account.ERP_*"]}', '  billing:', '    owns:', '      - Account.Credit_Limit__c', ''].join('\n');
    const { findings, review } = await sorReview(project, policy);
    expect(only(findings)).toHaveLength(1);
    expect(only(findings)[0]).toMatchObject({
      severity: 'medium',
      object: 'Account',
      message:
        'arch-review.yml:5: Account.Credit_Limit__c: its description says "System of record: SAP" (SAP) but the policy (systems.billing.owns[0] "Account.Credit_Limit__c") gives it to Billing system. The policy wins; fix whichever is wrong.',
      components: [
        { type: 'CustomField', name: 'Account.Credit_Limit__c', file: 'force-app/main/default/objects/Account/fields/Credit_Limit__c.field-meta.xml' },
        { type: 'Policy', name: 'systems.billing.owns[0]', file: 'arch-review.yml', line: 5 },
      ],
    });
    expect(review.result.systemOfRecord?.fields.find((field) => field.field === 'Account.Credit_Limit__c')).toMatchObject({ owner: 'billing', source: 'policy', tag: 'SAP' });
  });

  it('reports globs of two systems claiming the same fields equally, and a description naming an undeclared system', async () => {
    const tagged = [...customObject('Contact', [sorField('Marketing_Score__c', { description: 'System of record: Marketo.' })])];
    const policy = ['systems:', '  sap: {owns: ["Account.ERP_*"]}', '  billing: {owns: ["Account.ERP_*"]}', ''].join('\n');
    const { findings } = await sorReview([...project, ...tagged], policy);
    expect(only(findings).map((finding) => `${finding.severity} ${finding.message}`)).toEqual([
      'medium arch-review.yml:2: systems.billing.owns[0] "Account.ERP_*" and systems.sap.owns[0] "Account.ERP_*" claim the same fields (Account.ERP_Status__c). Billing system wins only because its key sorts first: make one glob more specific.',
      'low arch-review.yml:2: 1 field description(s) name the system of record "Marketo", which systems does not declare (Contact.Marketing_Score__c). Declare it, or fix the tag to a declared system\'s key or label.',
    ]);
  });

  it('reports integration principals and writer automation the project does not have', async () => {
    const policy = ['systems:', '  sap:', '    owns: [Account.Credit_Limit__c]', '    integration:', '      permissionSets: [SAP_Integraton]', '      automations: ["Flow:ERP_Inbound_Sync"]', ''].join('\n');
    const { findings } = await sorReview(project, policy);
    expect(only(findings).map((finding) => finding.message)).toEqual([
      'arch-review.yml:5: systems.sap.integration.permissionSets[0] names the permission set "SAP_Integraton", which is not in the project (did you mean SAP_Integration?). It cannot be checked; maybe it lives only in the org.',
      'arch-review.yml:6: systems.sap.integration.automations[0] names the automation "Flow:ERP_Inbound_Sync", which is not in the project. It cannot be checked; maybe it lives only in the org.',
    ]);
  });

  it('says nothing when the policy and the project agree, or when there is no policy', async () => {
    const policy = ['systems:', '  sap:', '    owns: [Account.Credit_Limit__c, "Account.ERP_*"]', '    integration: {permissionSets: [SAP_Integration]}', 'defaultOwner: salesforce', ''].join('\n');
    expect(only((await sorReview(project, policy)).findings)).toEqual([]);
    expect(only((await sorReview(project)).findings)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { customObject, formulaField, permissionSetWithFields, sorField } from '../../helpers/dx-project.js';
import { sorReview } from './sor-kit.js';

const only = <T extends { ruleId: string }>(list: T[]): T[] => list.filter((finding) => finding.ruleId === 'sor/unowned-integration-field');

const account = customObject('Account', [
  sorField('NetSuite_Customer_Id__c', { externalId: true, description: 'Owner: finance. Internal id of the customer in NetSuite.' }),
  sorField('Loyalty_Id__c', { externalId: true }),
  sorField('Sync_Note__c', { description: 'Last message from the Marketo sync.' }),
  sorField('Customer_Key__c', { externalId: true }),
  formulaField('Erp_Link__c', '"https://erp/" & Customer_Key__c', 'Link to the record in SAP.'),
]);
const integration = permissionSetWithFields('Middleware_Integration', {
  description: 'Owner: integration-team. Integration user: MuleSoft middleware for NetSuite.',
  fields: { 'Account.Customer_Key__c': 'edit', 'Account.Sync_Note__c': 'edit' },
});

describe('sor/unowned-integration-field', () => {
  it('without a declared owner, reports fields with two signals as info, with the suggested owner', async () => {
    const { findings } = await sorReview([...account, integration]);
    expect(only(findings).map((finding) => `${finding.severity} ${finding.components[0]!.name}`)).toEqual([
      'info Account.Customer_Key__c',
      'info Account.NetSuite_Customer_Id__c',
      'info Account.Sync_Note__c',
    ]);
    const netsuite = only(findings).find((finding) => finding.components[0]!.name === 'Account.NetSuite_Customer_Id__c')!;
    expect(netsuite.message).toBe(
      'Account.NetSuite_Customer_Id__c looks integrated (an external ID; its API name names NetSuite) but no system of record is declared for it. ' +
        'Suggested owner: NetSuite: add "Account.NetSuite_Customer_Id__c" to systems.netsuite.owns in the policy, or "System of record: NetSuite" to the field description.',
    );
    // Marketo is named, but the integration that edits it works for NetSuite: the field's own text wins.
    expect(only(findings).find((finding) => finding.components[0]!.name === 'Account.Sync_Note__c')!.message).toContain('Suggested owner: Marketo');
    // An external ID alone (Loyalty_Id__c) and a formula (Erp_Link__c) are never reported.
  });

  it('is silent for fields with a declared owner (policy or tag)', async () => {
    const policy = ['systems:', '  netsuite:', '    owns: ["Account.NetSuite_*", Account.Customer_Key__c, Account.Sync_Note__c]', ''].join('\n');
    const { findings } = await sorReview([...account, integration], policy);
    expect(only(findings)).toEqual([]);
  });

  it('with defaultOwner declared, reports only an external ID an integration can edit', async () => {
    const { findings } = await sorReview([...account, integration], 'defaultOwner: salesforce\n');
    expect(only(findings).map((finding) => finding.components[0]!.name)).toEqual(['Account.Customer_Key__c']);
    expect(only(findings)[0]!.message).toContain('PermissionSet Middleware_Integration can edit it');
    expect(only(findings)[0]!.message).toContain('Suggested owner: NetSuite');
  });
});

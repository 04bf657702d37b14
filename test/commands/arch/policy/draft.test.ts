import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../../../src/policy/load-policy.js';
import { buildPolicyDraft, renderPolicyDraft } from '../../../../src/policy/init/index.js';
import { loadModel } from '../../../../src/review/review.js';
import { customObject, formulaField, permissionSetWithFields, sorField, writeProject } from '../../../helpers/dx-project.js';

async function draftOf(files: Parameters<typeof writeProject>[0]): Promise<string> {
  const root = writeProject(files);
  return renderPolicyDraft(buildPolicyDraft(await loadModel({ baseDir: root, sourceDirs: [] })));
}

describe('the policy draft (sf arch policy init)', () => {
  it('globs what a system owns where that is exact: Object.* for a whole custom object, Object.PREFIX_* for a name prefix', async () => {
    const text = await draftOf([
      ...customObject('Invoice__c', [sorField('Amount__c', { description: 'System of record: NetSuite.' }), sorField('Status__c', { description: 'SoR: NetSuite' }), formulaField('Overdue__c', 'TODAY()')]),
      ...customObject('Account', [
        sorField('NS_Terms__c', { description: 'System of record: NetSuite.' }),
        sorField('NS_Credit__c', { description: 'System of record: NetSuite.' }),
        sorField('Region__c'),
        sorField('Zuora__Status__c'),
      ]),
    ]);
    const { policy, warnings } = parsePolicy(text, 'draft.yml');
    expect(warnings).toEqual([]);
    expect(policy.systems?.netsuite?.owns).toEqual(['Account.NS_*', 'Invoice__c.*']);
    // A managed package's namespace names its system: owned, with no principal known.
    expect(policy.systems?.zuora?.owns).toEqual(['Account.Zuora__Status__c']);
    expect(text).toContain('- Account.Zuora__Status__c # API name names Zuora');
    expect(text).toContain('# integration: the permission sets, profiles, users and automations that write for zuora');
    expect(policy.defaultOwner).toBe('salesforce');
  });

  it('names a system after an integration principal, with its users, and leaves fields it merely edits as comments', async () => {
    const text = await draftOf([
      ...customObject('Account', [sorField('Ext_Key__c', { externalId: true }), sorField('Region__c')]),
      permissionSetWithFields('Workday_Connector', {
        description: 'Integration user: Workday HR feed, user hr.sync@example.com.',
        fields: { 'Account.Ext_Key__c': 'edit', 'Account.Region__c': 'edit' },
      }),
    ]);
    const { policy } = parsePolicy(text, 'draft.yml');
    expect(policy.systems?.workday).toEqual({ label: 'Workday', owns: [], integration: { permissionSets: ['Workday_Connector'], users: ['hr.sync@example.com'] } });
    expect(text).toContain('owns: []');
    expect(text).toContain('# - Account.Ext_Key__c # external ID; editable by PermissionSet Workday_Connector');
    expect(text).toContain('# - Account.Region__c # editable by PermissionSet Workday_Connector');
  });
});

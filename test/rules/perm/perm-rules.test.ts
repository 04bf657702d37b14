import { describe, expect, it } from 'vitest';
import { customObject, permissionContainer, permissionSetGroup, sorField } from '../../helpers/dx-project.js';
import { brief, permFindings, principalsOf, reviewPerm } from './perm-kit.js';

const ERP_POLICY = `systems:
  erp:
    label: ERP
    owns: ["*.ERP_*", "Order__c.*"]
    integration:
      permissionSets: [Ops_Access]
  billing:
    label: Billing
    owns: ["*.Billing_*"]
`;

const objects = [
  ...customObject('Order__c', [sorField('Amount__c'), sorField('ERP_Number__c', { externalId: true })]),
  ...customObject('Ticket__c', [sorField('Status__c')]),
  ...customObject('Account', [sorField('ERP_Id__c'), sorField('Billing_Id__c'), sorField('Credit_Rating__c')]),
];

describe('perm/integration-dangerous-permission', () => {
  it('reports one finding per detected integration, listing every dangerous permission with tier and source', async () => {
    const findings = await permFindings([
      permissionContainer('PermissionSet', 'Mule_Integration', { userPermissions: ['ApiEnabled', 'AuthorApex', 'ExportReport', 'ManageRoles', 'ModifyAllData'] }),
    ]);
    expect(findings.map(brief)).toEqual(['critical perm/integration-dangerous-permission PermissionSet Mule_Integration']);
    const [finding] = findings;
    expect(finding!.message).toContain('(detected, system unknown)');
    expect(finding!.message).toContain('AuthorApex (critical), ModifyAllData (critical), ManageRoles (high), ExportReport (medium)');
    expect(finding!.evidence.map((evidence) => evidence.text.split(':')[0])).toEqual(['AuthorApex (critical)', 'ModifyAllData (critical)', 'ManageRoles (high)', 'ExportReport (medium)']);
    expect(finding!.evidence[1]).toMatchObject({ file: 'force-app/main/default/permissionsets/Mule_Integration.permissionset-meta.xml', line: 2 });
    expect(finding!.evidence[1]!.text).toContain('Granted by PermissionSet Mule_Integration.');
  });

  it('takes the severity from the highest tier present', async () => {
    const findings = await permFindings([permissionContainer('PermissionSet', 'Boomi_Sync', { userPermissions: ['ApiEnabled', 'ManageRoles', 'ViewSetup'] })]);
    expect(findings.map(brief)).toEqual(['high perm/integration-dangerous-permission PermissionSet Boomi_Sync']);
  });

  it('does not fire for a permission set for people, whatever it grants', async () => {
    const findings = await permFindings([
      permissionContainer('PermissionSet', 'Platform_Admin', { description: 'Administrators (named people).', userPermissions: ['ModifyAllData', 'ViewAllData', 'AuthorApex'] }),
    ]);
    expect(findings).toEqual([]);
  });

  it('fires on a profile-only grant of an API-only integration profile', async () => {
    const findings = await permFindings([
      permissionContainer('Profile', 'Warehouse API', { license: 'Salesforce Integration', userPermissions: ['ApiEnabled', 'ApiUserOnly', 'ViewAllData'] }),
    ]);
    expect(findings.map(brief)).toEqual(['critical perm/integration-dangerous-permission Profile Warehouse API']);
    expect(findings[0]!.message).toContain('ViewAllData (critical)');
  });

  it('subtracts the muting permission set of a group: a muted ModifyAllData does not fire', async () => {
    const members = [
      permissionContainer('PermissionSet', 'Data_Steward', { userPermissions: ['ModifyAllData', 'ApiEnabled'] }),
      permissionContainer('PermissionSet', 'Order_Access', { objects: { Order__c: { read: true } } }),
    ];
    const muted = await permFindings([
      ...members,
      permissionContainer('MutingPermissionSet', 'Integration_Bundle_Muting', { userPermissions: ['ModifyAllData'] }),
      permissionSetGroup('Integration_Bundle', { permissionSets: ['Data_Steward', 'Order_Access'], mutingPermissionSets: ['Integration_Bundle_Muting'] }),
    ]);
    expect(muted).toEqual([]);

    const unmuted = await permFindings([...members, permissionSetGroup('Integration_Bundle', { permissionSets: ['Data_Steward', 'Order_Access'] })]);
    expect(unmuted.map(brief)).toEqual(['critical perm/integration-dangerous-permission PermissionSetGroup Integration_Bundle']);
    expect(unmuted[0]!.evidence[0]!.text).toContain('Granted by PermissionSetGroup Integration_Bundle > PermissionSet Data_Steward.');
    // The member to fix is named, and the evidence points at its file.
    expect(unmuted[0]!.components.map((component) => `${component.type} ${component.name}`)).toEqual(['PermissionSetGroup Integration_Bundle', 'PermissionSet Data_Steward']);
    expect(unmuted[0]!.evidence[0]!.file).toBe('force-app/main/default/permissionsets/Data_Steward.permissionset-meta.xml');
  });

  it('tells declared principals from detected ones, and lets integrationExclude drop a detected one', async () => {
    const files = [
      ...objects,
      permissionContainer('PermissionSet', 'Ops_Access', { userPermissions: ['ViewAllData'] }),
      permissionContainer('PermissionSet', 'Integration_Admins', { description: 'People who administer the integrations.', userPermissions: ['ModifyAllData'] }),
    ];
    const { result } = await reviewPerm(files, { policy: ERP_POLICY });
    const dangerous = result.findings.filter((finding) => finding.ruleId === 'perm/integration-dangerous-permission');
    expect(dangerous.map(brief)).toEqual([
      'critical perm/integration-dangerous-permission PermissionSet Integration_Admins',
      'critical perm/integration-dangerous-permission PermissionSet Ops_Access',
    ]);
    expect(dangerous[1]!.message).toContain('(declared, ERP)');
    expect(dangerous[0]!.message).toContain('(detected, system unknown)');
    const principals = principalsOf(result);
    expect(principals.map((principal) => `${principal.id} ${principal.origin} ${principal.reasons.join('; ')}`)).toEqual([
      'PermissionSet:Integration_Admins detected name matches "integration"; description matches "integrations"',
      'PermissionSet:Ops_Access declared systems.erp.integration.permissionSets in arch-review.yml:6',
    ]);

    const excluded = await permFindings(files, { policy: `${ERP_POLICY}integrationExclude: [Integration_Admins]\n` });
    expect(excluded.map(brief)).toEqual(['critical perm/integration-dangerous-permission PermissionSet Ops_Access']);
  });

  it('detects integrations by ApiUserOnly, the integration licences and the Minimum Access - API Only Integrations profile', async () => {
    const { result } = await reviewPerm([
      permissionContainer('PermissionSet', 'Warehouse_Feed', { userPermissions: ['ApiUserOnly'] }),
      permissionContainer('PermissionSet', 'Partner_Access', { license: 'Salesforce API Integration' }),
      permissionContainer('Profile', 'Minimum Access - API Only Integrations', { license: 'Salesforce Integration', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
      permissionContainer('Profile', 'Sales User', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }),
    ]);
    expect(principalsOf(result).map((principal) => `${principal.id}: ${principal.reasons.join('; ')}`)).toEqual([
      'Profile:Minimum Access - API Only Integrations: has ApiUserOnly (API only user); user license Salesforce Integration; the Minimum Access - API Only Integrations profile; name matches "integrations", "api only"',
      'PermissionSet:Partner_Access: licence Salesforce API Integration',
      'PermissionSet:Warehouse_Feed: has ApiUserOnly (API only user)',
    ]);
  });
});

describe('perm/integration-object-scope', () => {
  it('reports View All, Modify All, Delete outside its records and edit where its system owns nothing, in one finding', async () => {
    const findings = await permFindings(
      [
        ...objects,
        permissionContainer('PermissionSet', 'Ops_Access', {
          objects: {
            Account: { viewAll: true },
            Case: { delete: true, edit: true },
            Order__c: { create: true, edit: true, delete: true },
            Ticket__c: { edit: true },
          },
          fields: { 'Account.ERP_Id__c': 'edit' },
        }),
      ],
      { policy: ERP_POLICY },
    );
    expect(findings.map(brief)).toEqual(['medium perm/integration-object-scope PermissionSet Ops_Access']);
    expect(findings[0]!.message).toBe(
      "Integration principal PermissionSet Ops_Access (declared, ERP) reaches beyond its system's data on 3 objects: Account (View All), Case (delete, edit), Ticket__c (edit).",
    );
    expect(findings[0]!.evidence.map((evidence) => evidence.text)).toEqual([
      'View All reads every Account record, ignoring sharing. Granted by PermissionSet Ops_Access.',
      'Delete on Case, whose records ERP does not own; edit on Case, where ERP owns no field and the integration edits no field. Granted by PermissionSet Ops_Access.',
      'edit on Ticket__c, where ERP owns no field and the integration edits no field. Granted by PermissionSet Ops_Access.',
    ]);
  });

  it('is high for Modify All, and quiet for Delete on its own records and edit where it edits fields', async () => {
    const modifyAll = await permFindings([...objects, permissionContainer('PermissionSet', 'Ops_Access', { objects: { Ticket__c: { modifyAll: true, edit: true } } })], {
      policy: ERP_POLICY,
    });
    expect(modifyAll.map(brief)).toEqual(['high perm/integration-object-scope PermissionSet Ops_Access']);

    const quiet = await permFindings(
      [
        ...objects,
        permissionContainer('PermissionSet', 'Ops_Access', {
          objects: { Order__c: { create: true, edit: true, delete: true }, Ticket__c: { edit: true }, Account: { edit: true } },
          fields: { 'Ticket__c.Status__c': 'edit', 'Account.ERP_Id__c': 'edit' },
        }),
      ],
      { policy: ERP_POLICY },
    );
    expect(quiet).toEqual([]);
  });
});

describe('perm/integration-field-scope', () => {
  it('lists the fields another system owns in one high finding; its own fields are fine', async () => {
    const findings = await permFindings(
      [
        ...objects,
        permissionContainer('PermissionSet', 'Ops_Access', {
          objects: { Account: { edit: true } },
          fields: { 'Account.ERP_Id__c': 'edit', 'Account.Billing_Id__c': 'edit', 'Account.Credit_Rating__c': 'edit' },
        }),
      ],
      { policy: ERP_POLICY },
    );
    expect(findings.map(brief)).toEqual(['high perm/integration-field-scope PermissionSet Ops_Access']);
    expect(findings[0]!.message).toContain('can edit 1 field outside its system: Account.Billing_Id__c (Billing).');
    expect(findings[0]!.components.map((component) => `${component.type} ${component.name} ${component.file}`)).toEqual([
      'PermissionSet Ops_Access force-app/main/default/permissionsets/Ops_Access.permissionset-meta.xml',
      'CustomField Account.Billing_Id__c force-app/main/default/objects/Account/fields/Billing_Id__c.field-meta.xml',
    ]);
  });

  it('reports Salesforce fields the policy protects', async () => {
    const findings = await permFindings(
      [...objects, permissionContainer('PermissionSet', 'Ops_Access', { objects: { Account: { edit: true } }, fields: { 'Account.Credit_Rating__c': 'edit', 'Account.ERP_Id__c': 'edit' } })],
      { policy: `${ERP_POLICY}protectedFields: ["Account.Credit_*"]\n` },
    );
    expect(findings.map(brief)).toEqual(['high perm/integration-field-scope PermissionSet Ops_Access']);
    expect(findings[0]!.message).toContain('Account.Credit_Rating__c (Salesforce, protected)');
  });

  it('is medium when the integration’s own system is unknown (it might be the owner)', async () => {
    const findings = await permFindings(
      [...objects, permissionContainer('PermissionSet', 'Zapier_Connector', { objects: { Account: { edit: true } }, fields: { 'Account.ERP_Id__c': 'edit' } })],
      { policy: ERP_POLICY },
    );
    expect(findings.map(brief)).toEqual(['medium perm/integration-field-scope PermissionSet Zapier_Connector']);
    expect(findings[0]!.message).toContain('Declare its system');
  });
});

describe('perm/integration-interactive', () => {
  it('fires on an integration profile without ApiUserOnly, not on an API-only or Integration-licence one', async () => {
    const findings = await permFindings([
      permissionContainer('Profile', 'ERP Integration', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }),
      permissionContainer('Profile', 'Billing Integration', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
      permissionContainer('Profile', 'Warehouse Integration', { license: 'Salesforce Integration', userPermissions: ['ApiEnabled'] }),
    ]);
    expect(findings.map(brief)).toEqual(['high perm/integration-interactive Profile ERP Integration']);
    expect(findings[0]!.message).toContain('not API only: no ApiUserOnly');
  });

  it('never fires on a permission set alone: the user’s profile decides', async () => {
    expect(await permFindings([permissionContainer('PermissionSet', 'ERP_Integration', { userPermissions: ['ApiEnabled'] })])).toEqual([]);
  });

  it('with --assignments: an integration user on a people profile, and a permission set it shares with people', async () => {
    const files = [
      ...objects,
      permissionContainer('Profile', 'Sales User', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }),
      permissionContainer('Profile', 'API Only', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
      permissionContainer('PermissionSet', 'Ops_Access', { objects: { Order__c: { edit: true } } }),
      permissionContainer('PermissionSet', 'Reports', { userPermissions: ['RunReports'] }),
    ];
    const csv = [
      'Username,PermissionSet,PermissionSetGroup,Profile',
      'erp.user@acme.com,Ops_Access,,Sales User',
      'jane@acme.com,Ops_Access,,Sales User',
      'jane@acme.com,Reports,,Sales User',
      'sam@acme.com,X00e5000000abcDEF,,Sales User',
      'warehouse.integration@acme.com,Reports,,API Only',
      '',
    ].join('\r\n');
    const policy = `${ERP_POLICY.replace('permissionSets: [Ops_Access]', 'permissionSets: [Ops_Access]\n      users: [erp.user@acme.com]')}`;
    const { result } = await reviewPerm(files, { policy, assignments: csv });
    const findings = result.findings.filter((finding) => finding.ruleId === 'perm/integration-interactive');
    expect(findings.map(brief)).toEqual([
      'high perm/integration-interactive User erp.user@acme.com',
      'medium perm/integration-interactive PermissionSet Ops_Access',
      'medium perm/integration-interactive PermissionSet Reports',
    ]);
    expect(findings[0]!.message).toContain('no ApiUserOnly in its profile Sales User or its permission sets');
    expect(findings[0]!.components.map((component) => `${component.type} ${component.name} ${component.file}`)).toEqual([
      'User erp.user@acme.com assignments.csv',
      'Profile Sales User force-app/main/default/profiles/Sales User.profile-meta.xml',
    ]);
    expect(findings[1]!.message).toContain('assigned to integration user erp.user@acme.com and to 1 other user (jane@acme.com)');
    expect(findings[2]!.message).toContain('integration user warehouse.integration@acme.com and to 1 other user (jane@acme.com)');
    const principals = principalsOf(result).map((principal) => `${principal.id} ${principal.origin} [${principal.holds.join(', ')}] ${principal.login}`);
    expect(principals).toEqual([
      'Profile:API Only detected [Profile:API Only] API only (ApiUserOnly)',
      'PermissionSet:Ops_Access declared [PermissionSet:Ops_Access] decided by the user\'s profile',
      'User:erp.user@acme.com declared [Profile:Sales User, PermissionSet:Ops_Access] no ApiUserOnly in its profile Sales User or its permission sets: a person can log in with it',
      'User:warehouse.integration@acme.com detected [Profile:API Only, PermissionSet:Reports] API only (ApiUserOnly)',
    ]);
  });

  it('reports on the user what it gets through a permission set that is not an integration’s, and not again what its integration set grants', async () => {
    const files = [
      permissionContainer('Profile', 'API Only', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
      permissionContainer('PermissionSet', 'ERP_Integration', { userPermissions: ['ViewAllData'] }),
      permissionContainer('PermissionSet', 'Platform_Admin', { description: 'For named administrators.', userPermissions: ['ModifyAllData'] }),
    ];
    const csv = 'Assignee.Username,PermissionSet.Name,PermissionSetGroup.DeveloperName,Assignee.Profile.Name\nerp.sync@acme.com,ERP_Integration,,API Only\nerp.sync@acme.com,Platform_Admin,,API Only\n';
    const findings = await permFindings(files, { assignments: csv });
    expect(findings.map(brief)).toEqual([
      'critical perm/integration-dangerous-permission PermissionSet ERP_Integration',
      'critical perm/integration-dangerous-permission User erp.sync@acme.com',
    ]);
    expect(findings[1]!.message).toContain(': ModifyAllData (critical)');
    expect(findings[1]!.message).not.toContain('ViewAllData');
    expect(findings[1]!.components.map((component) => `${component.type} ${component.name}`)).toEqual(['User erp.sync@acme.com', 'PermissionSet Platform_Admin']);
  });
});

describe('hygiene/cloned-permission-set', () => {
  const grants = { objects: { Account: { read: true, edit: true }, Case: { read: true } }, fields: { 'Account.A__c': 'edit', 'Account.B__c': 'read', 'Account.C__c': 'read' } } as const;

  it('reports a set named as a copy on the copy, naming the original and the difference', async () => {
    const findings = await permFindings([
      permissionContainer('PermissionSet', 'Service_Desk', { ...grants, fields: { ...grants.fields } }),
      permissionContainer('PermissionSet', 'Service_Desk_v2', { ...grants, fields: { ...grants.fields }, userPermissions: ['RunReports'] }),
    ]);
    expect(findings.map(brief)).toEqual(['low hygiene/cloned-permission-set PermissionSet Service_Desk_v2']);
    expect(findings[0]!.message).toContain('is a copy of Service_Desk: its name says so');
    expect(findings[0]!.evidence.map((evidence) => evidence.text)).toEqual(['original: PermissionSet Service_Desk', 'only in the copy: RunReports']);
  });

  it('reports nearly identical sets by their grants alone, on the one that grants more', async () => {
    const fields = Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`Account.F${index}__c`, 'read' as const]));
    const findings = await permFindings([
      permissionContainer('PermissionSet', 'Support_Tier_1', { fields }),
      permissionContainer('PermissionSet', 'Helpdesk', { fields, userPermissions: ['RunReports'] }),
      permissionContainer('PermissionSet', 'Finance', { fields: { 'Account.F1__c': 'read', 'Account.X__c': 'edit' } }),
    ]);
    expect(findings.map(brief)).toEqual(['low hygiene/cloned-permission-set PermissionSet Helpdesk']);
    expect(findings[0]!.message).toContain('is a copy of Support_Tier_1: 12 of its 13 grants are the same (92% alike)');
  });

  it('does not fire for unlike sets, small sets, or a name alone with no original', async () => {
    const findings = await permFindings([
      permissionContainer('PermissionSet', 'Opportunity_Clone', { userPermissions: ['RunReports'] }),
      permissionContainer('PermissionSet', 'Api_A', { userPermissions: ['ApiEnabled'] }),
      permissionContainer('PermissionSet', 'Api_B', { userPermissions: ['ApiEnabled'] }),
      permissionContainer('PermissionSet', 'Sales', { ...grants, fields: { ...grants.fields } }),
      permissionContainer('PermissionSet', 'Marketing', { fields: { 'Contact.A__c': 'edit', 'Contact.B__c': 'edit', 'Contact.C__c': 'edit', 'Contact.D__c': 'edit', 'Contact.E__c': 'edit' } }),
    ]);
    expect(findings).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { permissionContainer, permissionSetGroup } from '../../helpers/dx-project.js';
import { bypassChecks, customPermission, granting } from './bypass-kit.js';
import { brief, permFindings, principalsOf, reviewPerm } from './perm-kit.js';

const bypasses = (findings: Awaited<ReturnType<typeof permFindings>>) => findings.filter((finding) => finding.ruleId === 'perm/integration-bypass');

describe('perm/integration-bypass', () => {
  it('reports an integration holding a bypass permission, naming every rule, flow and Apex that checks it with file and line', async () => {
    const findings = bypasses(
      await permFindings([
        customPermission('Bypass_Automation', 'Bypass Automation'),
        ...bypassChecks('Bypass_Automation'),
        granting(permissionContainer('PermissionSet', 'Mule_Integration', { userPermissions: ['ApiEnabled'] }), ['Bypass_Automation']),
      ]),
    );
    expect(findings.map(brief)).toEqual(['high perm/integration-bypass PermissionSet Mule_Integration']);
    const [finding] = findings;
    expect(finding!.message).toContain('Integration principal PermissionSet Mule_Integration (detected, system unknown) holds custom permission Bypass_Automation ("Bypass Automation"), which 6 automations check');
    // Each check with its file and line; the inactive validation rule bypasses nothing and is not listed.
    expect(finding!.evidence.map((evidence) => `${evidence.file}:${evidence.line} ${evidence.text}`)).toEqual([
      'force-app/main/default/permissionsets/Mule_Integration.permissionset-meta.xml:2 Bypass_Automation: granted by PermissionSet Mule_Integration.',
      'force-app/main/default/classes/AccountGuard.cls:3 ApexClass AccountGuard.apply: checks Bypass_Automation (FeatureManagement.checkPermission).',
      'force-app/main/default/flows/Account_Defaults.flow-meta.xml:14 Flow Account_Defaults: checks Bypass_Automation (decision Is_Bypassed).',
      'force-app/main/default/flows/Account_Defaults.flow-meta.xml:29 Flow Account_Defaults: checks Bypass_Automation (formula Skip_Sync).',
      'force-app/main/default/flows/Account_Defaults.flow-meta.xml:53 Flow Account_Defaults: checks Bypass_Automation (entry criteria).',
      'force-app/main/default/objects/Account/validationRules/Locked_Number.validationRule-meta.xml:2 ValidationRule Account.Locked_Number: checks Bypass_Automation (error condition).',
      'force-app/main/default/triggers/AccountTrigger.trigger:2 ApexTrigger AccountTrigger: checks Bypass_Automation (FeatureManagement.checkPermission).',
    ]);
    expect(finding!.message).toContain('ValidationRule Account.Locked_Number (force-app/main/default/objects/Account/validationRules/Locked_Number.validationRule-meta.xml:2, error condition)');
    expect(finding!.message).not.toContain('Old_Rule');
    expect(finding!.components.map((component) => `${component.type} ${component.name} ${component.file}`)).toEqual([
      'PermissionSet Mule_Integration force-app/main/default/permissionsets/Mule_Integration.permissionset-meta.xml',
      'CustomPermission Bypass_Automation force-app/main/default/customPermissions/Bypass_Automation.customPermission-meta.xml',
    ]);
  });

  it('is not its business when a person’s permission set holds the bypass, or when nothing checks the permission', async () => {
    const people = await permFindings([
      customPermission('Bypass_Automation'),
      ...bypassChecks('Bypass_Automation'),
      granting(permissionContainer('PermissionSet', 'Deal_Desk', { description: 'Deal desk analysts.' }), ['Bypass_Automation']),
      permissionContainer('PermissionSet', 'Mule_Integration', { userPermissions: ['ApiEnabled'] }),
    ]);
    expect(bypasses(people)).toEqual([]);

    const unchecked = await permFindings([
      customPermission('Export_Reports'),
      ...bypassChecks('Bypass_Automation'),
      granting(permissionContainer('PermissionSet', 'Mule_Integration', { userPermissions: ['ApiEnabled'] }), ['Export_Reports']),
    ]);
    expect(bypasses(unchecked)).toEqual([]);

    // Written but not enabled: not held.
    const disabled = await permFindings([...bypassChecks('Bypass_Automation'), granting(permissionContainer('PermissionSet', 'Mule_Integration'), ['Bypass_Automation'], false)]);
    expect(bypasses(disabled)).toEqual([]);
  });

  it('follows groups: a member’s grant fires on the group, naming the member; a muted one does not', async () => {
    const files = [
      ...bypassChecks('Bypass_Automation'),
      granting(permissionContainer('PermissionSet', 'Data_Loader_Access'), ['Bypass_Automation']),
      permissionContainer('PermissionSet', 'Order_Access', { objects: { Account: { read: true } } }),
    ];
    const grouped = bypasses(await permFindings([...files, permissionSetGroup('Boomi_Bundle', { permissionSets: ['Data_Loader_Access', 'Order_Access'] })]));
    expect(grouped.map(brief)).toEqual(['high perm/integration-bypass PermissionSetGroup Boomi_Bundle']);
    expect(grouped[0]!.message).toContain('Granted by PermissionSetGroup Boomi_Bundle > PermissionSet Data_Loader_Access.');
    expect(grouped[0]!.components.map((component) => `${component.type} ${component.name}`)).toEqual(['PermissionSetGroup Boomi_Bundle', 'CustomPermission Bypass_Automation', 'PermissionSet Data_Loader_Access']);

    const muted = await permFindings([
      ...files,
      granting(permissionContainer('MutingPermissionSet', 'Boomi_Bundle_Muting'), ['Bypass_Automation']),
      permissionSetGroup('Boomi_Bundle', { permissionSets: ['Data_Loader_Access', 'Order_Access'], mutingPermissionSets: ['Boomi_Bundle_Muting'] }),
    ]);
    expect(bypasses(muted)).toEqual([]);
  });

  it('leaves a Service Cloud agent profile out, and reports a "service user" profile that is API only', async () => {
    const { result } = await reviewPerm([
      ...bypassChecks('Bypass_Automation'),
      granting(permissionContainer('Profile', 'Service User 01', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }), ['Bypass_Automation']),
      granting(permissionContainer('Profile', 'Custom: Service Agent', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }), ['Bypass_Automation']),
      granting(permissionContainer('Profile', 'Service User API', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }), ['Bypass_Automation']),
      granting(permissionContainer('PermissionSet', 'Warehouse_Integration'), ['Bypass_Automation']),
    ]);
    expect(principalsOf(result).map((principal) => `${principal.id}: ${principal.reasons.join('; ')}`)).toEqual([
      'Profile:Service User API: has ApiUserOnly (API only user); name matches "service user" (a Service Cloud term too: counted because another signal agrees)',
      'PermissionSet:Warehouse_Integration: name matches "integration"',
    ]);
    expect(result.findings.filter((finding) => finding.ruleId === 'perm/integration-bypass').map(brief)).toEqual([
      'high perm/integration-bypass PermissionSet Warehouse_Integration',
      'high perm/integration-bypass Profile Service User API',
    ]);
  });
});

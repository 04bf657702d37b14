import { describe, expect, it } from 'vitest';
import type { PermissionContainerModel, PermissionSetGroupModel } from '../../src/metadata/model.js';
import { detectIntegration, detectUsername, integrationReasons } from '../../src/permissions/integration-detection.js';
import { principalSignals } from '../../src/policy/init/signals.js';

function container(kind: PermissionContainerModel['kind'], name: string, extra: Partial<PermissionContainerModel> = {}): PermissionContainerModel {
  return { kind, name, userPermissions: [], objectPermissions: [], fieldPermissions: [], classAccess: [], tabCount: 0, source: { file: `${name}.xml`, line: 2 }, ...extra };
}

function group(name: string, extra: Partial<PermissionSetGroupModel> = {}): PermissionSetGroupModel {
  return { name, permissionSets: [], mutingPermissionSets: [], source: { file: `${name}.xml` }, ...extra };
}

/** Both readers of the one detection: the permission rules and `policy init`. */
const both = (model: PermissionContainerModel | PermissionSetGroupModel): [boolean, boolean] => [detectIntegration(model).integration, principalSignals(model).integration];

describe('integration detection (one reading for the permission rules and policy init)', () => {
  it('leaves Service Cloud agent profiles out: "Service User 01" and "Custom: Service Agent" are people', () => {
    const serviceUser = container('Profile', 'Service User 01', { license: 'Salesforce', userPermissions: ['ApiEnabled'], tabCount: 12 });
    const serviceAgent = container('Profile', 'Custom: Service Agent', { license: 'Salesforce', userPermissions: ['ApiEnabled'], tabCount: 30 });
    const agentSet = container('PermissionSet', 'Service_Agent_Tools', { label: 'Service Agent Tools', description: 'Console tools for service users.' });
    for (const model of [serviceUser, serviceAgent, agentSet]) {
      expect(both(model), model.name).toEqual([false, false]);
      expect(integrationReasons(detectIntegration(model)), model.name).toEqual([]);
    }
    // The word was seen, and is kept as a signal that could agree with another one.
    expect(detectIntegration(serviceUser).signals).toEqual([{ kind: 'vocabulary', where: 'name', terms: ['service user'], ambiguous: true }]);
  });

  it('counts a real integration profile and permission set, in both readers, with the same signals', () => {
    const profile = container('Profile', 'Warehouse Integration', { license: 'Salesforce Integration', userPermissions: ['ApiEnabled'] });
    const set = container('PermissionSet', 'Mule_Sync', { description: 'Owner: it. Integration user: MuleSoft middleware.' });
    expect(both(profile)).toEqual([true, true]);
    expect(both(set)).toEqual([true, true]);
    expect(integrationReasons(detectIntegration(profile))).toEqual(['user license Salesforce Integration', 'name matches "integration"']);
    // The tag is the description's reading: its word "integration" is not listed again.
    expect(integrationReasons(detectIntegration(set))).toEqual(['description says "Integration user: MuleSoft middleware"', 'name matches "sync", "mule"']);
    expect(principalSignals(set).evidence).toEqual(['description: "Integration user: MuleSoft middleware"']);
    expect(principalSignals(profile).evidence).toEqual(['licence Salesforce Integration']);
  });

  it('counts a "service user" that is API only, and one whose named-credential access agrees with its name', () => {
    const apiOnly = container('Profile', 'Service User API', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] });
    expect(both(apiOnly)).toEqual([true, true]);
    expect(integrationReasons(detectIntegration(apiOnly))).toEqual([
      'has ApiUserOnly (API only user)',
      'name matches "service user" (a Service Cloud term too: counted because another signal agrees)',
    ]);
    expect(principalSignals(apiOnly).evidence).toEqual(['ApiUserOnly']);

    const credentialed = container('PermissionSet', 'Service_User_Access', { externalCredentialPrincipals: ['Warehouse-Principal'] });
    expect(both(credentialed)).toEqual([true, true]);
    expect(principalSignals(credentialed).evidence).toEqual(['external credential principal Warehouse-Principal', 'name "Service_User_Access"']);
    // Named credentials are per-user too: the access alone says nothing.
    expect(both(container('PermissionSet', 'Field_Sales_Tools', { externalCredentialPrincipals: ['Maps-Principal'] }))).toEqual([false, false]);
  });

  it('reads groups and usernames the same way', () => {
    expect(both(group('Boomi_Bundle'))).toEqual([true, true]);
    expect(both(group('Service_Agents', { label: 'Service Agents' }))).toEqual([false, false]);
    expect(detectUsername('etl.sync@acme.com').integration).toBe(true);
    expect(detectUsername('service.user@acme.com').integration).toBe(false);
  });
});

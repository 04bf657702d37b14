// Records the fake org answers queries with: the sample's users, their assignments, one installed package.
import type { MetadataStore } from './metadata-store.js';
import type { SObjectRecord } from './rest-api.js';

type SampleUser = { username: string; profile: string; license: string; permissionSets?: string[]; groups?: string[] };

export const SAMPLE_USERS: SampleUser[] = [
  { username: 'admin@acme.example', profile: 'System Administrator', license: 'Salesforce', permissionSets: ['Acme_Platform_Admin'] },
  { username: 'billing.sync@acme.example', profile: 'Minimum Access - API Only Integrations', license: 'Salesforce Integration', permissionSets: ['Billing_Sync'] },
  { username: 'finance.lead@acme.example', profile: 'Acme Sales User', license: 'Salesforce', permissionSets: ['Finance_Operations'] },
  { username: 'sales.rep@acme.example', profile: 'Acme Sales User', license: 'Salesforce', groups: ['Sales_Team_Bundle'] },
  { username: 'sap.integration@acme.example', profile: 'SAP Integration Profile', license: 'Salesforce Integration', permissionSets: ['SAP_Integration'] },
];

const attributes = (type: string, id: string): { type: string; url: string } => ({ type, url: `/services/data/v62.0/sobjects/${type}/${id}` });

export function userRecords(users: SampleUser[] = SAMPLE_USERS): SObjectRecord[] {
  return users.map((user, index) => ({
    attributes: attributes('User', `005FAKE00000000${index}AA`),
    Username: user.username,
    IsActive: true,
    Profile: { attributes: attributes('Profile', `00eFAKE00000000${index}AA`), Name: user.profile, UserLicense: { attributes: attributes('UserLicense', '100FAKE'), Name: user.license } },
  }));
}

/** One row per profile (its own permission set), permission set and group, as PermissionSetAssignment has them. */
export function assignmentRecords(users: SampleUser[] = SAMPLE_USERS): SObjectRecord[] {
  let next = 0;
  const row = (username: string, permissionSet: Record<string, unknown>, group?: string): SObjectRecord => {
    next += 1;
    return {
      attributes: attributes('PermissionSetAssignment', `0PaFAKE0000000${String(next).padStart(2, '0')}`),
      Assignee: { attributes: attributes('User', 'x'), Username: username },
      PermissionSet: { attributes: attributes('PermissionSet', 'x'), ...permissionSet },
      PermissionSetGroupId: group ? `0PGFAKE0000000${String(next).padStart(2, '0')}` : null,
      PermissionSetGroup: group ? { attributes: attributes('PermissionSetGroup', 'x'), DeveloperName: group } : null,
    };
  };
  return users.flatMap((user) => [
    row(user.username, { Name: `X00eFAKE_${user.profile.replace(/\W/g, '')}`, IsOwnedByProfile: true, Profile: { Name: user.profile } }),
    ...(user.permissionSets ?? []).map((name) => row(user.username, { Name: name, IsOwnedByProfile: false, Profile: null })),
    ...(user.groups ?? []).map((group) => row(user.username, { Name: `${group}_aggregate`, IsOwnedByProfile: false, Profile: null }, group)),
  ]);
}

export const SAMPLE_PACKAGE = { namespace: 'acmebill', name: 'Acme Billing Connector', version: '3.4.0.2' };

export function installedPackageRecords(): SObjectRecord[] {
  return [
    {
      attributes: attributes('InstalledSubscriberPackage', '0A3FAKE'),
      SubscriberPackage: { NamespacePrefix: SAMPLE_PACKAGE.namespace, Name: SAMPLE_PACKAGE.name },
      SubscriberPackageVersion: { MajorVersion: 3, MinorVersion: 4, PatchVersion: 0, BuildNumber: 2 },
    },
  ];
}

/** A FlowDefinition per flow: the active version is the latest one, as long as the flow is not a draft. */
export function flowDefinitionRecords(store: MetadataStore): SObjectRecord[] {
  return store.list('Flow').map((flow) => {
    // A managed flow's file is hidden; it is taken as active.
    const active = flow.files[0] === undefined || /<status>Active<\/status>/.test(store.read(flow.files[0]));
    return {
      attributes: attributes('FlowDefinition', flow.fullName),
      DeveloperName: flow.fullName,
      NamespacePrefix: flow.namespacePrefix ?? null,
      ActiveVersion: active ? { VersionNumber: 1 } : null,
      LatestVersion: { VersionNumber: 1 },
    };
  });
}

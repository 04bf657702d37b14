import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../src/graph/types.js';
import type { PermissionContainerModel } from '../../src/metadata/model.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { globToRegExp, resolveFieldOwnership, sorTagOf } from '../../src/policy/ownership.js';
import { EMPTY_POLICY } from '../../src/policy/policy.js';
import { field, model, object, workflow, workflowRule, fieldUpdate } from '../graph/build/model-kit.js';

const container = (kind: 'PermissionSet' | 'Profile', name: string, description?: string): PermissionContainerModel => ({
  kind,
  name,
  ...(description ? { description } : {}),
  userPermissions: [],
  objectPermissions: [],
  fieldPermissions: [],
  classAccess: [],
  tabCount: 0,
  source: { file: `force-app/main/default/${kind === 'Profile' ? 'profiles' : 'permissionsets'}/${name}.xml` },
});

const sample = model({
  objects: [
    object('Account', [
      field('Account', 'Credit_Limit__c', { description: 'Owner: finance-ops. System of record: SAP. From FSCM.' }),
      field('Account', 'ERP_Status__c'),
      field('Account', 'ERP_Region__c', { description: 'SoR: billing' }),
      field('Account', 'Billing_Status__c', { description: 'sor = Billing System' }),
      field('Account', 'Region__c'),
      field('Account', 'Score__c', { description: 'System of record: Gainsight.' }),
    ]),
    object('Invoice__c', [field('Invoice__c', 'Amount__c'), field('Invoice__c', 'Status__c', { description: 'System of record: S/4HANA.' })]),
  ],
  permissionSets: [container('PermissionSet', 'SAP_Integration'), container('PermissionSet', 'Billing_Sync', 'Owner: it. Integration user: billing system sync, API only.'), container('PermissionSet', 'Sales')],
  profiles: [container('Profile', 'SAP Integration Profile', 'Integration user: SAP middleware (MuleSoft).')],
  permissionSetGroups: [{ name: 'Integration_Bundle', permissionSets: ['SAP_Integration'], mutingPermissionSets: [], source: { file: 'g.xml' } }],
  workflows: [
    workflow('Account', {
      rules: [workflowRule('Account', 'Stamp', { actions: [{ name: 'Set_Status', type: 'FieldUpdate' }] })],
      fieldUpdates: [fieldUpdate('Account', 'Set_Status', 'ERP_Status__c')],
    }),
  ],
});

const POLICY = parsePolicy(
  [
    'systems:',
    '  sap:',
    '    label: SAP S/4HANA (ERP)',
    '    owns: [Account.Credit_Limit__c, "Account.ERP_*", "Invoice__c.*"]',
    '    integration:',
    '      permissionSets: [SAP_Integration, Integration_Bundle]',
    '      profiles: ["SAP Integration Profile"]',
    '      users: [sap.integration@acme.example]',
    '      automations: ["Flow:ERP_Inbound_*", "ApexClass:ErpSyncService", "WorkflowFieldUpdate:Account.Set_Status"]',
    '  billing:',
    '    label: Billing System',
    '    owns: ["Subscription__c.*", Account.ERP_Region__c]',
    'defaultOwner: salesforce',
    '',
  ].join('\n'),
  'arch-review.yml',
);

const node = (automationType: GraphNode['automationType'], name: string): GraphNode => ({ id: `${automationType}:${name}`, kind: 'automation', automationType, name, active: true });
const edge = (extra: Partial<GraphEdge> = {}): GraphEdge => ({ kind: 'writes', source: 'x', target: 'object:Account', confidence: 'certain', evidence: { file: 'f' }, ...extra });

describe('resolveFieldOwnership', () => {
  const ownership = resolveFieldOwnership(sample, POLICY);

  it('decides by the most specific policy glob, with the glob, its path and line', () => {
    expect(ownership.ownerOf('Account.Credit_Limit__c')).toEqual({
      field: 'Account.Credit_Limit__c',
      object: 'Account',
      system: 'sap',
      source: 'policy',
      pattern: 'Account.Credit_Limit__c',
      policyPath: ['systems', 'sap', 'owns', 0],
      line: 4,
      tag: 'SAP',
      tagSystem: 'sap',
      external: true,
    });
    // The exact name (billing) beats the glob Account.ERP_* (sap).
    expect(ownership.ownerOf('Account.ERP_Region__c')).toMatchObject({ system: 'billing', pattern: 'Account.ERP_Region__c' });
    expect(ownership.ownerOf('Account.ERP_Status__c')).toMatchObject({ system: 'sap', pattern: 'Account.ERP_*' });
  });

  it('matches globs case-insensitively, and on fields the project does not define', () => {
    expect(ownership.ownerOf('account.erp_status__C')).toMatchObject({ field: 'Account.ERP_Status__c', system: 'sap' });
    expect(ownership.ownerOf('Subscription__c.Seats__c')).toMatchObject({ system: 'billing', source: 'policy', external: true });
    expect(ownership.ownerOf('Contact.Email')).toEqual({ field: 'Contact.Email', object: 'Contact', system: 'salesforce', source: 'default', external: false });
  });

  it('reads description tags, matched to a system by key, label or a word of the label', () => {
    // `sor = Billing System` matches the label; not claimed by the policy, so the tag decides.
    expect(ownership.ownerOf('Account.Billing_Status__c')).toMatchObject({ system: 'billing', source: 'description', tag: 'Billing System', external: true });
    // A tag naming a system the policy lacks becomes a system of its own (the vocabulary names it).
    expect(ownership.ownerOf('Account.Score__c')).toMatchObject({ system: 'gainsight', source: 'description' });
    expect(ownership.system('gainsight')).toMatchObject({ declaredIn: 'description', label: 'Gainsight' });
    expect(ownership.labelOf('sap')).toBe('SAP S/4HANA (ERP)');
    expect(ownership.labelOf('salesforce')).toBe('Salesforce');
  });

  it('reports where the description and the policy disagree (the policy wins)', () => {
    // Credit_Limit__c (tag SAP, policy sap) and ERP_Region__c (tag billing, policy billing) agree.
    expect(ownership.disagreements()).toEqual([]);
    const tagged = resolveFieldOwnership(
      model({ objects: [object('Account', [field('Account', 'ERP_Id__c', { description: 'System of record: Billing System.' })])] }),
      POLICY,
    );
    expect(tagged.disagreements().map((owner) => `${owner.field} ${owner.tagSystem}→${owner.system}`)).toEqual(['Account.ERP_Id__c billing→sap']);
  });

  it('lists the externally owned fields the project defines, sorted', () => {
    expect(ownership.ownedFields().map((owner) => `${owner.field}:${owner.system}`)).toEqual([
      'Account.Billing_Status__c:billing',
      'Account.Credit_Limit__c:sap',
      'Account.ERP_Region__c:billing',
      'Account.ERP_Status__c:sap',
      'Account.Score__c:gainsight',
      'Invoice__c.Amount__c:sap',
      'Invoice__c.Status__c:sap',
    ]);
  });

  it('knows the systems of integration principals: the policy’s, then `Integration user:` in descriptions', () => {
    expect(ownership.systemsOf({ type: 'PermissionSet', name: 'sap_integration' })).toEqual(['sap']);
    expect(ownership.systemsOf({ type: 'PermissionSetGroup', name: 'Integration_Bundle' })).toEqual(['sap']);
    expect(ownership.systemsOf({ type: 'Profile', name: 'SAP Integration Profile' })).toEqual(['sap']);
    expect(ownership.systemsOf({ type: 'User', name: 'sap.integration@acme.example' })).toEqual(['sap']);
    expect(ownership.systemsOf({ type: 'PermissionSet', name: 'Billing_Sync' })).toEqual(['billing']);
    expect(ownership.systemsOf({ type: 'PermissionSet', name: 'Sales' })).toEqual([]);
    expect(ownership.isIntegration({ type: 'PermissionSet', name: 'Billing_Sync' })).toBe(true);
    expect(ownership.isIntegration({ type: 'PermissionSet', name: 'Sales' })).toBe(false);
    expect(ownership.integrationPrincipals().map((principal) => `${principal.system}:${principal.type}:${principal.name}:${principal.source}`)).toEqual([
      'billing:PermissionSet:Billing_Sync:description',
      'sap:PermissionSet:SAP_Integration:policy',
      'sap:PermissionSetGroup:Integration_Bundle:policy',
      'sap:Profile:SAP Integration Profile:policy',
      'sap:User:sap.integration@acme.example:policy',
    ]);
  });

  it('knows the declared writers: flows by name glob, Apex classes anywhere on the path, workflow field updates', () => {
    expect(ownership.isDeclaredWriter('sap', node('flow', 'ERP_Inbound_Sync'))).toBe(true);
    expect(ownership.isDeclaredWriter('sap', node('flow', 'ERP_Inbound_Sync/AsyncAfterCommit'))).toBe(true);
    expect(ownership.isDeclaredWriter('sap', node('flow', 'Account_Defaults'))).toBe(false);
    expect(ownership.isDeclaredWriter('billing', node('flow', 'ERP_Inbound_Sync'))).toBe(false);
    const chain = edge({ path: ['AccountTrigger', 'AccountTriggerHandler.afterUpdate', 'ErpSyncService.apply:42'] });
    expect(ownership.writerSystemsOf(node('apex-trigger', 'AccountTrigger'), chain)).toEqual(['sap']);
    expect(ownership.writerSystemsOf(node('apex-trigger', 'AccountTrigger'), edge({ path: ['AccountTrigger', 'AccountService.apply'] }))).toEqual([]);
    expect(ownership.writerSystemsOf(node('workflow-rule', 'Account.Stamp'), edge({ fields: ['Account.ERP_Status__c'] }))).toEqual(['sap']);
  });

  it('reports globs of two systems that claim a field equally', () => {
    const overlapping = resolveFieldOwnership(sample, parsePolicy('systems:\n  a: {owns: ["Account.*"]}\n  b: {owns: ["Account.*"]}\n', 'p.yml'));
    expect(overlapping.ownerOf('Account.Region__c').system).toBe('a');
    expect(overlapping.overlaps().map((overlap) => overlap.field)).toContain('Account.Region__c');
  });

  it('without a policy: tags decide, Salesforce owns the rest, and nothing is declared by default', () => {
    const bare = resolveFieldOwnership(sample, EMPTY_POLICY);
    expect(bare.defaultDeclared).toBe(false);
    expect(bare.ownerOf('Account.Credit_Limit__c')).toMatchObject({ system: 'sap', source: 'description' });
    expect(bare.ownerOf('Invoice__c.Status__c')).toMatchObject({ system: 'sap', source: 'description', tag: 'S/4HANA' });
    expect(bare.ownerOf('Account.Region__c')).toMatchObject({ system: 'salesforce', source: 'default' });
    expect(bare.systems().map((system) => `${system.key}:${system.declaredIn}`)).toEqual(['billing:description', 'gainsight:description', 'sap:description']);
    expect(bare.systemsOf({ type: 'Profile', name: 'SAP Integration Profile' })).toEqual(['sap']);
  });

  it('is resolved once per model and policy', () => {
    expect(resolveFieldOwnership(sample, POLICY)).toBe(ownership);
  });
});

describe('tags and globs', () => {
  it('reads `System of record:` and `SoR:` tags, case-insensitively, up to the end of the sentence', () => {
    expect(sorTagOf('Owner: x. System of record: SAP. More.')).toBe('SAP');
    expect(sorTagOf('sor: billing')).toBe('billing');
    expect(sorTagOf('SYSTEM OF RECORD = NetSuite; synced nightly')).toBe('NetSuite');
    expect(sorTagOf('A sensor: value')).toBeUndefined();
    expect(sorTagOf(undefined)).toBeUndefined();
  });

  it('compiles globs: * stays within a name part, ? is one character', () => {
    expect(globToRegExp('Account.ERP_*').test('Account.ERP_Id__c')).toBe(true);
    expect(globToRegExp('*.SAP_*').test('Contact.SAP_Id__c')).toBe(true);
    expect(globToRegExp('Account.*').test('Account.Sub.Field')).toBe(false);
    expect(globToRegExp('Invoice__c.Amount_?__c').test('invoice__c.amount_1__c')).toBe(true);
  });
});

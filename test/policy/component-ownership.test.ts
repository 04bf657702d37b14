import { describe, expect, it } from 'vitest';
import {
  type ComponentOwnership,
  entryMatches,
  globMatches,
  isIsoDate,
  parseOwnershipTags,
  resolveComponentOwnership,
} from '../../src/policy/component-ownership.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { EMPTY_POLICY } from '../../src/policy/policy.js';
import { loadModel } from '../../src/review/review.js';
import { apexTrigger, customObject, type DxFile, permissionSet, processBuilder, simpleFlow, taggedField, validationRule, workflow, writeProject } from '../helpers/dx-project.js';

async function resolved(files: DxFile[], policyText?: string): Promise<readonly ComponentOwnership[]> {
  const model = await loadModel({ baseDir: writeProject(files), sourceDirs: [] });
  return resolveComponentOwnership(model, policyText === undefined ? EMPTY_POLICY : parsePolicy(policyText, 'arch-review.yml'));
}

const pick = (list: readonly ComponentOwnership[], name: string): ComponentOwnership => list.find((component) => component.name === name)!;

describe('parseOwnershipTags', () => {
  it('reads Owner: to the end of its sentence and Expires: as a date, case-insensitive, anywhere', () => {
    expect(parseOwnershipTags('Owner: marketing-ops. Expires: 2026-01-31. Holiday promotion.')).toEqual({ owner: 'marketing-ops', expires: '2026-01-31', expiresTag: 'Expires' });
    expect(parseOwnershipTags('Routes cases. OWNER: jane.doe@acme.com')).toEqual({ owner: 'jane.doe@acme.com' });
    expect(parseOwnershipTags('owner: Sales Ops; review by: 2027-01-01')).toEqual({ owner: 'Sales Ops', expires: '2027-01-01', expiresTag: 'Review by' });
    expect(parseOwnershipTags('Owner: revops, Expires: 2027-01-01')).toEqual({ owner: 'revops', expires: '2027-01-01', expiresTag: 'Expires' });
  });

  it('keeps the earliest date and ignores impossible ones', () => {
    expect(parseOwnershipTags('Review by: 2026-03-01. Expires: 2026-12-31.')).toEqual({ expires: '2026-03-01', expiresTag: 'Review by' });
    expect(parseOwnershipTags('Expires: 2026-02-30.')).toEqual({});
    expect(parseOwnershipTags('Expires: next year. The account owner gets an e-mail.')).toEqual({});
    expect(parseOwnershipTags(undefined)).toEqual({});
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-1-31')).toBe(false);
  });
});

describe('registry matching', () => {
  it('matches Type:NameGlob case-insensitively, * and ? as wildcards', () => {
    expect(globMatches('Campaign_*', 'campaign_spring')).toBe(true);
    expect(globMatches('Account.Spring_?ampaign*', 'Account.Spring_Campaign_2025__c')).toBe(true);
    expect(globMatches('Campaign_*', 'Old_Campaign_X')).toBe(false);
    expect(entryMatches({ match: 'flow:Campaign_*' }, { type: 'Flow', name: 'Campaign_Sync' })).toBe(true);
    expect(entryMatches({ match: 'Flow:Campaign_*' }, { type: 'CustomField', name: 'Campaign_Sync' })).toBe(false);
    expect(entryMatches({ match: 'ProcessBuilder:*' }, { type: 'Flow', name: 'X', processBuilder: true })).toBe(true);
    expect(entryMatches({ match: 'ProcessBuilder:*' }, { type: 'Flow', name: 'X' })).toBe(false);
  });
});

describe('resolveComponentOwnership', () => {
  const files = (): DxFile[] => [
    ...customObject('Ticket__c', [
      taggedField('All_Three__c', { description: 'Owner: support-ops. Expires: 2027-01-01.', businessOwnerGroup: 'Support_Group', businessOwnerUser: 'jane@acme.com' }),
      taggedField('Tags_Only__c', { businessOwnerGroup: 'Support_Group', businessOwnerUser: 'jane@acme.com' }),
      taggedField('User_Only__c', { businessOwnerUser: 'jane@acme.com', businessStatus: 'DeprecateCandidate' }),
      taggedField('Nothing__c'),
    ]),
  ];

  it('takes the registry over the description over the native tags', async () => {
    const policy = 'owners:\n  - match: "CustomField:Ticket__c.All_*"\n    owner: data-governance\n';
    const withRegistry = await resolved(files(), policy);
    expect(pick(withRegistry, 'Ticket__c.All_Three__c')).toMatchObject({ owner: 'data-governance', ownerSource: 'policy', ownerRef: { file: 'arch-review.yml', line: 2 } });
    const withoutRegistry = await resolved(files());
    expect(pick(withoutRegistry, 'Ticket__c.All_Three__c')).toMatchObject({ owner: 'support-ops', ownerSource: 'description', expires: '2027-01-01', expiresSource: 'description' });
    expect(pick(withoutRegistry, 'Ticket__c.Tags_Only__c')).toMatchObject({ owner: 'Support_Group', ownerSource: 'businessOwnerGroup' });
    expect(pick(withoutRegistry, 'Ticket__c.User_Only__c')).toMatchObject({ owner: 'jane@acme.com', ownerSource: 'businessOwnerUser', retiring: true });
    const nothing = pick(withoutRegistry, 'Ticket__c.Nothing__c');
    expect(nothing.owner).toBeUndefined();
    expect(nothing.retiring).toBeUndefined();
  });

  it('resolves owner and expiry separately: the first entry that sets each wins', async () => {
    const policy = [
      'owners:',
      '  - match: "CustomField:Ticket__c.*"',
      '    expires: 2026-12-31',
      '  - match: "CustomField:Ticket__c.Nothing__c"',
      '    owner: first-owner',
      '  - match: "CustomField:*"',
      '    owner: second-owner',
      '    expires: 2030-01-01',
      '',
    ].join('\n');
    const list = await resolved(files(), policy);
    expect(pick(list, 'Ticket__c.Nothing__c')).toMatchObject({ owner: 'first-owner', ownerSource: 'policy', expires: '2026-12-31', expiresSource: 'policy', expiresRef: { line: 2 } });
    // The registry's expiry beats the description's.
    expect(pick(list, 'Ticket__c.All_Three__c')).toMatchObject({ owner: 'second-owner', expires: '2026-12-31', expiresSource: 'policy' });
  });

  it('lists flows, Process Builder, validation and workflow rules, permission sets and custom objects and fields; never Apex or standard fields', async () => {
    const list = await resolved([
      ...customObject('Ticket__c', [taggedField('Code__c')]),
      [
        'objects/Account/fields/Industry.field-meta.xml',
        '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Industry</fullName>\n    <type>Picklist</type>\n</CustomField>\n',
      ],
      simpleFlow('Ticket_Defaults', 'Ticket__c'),
      processBuilder('Ticket_Process', 'Ticket__c'),
      validationRule('Ticket__c', 'Code_Required', { formula: 'ISBLANK(Code__c)' }),
      workflow('Ticket__c', [{ name: 'Notify' }]),
      permissionSet('Ticket_Agents'),
      ...apexTrigger('TicketTrigger', 'Ticket__c', 'before insert', ''),
    ]);
    expect(list.map((component) => `${component.type} ${component.name}${component.processBuilder ? ' (process)' : ''}`)).toEqual([
      'CustomField Ticket__c.Code__c',
      'CustomObject Ticket__c',
      'Flow Ticket_Defaults',
      'Flow Ticket_Process (process)',
      'PermissionSet Ticket_Agents',
      'ValidationRule Ticket__c.Code_Required',
      'WorkflowRule Ticket__c.Notify',
    ]);
  });
});

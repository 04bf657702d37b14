import { describe, expect, it } from 'vitest';
import { apexTrigger, customObject, permissionSet, simpleFlow, taggedField, validationRule } from '../../helpers/dx-project.js';
import { brief, findingsOf } from './run-review.js';

const RULE = 'hygiene/missing-owner';

describe('hygiene/missing-owner', () => {
  it('fires low on a flow whose description names no owner, pointing at its file', async () => {
    const list = await findingsOf(RULE, [...customObject('Ticket__c'), simpleFlow('Ticket_Defaults', 'Ticket__c', { description: 'Sets defaults on new tickets.' })]);
    expect(list.map(brief)).toEqual(['low Flow Ticket_Defaults']);
    expect(list[0]!.object).toBe('Ticket__c');
    expect(list[0]!.components[0]!.file).toBe('force-app/main/default/flows/Ticket_Defaults.flow-meta.xml');
    expect(list[0]!.message).toBe('Flow Ticket_Defaults has no owner: no owners entry in the policy matches it and its description has no "Owner:" tag.');
    expect(list[0]!.evidence[0]!.text).toBe('description: Sets defaults on new tickets.');
  });

  it('does not fire when the description has an Owner: tag, in any case and anywhere', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      simpleFlow('Ticket_Defaults', 'Ticket__c', { description: 'Sets defaults on new tickets. owner: support-ops' }),
    ]);
    expect(list).toEqual([]);
  });

  it('does not fire when the policy registry names the owner', async () => {
    const list = await findingsOf(RULE, [...customObject('Ticket__c'), simpleFlow('Ticket_Defaults', 'Ticket__c')], {
      policy: 'owners:\n  - match: "Flow:Ticket_*"\n    owner: support-ops\n',
    });
    expect(list).toEqual([]);
  });

  it('checks validation rules (active or not) and permission sets, never Apex triggers', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      validationRule('Ticket__c', 'Subject_Required', { formula: 'ISBLANK(Name)', active: false }),
      permissionSet('Ticket_Agents', { description: 'Agents working tickets.' }),
      permissionSet('Ticket_Admins', { description: 'Owner: platform-team. Ticket setup.' }),
      ...apexTrigger('TicketTrigger', 'Ticket__c', 'before insert', ''),
    ]);
    expect(list.map(brief)).toEqual(['low PermissionSet Ticket_Agents', 'low ValidationRule Ticket__c.Subject_Required']);
    expect(list[1]!.evidence[0]!.text).toBe('no description');
  });

  it('leaves custom fields alone by default, and checks them when the policy requires it', async () => {
    const files = [
      ...customObject('Ticket__c', [
        taggedField('Severity__c', { description: 'How bad it is.' }),
        taggedField('Queue__c', { businessOwnerGroup: 'Support_Ops' }),
        taggedField('Channel__c', { description: 'Owner: support-ops. Where it came from.' }),
      ]),
    ];
    expect(await findingsOf(RULE, files)).toEqual([]);
    const required = await findingsOf(RULE, files, { policy: 'hygiene:\n  requireOwner: [CustomField]\n' });
    expect(required.map(brief)).toEqual(['low CustomField Ticket__c.Severity__c']);
    expect(required[0]!.message).toContain('it has no businessOwnerGroup or businessOwnerUser');
  });

  it('checks a field that looks temporary even when fields are not required, and says why', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Account', [taggedField('Summer_Promo_Target__c', { description: 'Targeted by the summer promo.' }), taggedField('Region__c')]),
    ]);
    expect(list.map(brief)).toEqual(['low CustomField Account.Summer_Promo_Target__c']);
    expect(list[0]!.message).toContain('It looks temporary ("promo" in its name, label and description)');
  });
});

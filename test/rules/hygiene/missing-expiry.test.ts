import { describe, expect, it } from 'vitest';
import { customObject, permissionSet, simpleFlow, taggedField } from '../../helpers/dx-project.js';
import { brief, findingsOf } from './run-review.js';

const RULE = 'hygiene/missing-expiry';

describe('hygiene/missing-expiry', () => {
  it('fires low on a pilot flow with no expiry, naming the word and where it was found', async () => {
    const list = await findingsOf(RULE, [...customObject('Ticket__c'), simpleFlow('Pilot_Ticket_Routing', 'Ticket__c', { description: 'Owner: support-ops. Routes web tickets.' })]);
    expect(list.map(brief)).toEqual(['low Flow Pilot_Ticket_Routing']);
    expect(list[0]!.message).toContain('it looks temporary ("pilot" in its name and label)');
  });

  it('matches words, not substrings: Contest, Promotional and Template are not temporary; Test_Harness is', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c', [
        taggedField('Contest_Entry__c', { description: 'Owner: marketing-ops. Entered in the yearly contest.' }),
        taggedField('Promotional_Emails__c', { description: 'Owner: marketing-ops. Accepts promotional e-mail.' }),
        taggedField('Email_Template__c', { description: 'Owner: support-ops. Attempted template.' }),
        taggedField('TestHarness__c', { description: 'Owner: platform-team. Used by the harness.' }),
      ]),
    ]);
    expect(list.map(brief)).toEqual(['low CustomField Ticket__c.TestHarness__c']);
    expect(list[0]!.message).toContain('"test" in its name and label');
  });

  it('does not fire when the description has Expires: or Review by:', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c', [
        taggedField('Pilot_Flag__c', { description: 'Owner: support-ops. Expires: 2027-03-31.' }),
        taggedField('Trial_Flag__c', { description: 'Owner: support-ops. review by: 2027-03-31' }),
      ]),
    ]);
    expect(list).toEqual([]);
  });

  it('does not count the owner tag: a migration team owns permanent things too', async () => {
    const list = await findingsOf(RULE, [...customObject('Ticket__c', [taggedField('Region__c', { description: 'Owner: migration-team. Sales region.' })])]);
    expect(list).toEqual([]);
  });

  it('does not count the object a field looks up to: a lookup to Campaign is not a campaign', async () => {
    const lookup = {
      name: 'Campaign__c',
      xml: '    <description>Owner: marketing-ops. Source campaign.</description>\n    <label>Campaign</label>\n    <referenceTo>Campaign</referenceTo>\n    <relationshipName>Tickets</relationshipName>\n    <type>Lookup</type>',
    };
    const list = await findingsOf(RULE, [...customObject('Ticket__c', [lookup, taggedField('Spring_Campaign__c', { description: 'Owner: marketing-ops.' })])]);
    expect(list.map(brief)).toEqual(['low CustomField Ticket__c.Spring_Campaign__c']);
  });

  it("uses the policy's temporaryWords instead of the built-in list", async () => {
    const files = [
      ...customObject('Ticket__c'),
      simpleFlow('Pilot_Ticket_Routing', 'Ticket__c', { description: 'Owner: support-ops.' }),
      simpleFlow('Seasonal_Offer', 'Ticket__c', { description: 'Owner: support-ops.' }),
    ];
    const list = await findingsOf(RULE, files, { policy: 'hygiene:\n  temporaryWords: [seasonal]\n' });
    expect(list.map(brief)).toEqual(['low Flow Seasonal_Offer']);
  });

  it("fires for anything the policy's requireExpiry lists, whatever its name says", async () => {
    const list = await findingsOf(RULE, [...customObject('Ticket__c'), simpleFlow('Ticket_Defaults', 'Ticket__c', { description: 'Owner: support-ops.' })], {
      policy: 'hygiene:\n  requireExpiry: ["Flow:Ticket_*"]\n',
    });
    expect(list.map(brief)).toEqual(['low Flow Ticket_Defaults']);
    expect(list[0]!.message).toContain("the policy's hygiene.requireExpiry lists it (Flow:Ticket_*)");
  });

  it('leaves a permission set that only looks cloned to hygiene/cloned-permission-set', async () => {
    const list = await findingsOf(RULE, [
      permissionSet('Copy_of_Support_Agent', { label: 'Copy of Support Agent', description: 'Owner: support-ops. Support agents.' }),
      permissionSet('Copy_of_Pilot_Agents', { label: 'Copy of Pilot Agents', description: 'Owner: support-ops.' }),
    ]);
    expect(list.map(brief)).toEqual(['low PermissionSet Copy_of_Pilot_Agents']);
  });
});

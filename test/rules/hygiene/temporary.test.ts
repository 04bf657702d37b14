import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_WORDS, describeLook, temporaryLook, temporaryLookInFull, tokens } from '../../../src/rules/hygiene/temporary.js';

const look = (component: Parameters<typeof temporaryLook>[0], words = BUILT_IN_WORDS): string | undefined => {
  const found = temporaryLook(component, words);
  return found ? describeLook(found) : undefined;
};

describe('the temporary vocabulary', () => {
  it('splits API names on _, camelCase and digits', () => {
    expect(tokens('Spring_Campaign_2025__c')).toEqual(['spring', 'campaign', '2025', 'c']);
    expect(tokens('SAPOrderHandoffPOC')).toEqual(['sap', 'order', 'handoff', 'poc']);
    expect(tokens('Campaign2025')).toEqual(['campaign', '2025']);
  });

  it('matches whole words only', () => {
    expect(look({ type: 'Flow', name: 'Contest_Entry' })).toBeUndefined();
    expect(look({ type: 'Flow', name: 'Promotional_Email_Opt_In' })).toBeUndefined();
    expect(look({ type: 'Flow', name: 'Template_Cleanup', label: 'Attempt counter' })).toBeUndefined();
    expect(look({ type: 'Flow', name: 'Holiday_Promo_Discount' })).toBe('"promo" in its name');
    expect(look({ type: 'Flow', name: 'TmpFix' })).toBe('"tmp" in its name');
  });

  it('matches multi-word entries across separators', () => {
    expect(look({ type: 'CustomField', name: 'Account.One_Time_Import__c' })).toBe('"one-time" in its name');
    expect(look({ type: 'Flow', name: 'X', description: 'A one time clean-up.' })).toBe('"one-time" in its description');
  });

  it('names every place a word was found', () => {
    expect(look({ type: 'Flow', name: 'Pilot_Case_Routing', label: 'Pilot Case Routing', description: 'Pilot with the EMEA team.' })).toBe('"pilot" in its name, label and description');
  });

  it('ignores the object a component sits on or looks up to, the Campaign Member phrase and the owner tag', () => {
    expect(look({ type: 'CustomField', name: 'Opportunity.Campaign__c', references: ['Campaign'] })).toBeUndefined();
    expect(look({ type: 'CustomField', name: 'Campaign.Budget_Code__c', object: 'Campaign', description: 'Campaign budget code.' })).toBeUndefined();
    expect(look({ type: 'CustomField', name: 'Lead.Campaign_Member_Status__c' })).toBeUndefined();
    expect(look({ type: 'Flow', name: 'Region_Sync', description: 'Owner: Data Migration Team. Syncs regions.' })).toBeUndefined();
    // A custom object is not its own excuse.
    expect(look({ type: 'CustomObject', name: 'Pilot_Signup__c', object: 'Pilot_Signup__c' })).toBe('"pilot" in its name');
  });

  it('sees cloned permission sets', () => {
    expect(temporaryLook({ type: 'PermissionSet', name: 'Copy_of_Sales_Operations', label: 'Copy of Sales Operations' }, BUILT_IN_WORDS)).toEqual({ words: [], cloned: true });
    expect(temporaryLook({ type: 'PermissionSet', name: 'Support_Agent_Clone' }, BUILT_IN_WORDS)?.cloned).toBe(true);
    expect(temporaryLook({ type: 'PermissionSet', name: 'Copy' }, BUILT_IN_WORDS)).toBeUndefined();
    expect(temporaryLook({ type: 'Flow', name: 'Copy_of_Routing' }, BUILT_IN_WORDS)).toBeUndefined();
  });

  it('uses the words it is given', () => {
    expect(look({ type: 'Flow', name: 'Pilot_Routing' }, ['seasonal'])).toBeUndefined();
    expect(look({ type: 'Flow', name: 'Seasonal_Offer' }, ['seasonal'])).toBe('"seasonal" in its name');
  });

  it('finds the same with the shortcut for texts that hold no word as without it', () => {
    // Pieces that make and break words: vocabulary words in any case, camelCase joins, digits, the
    // Kelvin sign (lower-cases to k), a final sigma, separators and near misses.
    const piece = fc.constantFrom('Pilot', 'PILOT', 'pilot', 'Test', 'Contest', 'Promo', 'Promotional', 'one', 'Time', 'temp', 'Temporary', 'Copy of', 'Clone', 'Campaign', '\u212Aeep', 'ΣΙΣ', '_', ' ', '2025', '__c', 'x', 'Ö', '-');
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const words = fc.oneof(fc.constant(BUILT_IN_WORDS), fc.constant(['keep', 'pilot']), fc.constant(['σις', 'test']), fc.constant(['one time', 'temp']));
    const type = fc.constantFrom('Flow', 'CustomField', 'PermissionSet', 'CustomObject');
    fc.assert(
      fc.property(type, text, text, text, words, (kind, name, label, description, vocabulary) => {
        const component = { type: kind, name: name || 'X', label, description };
        expect(temporaryLook(component, vocabulary)).toEqual(temporaryLookInFull(component, vocabulary));
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { review } from '../../src/review/review.js';
import { fixturesDir } from '../helpers/paths.js';
import { join } from 'node:path';

/** The sample's seeded problems (fixtures/acme/README.md is the ground truth), per rule category. */
describe('the sample project: exactly the seeded findings', () => {
  it('recursion: seeds 1–5 with their severities, and nothing else', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    expect(result.ruleErrors).toEqual([]);
    const recursion = result.findings
      .filter((finding) => finding.ruleId.startsWith('recursion/'))
      .map((finding) => `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => component.name).join(' > ')}`);
    expect(recursion).toEqual([
      'critical recursion/cross-object-cycle AccountTrigger > Opportunity_After_Save_Update_Account', // seed 2
      'high recursion/event-loop Subscription_After_Save_Publish_Order_Sync > Order_Sync_Event_Update_Subscription', // seed 4
      'high recursion/self-update Case_After_Save_Set_Priority', // seed 1
      'medium recursion/self-update OpportunityTrigger', // seed 3
      'medium recursion/workflow-refire Account.Set_Legacy_Region > Account.New Customer - Create in SAP', // seed 5
    ]);
    const cycle = result.findings.find((finding) => finding.ruleId === 'recursion/cross-object-cycle')!;
    expect(cycle.evidence[0]!.text).toBe(
      'chain: Account —[trigger AccountTrigger → AccountTriggerHandler.afterUpdate → AccountService.syncOpportunityTier:34: update Opportunity.Account_Tier__c]→ Opportunity —[flow Opportunity_After_Save_Update_Account:28: update Account.Last_Opportunity_Stage__c]→ Account',
    );
  });
});

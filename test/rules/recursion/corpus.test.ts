import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/paths.js';

async function recursionFindings(folder: string): Promise<Finding[]> {
  const { result } = await review({ baseDir: repoRoot, sourceDirs: [corpus(folder)], asOf: '2026-11-23' });
  expect(result.ruleErrors).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId.startsWith('recursion/'));
}

const line = (finding: Finding): string => `${finding.severity} ${finding.ruleId} ${finding.object} ${finding.components.map((component) => component.name).join(' > ')}`;

describe.runIf(hasCorpus)('recursion rules on the real corpus', () => {
  it('Lightning Flow Scanner: Make_Recursive (after-save Case flow updating $Record) is the only recursion', async () => {
    const findings = await recursionFindings('Lightning-Flow-Scanner__lightning-flow-scanner-core');
    expect(findings.map(line)).toEqual(['high recursion/self-update Case Make_Recursive']);
    // Its other update (the parent Account) is not a self-update and there is no Account automation to loop back.
    expect(findings[0]!.evidence[0]).toMatchObject({ text: expect.stringContaining('update Case.Subject'), line: 101 });
  });

  it('Membership-Essentials-App: the platform-event loops back to the form submission are recursion/event-loop', async () => {
    const findings = await recursionFindings('SFDO-Community-Sprints__Membership-Essentials-App');
    expect(findings.every((finding) => finding.ruleId === 'recursion/event-loop')).toBe(true);
    // The direct loop: the auditor publishes, the business-process listener writes Status__c back.
    // Medium because the auditor's entry criteria (Status__c not Failed/Imported) read the field the listener writes.
    const direct = findings.find((finding) => finding.components.map((component) => component.name).join(' > ') === 'Membership_Form_Submission_AFTER_MFS_auditor > BPEV_Listener_Membership_Form_Business_Process');
    expect(direct?.severity).toBe('medium');
    expect(direct?.message).toContain('Status__c');
    // Each domain listener (account, contact, campaign, ...) writes the submission back through the record
    // it looked up, setting Status__c (to Failed when its step fails) among others: medium, the loop closes
    // only while the values it writes still meet the auditor's criteria. One finding per distinct cycle.
    expect(findings.filter((finding) => finding.severity === 'medium').map((finding) => finding.components.at(-1)?.name)).toEqual([
      'DPEV_Listener_Create_or_Find_Account',
      'DPEV_Listener_Find_Create_Contact',
      'DPEV_Listener_Create_Opportunity',
      'DPEV_Listener_Campaign_Finder',
      'DPEV_Listener_Find_Create_Recipient',
      'DPEV_Listener_Find_Price_Book_Entry',
      'DPEV_Listener_Find_Product',
      'BPEV_Listener_Membership_Form_Business_Process',
    ]);
    // The membership listeners write the line item's own chain again with nothing in the way: high.
    expect(findings.filter((finding) => finding.severity === 'high').map((finding) => finding.components.at(-1)?.name)).toEqual([
      'DPEV_Listener_Membership_Create_Flow',
      'DPEV_Listener_Membership_Create_Flow',
      'DPEV_Listener_Membership_Finder',
    ]);
    expect(findings).toHaveLength(11);
  });

  it('Technology-Transfer-Starter: two self-updates, graded by the fields they write', async () => {
    const findings = await recursionFindings('SalesforceLabs__Technology-Transfer-Starter');
    expect(findings.map(line)).toEqual([
      // Watches Selected_Mentor__c/Status__c with IsChanged and writes Selected_Mentor__c: one extra pass.
      'medium recursion/self-update TTS_Mentoring_Interest__c TTS_Mentoring_Set_Chosen_Mentor_on_Opportunity',
      // Runs when Start/End dates change; the subflow updates sibling tenant contacts through a record
      // variable it assigns only Is_Current_Contact__c on: the loop cannot close.
      'low recursion/self-update TTS_Space_Tenant_Contact__c TTS_Update_Tenant_Contact_on_Change',
    ]);
    expect(findings[0]!.message).toContain('stops once the values settle');
    expect(findings[1]!.message).toContain('writes only TTS_Space_Tenant_Contact__c.Is_Current_Contact__c');
  });

  it('NPSP (source and metadata API format) has no recursion findings: its automation is Apex, which the corpus leaves out', async () => {
    expect(await recursionFindings('SalesforceFoundation__NPSP')).toEqual([]);
    expect(await recursionFindings('SalesforceFoundation__NPSP__mdapi')).toEqual([]);
  });
});

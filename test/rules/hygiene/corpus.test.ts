import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/paths.js';

async function reviewed(folder: string): Promise<Review> {
  const result = await review({ baseDir: repoRoot, sourceDirs: [corpus(folder)], asOf: '2026-11-23' });
  expect(result.result.ruleErrors).toEqual([]);
  return result;
}

const names = (findings: Finding[], ruleId: string): string[] =>
  findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.components[0]!.type} ${finding.components[0]!.name}`);

describe.runIf(hasCorpus)('hygiene and legacy rules on the real corpus', () => {
  it('NPSP (source and metadata API format): the inactive workflow rules, and workflow rules as legacy', async () => {
    for (const folder of ['SalesforceFoundation__NPSP', 'SalesforceFoundation__NPSP__mdapi']) {
      const { result } = await reviewed(folder);
      // NPSP has no inactive flow or validation rule: its dead automation is two workflow rules on Opportunity.
      expect(names(result.findings, 'hygiene/inactive-automation')).toEqual([
        'WorkflowRule Opportunity.Opportunity Copy FMV to Amount',
        'WorkflowRule Opportunity.Opportunity Email Acknowledgment',
      ]);
      const legacy = result.findings.filter((finding) => finding.ruleId === 'legacy/workflow-rule');
      expect(legacy.map((finding) => finding.object)).toEqual(['Contact', 'Opportunity']);
      expect(legacy[1]!.message).toMatch(/^Opportunity has 2 workflow rules \(0 active\)/);
      expect(names(result.findings, 'legacy/process-builder')).toEqual([]);
    }
  });

  it('Technology-Transfer-Starter: the draft flows and the inactive validation rule', async () => {
    const { result } = await reviewed('SalesforceLabs__Technology-Transfer-Starter');
    expect(names(result.findings, 'hygiene/inactive-automation').sort()).toEqual([
      'Flow Auto_Link_Contract_to_Opportunity',
      'Flow Success_Plan_Setup',
      'ValidationRule TTS_Inventor__c.TTS_Alternative_Distribution_Check',
    ]);
    const draft = result.findings.find((finding) => finding.ruleId === 'hygiene/inactive-automation' && finding.components[0]!.name === 'Success_Plan_Setup')!;
    expect(draft.message).toContain('(status Draft)');
  });

  it('Technology-Transfer-Starter: businessStatus tags are read; none names an owner or marks a field for retirement', async () => {
    const { result, model } = await reviewed('SalesforceLabs__Technology-Transfer-Starter');
    const field = (name: string) => model.objects.flatMap((object) => object.fields).find((candidate) => candidate.fullName === name)!;
    const owned = (name: string) => result.ownership!.components.find((component) => component.type === 'CustomField' && component.name === name)!;
    for (const name of ['TTS_Technology__c.IP_Category__c', 'TTS_Protection__c.Protection_Owner_Individual__c', 'Contact.Visa_Number__c']) {
      expect(field(name).classification.businessStatus).toBe('Active');
      // businessStatus Active is not DeprecateCandidate; the corpus has no businessOwnerGroup/User anywhere.
      expect(owned(name).retiring).toBeUndefined();
      expect(owned(name).ownerSource).toBeUndefined();
    }
    expect(model.objects.flatMap((object) => object.fields).filter((candidate) => candidate.classification.businessStatus === 'Active')).toHaveLength(25);
    expect(result.ownership!.components.filter((component) => component.ownerSource === 'businessOwnerGroup' || component.ownerSource === 'businessOwnerUser')).toEqual([]);
    expect(names(result.findings, 'hygiene/deprecated-still-used')).toEqual([]);
  });

  it('Membership-Essentials-App and Lightning Flow Scanner: obsolete and (invalid) draft flows', async () => {
    const membership = await reviewed('SFDO-Community-Sprints__Membership-Essentials-App');
    expect(names(membership.result.findings, 'hygiene/inactive-automation')).toEqual(
      expect.arrayContaining(['Flow Member_test_autolaunched', 'Flow Create_Opportunity_Create_DPEV_Flow', 'ValidationRule Membership__c.End_Date_or_Does_Not_Expire']),
    );
    const scanner = await reviewed('Lightning-Flow-Scanner__lightning-flow-scanner-core');
    const unconnected = scanner.result.findings.find((finding) => finding.ruleId === 'hygiene/inactive-automation' && finding.components[0]!.name === 'Unconnected_Element_Async');
    expect(unconnected?.message).toContain('(status InvalidDraft)');
  });
});

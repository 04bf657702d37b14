import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/paths.js';

const reviewed = new Map<string, Promise<Finding[]>>();

/** Each folder is reviewed once per file: NPSP takes seconds. */
function limitsFindings(folder: string): Promise<Finding[]> {
  let findings = reviewed.get(folder);
  if (!findings) {
    findings = review({ baseDir: repoRoot, sourceDirs: [corpus(folder)], asOf: '2026-11-23' }).then(({ result }) => {
      expect(result.ruleErrors).toEqual([]);
      return result.findings.filter((finding) => finding.ruleId.startsWith('limits/'));
    });
    reviewed.set(folder, findings);
  }
  return findings;
}

const line = (finding: Finding): string => `${finding.severity} ${finding.ruleId} ${finding.object ?? '-'} ${finding.components.map((component) => component.name).join(' > ')}`;

/** The corpus has no Apex (left out on purpose), so every finding here is a flow finding. */
describe.runIf(hasCorpus)('limits rules on the real corpus', () => {
  it('runs on every corpus folder with no rule errors', async () => {
    for (const folder of CORPUS_FOLDERS) await limitsFindings(folder);
  });

  it('Lightning Flow Scanner: finds the DML and SOQL examples in loops, and not their _Fixed versions', async () => {
    const findings = await limitsFindings('Lightning-Flow-Scanner__lightning-flow-scanner-core');
    expect(findings.map(line)).toEqual([
      // Autolaunched flows nothing in the folder calls: the loop's collection size decides, so medium.
      'medium limits/dml-in-loop - DML_Statement_In_A_Loop', // createNewCase (recordCreate) connects back to aLoop
      'medium limits/soql-in-loop - SOQL_Query_In_A_Loop', // SOQL_Query_Example → decision notnull → back to aLoop
    ]);
    expect(findings[0]!.message).toContain('Create Records createNewCase on Case inside loop aLoop');
    expect(findings[1]!.message).toContain('Get Records SOQL_Query_Example on Account inside loop aLoop');
    // The fixed versions build a collection in the loop and write or query once, after it
    // (DML_Statement_In_A_Loop_Fixed: insert_cases on noMoreValuesConnector; SOQL_Query_In_A_Loop_Fixed: lookup after the loop).
    expect(findings.some((finding) => finding.components[0]!.name.endsWith('_Fixed'))).toBe(false);
  });

  it('NPSP (both formats): no limits findings', async () => {
    // No NPSP flow has a loop, and its Apex (where NPSP's bulk logic lives) is not in the corpus.
    expect(await limitsFindings('SalesforceFoundation__NPSP')).toEqual([]);
    expect(await limitsFindings('SalesforceFoundation__NPSP__mdapi')).toEqual([]);
  });

  it('Technology-Transfer-Starter: no limits findings', async () => {
    // Its one flow with a loop is the Draft screen flow Success_Plan_Setup (drafts never run, so it is
    // not checked); even active it would be clean: IP_Loop_Milestones runs only assignments, decisions
    // and screens, and the tasks are created once, after the loop (IP_Create_TaskCollection on noMoreValuesConnector).
    expect(await limitsFindings('SalesforceLabs__Technology-Transfer-Starter')).toEqual([]);
  });

  it('Membership-Essentials-App: no limits findings (no flow loops, no External Service actions)', async () => {
    expect(await limitsFindings('SFDO-Community-Sprints__Membership-Essentials-App')).toEqual([]);
  });
});

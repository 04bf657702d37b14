import { describe, expect, it } from 'vitest';
import { renderers } from '../../src/report/index.js';
import { review } from '../../src/review/review.js';
import { DEEP_SHAPES, deepShapes } from '../helpers/deep-shapes.js';
import { writeProject } from '../helpers/dx-project.js';

/**
 * Issue 21: metadata shaped to overflow recursive walks (a 5,000-step subflow chain, a 5,000-method Apex
 * call chain, formulas, Apex and XML nested 2,000 deep, an SCC of 10,000 nodes, a flow with 3,000 elements
 * in one path). The review finishes, reports the true findings each shape carries, and says what it cut.
 */
describe('deep shapes', () => {
  it('review finishes with findings, notes for the cut chains, and a ParseIssue per unreadable file', async () => {
    const root = writeProject(deepShapes(DEEP_SHAPES));
    const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2025-01-01', workers: 1 });

    const found = (ruleId: string, object: string) => result.findings.filter((finding) => finding.ruleId === ruleId && finding.object === object);
    // Subflow chain: Chain_00002 updates Account three flows down.
    expect(found('recursion/self-update', 'Account').map((finding) => finding.components[0]?.name)).toEqual(['Deep_Account_Start']);
    // Apex chain: DeepChain.m00003 updates the Contacts four calls down.
    expect(found('recursion/self-update', 'Contact').map((finding) => finding.components[0]?.name)).toEqual(['DeepContactTrigger']);
    // Statements nested 500 deep still parse: the update at the bottom is found.
    expect(found('recursion/self-update', 'Lead')).toHaveLength(1);
    // The 5,000-object ring: one cycle, reported once.
    expect(found('recursion/cross-object-cycle', 'Cycle_00000__c')).toHaveLength(1);
    // The loop around 3,000 assignments ends in an update.
    expect(found('limits/dml-in-loop', 'Opportunity')).toHaveLength(1);

    expect(result.warnings).toEqual([
      expect.stringMatching(/^Apex call chain from trigger DeepContactTrigger cut at depth 64 /),
      expect.stringMatching(/^Subflow chain from flow Deep_Account_Start cut at depth 64 /),
    ]);
    // Parenthesised Apex 2,000 deep parses or not depending on how much stack the parser has left:
    // either way it is never a crash, and when it is not read the issue says why.
    const issues = result.parseIssues.map((issue) => [issue.file, issue.message]);
    expect(issues.filter(([file]) => !file!.includes('DeepExpression'))).toEqual([['force-app/main/default/flows/Deep_Xml.flow-meta.xml', expect.stringContaining('Maximum nested tags exceeded')]]);
    for (const [, message] of issues.filter(([file]) => file!.includes('DeepExpression'))) expect(message).toContain('nested too deeply to read');
    expect(result.ruleErrors).toEqual([]);
    for (const [format, render] of Object.entries(renderers)) expect(render(result).length, format).toBeGreaterThan(1000);
  }, 300_000);
});

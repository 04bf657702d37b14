import { describe, expect, it } from 'vitest';
import { review } from '../../../src/review/review.js';
import { writeProject } from '../../helpers/dx-project.js';
import { crossObjectCycle } from '../../helpers/deep-shapes.js';

const cycleFindings = async (objects: number) => {
  const { result } = await review({ baseDir: writeProject(crossObjectCycle(objects)), sourceDirs: [], asOf: '2025-01-01', workers: 1 });
  return result.findings.filter((finding) => finding.ruleId === 'recursion/cross-object-cycle');
};

describe('recursion/cross-object-cycle on loops longer than the hop-by-hop search', () => {
  it('a ring of 8 objects (longer than MAX_CYCLE_LENGTH) is reported as one cycle with every hop', async () => {
    const findings = await cycleFindings(8);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^Cycle_00000__c → Cycle_00001__c → .* → Cycle_00007__c → Cycle_00000__c: a save of Cycle_00000__c can save it again through 7 other object\(s\)/);
    expect(findings[0]!.evidence.filter((item) => item.file)).toHaveLength(8);
  });

  it('a ring of 40 objects is reported once, its chain cut for reading, its identity whole', async () => {
    const findings = await cycleFindings(40);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding!.message).toContain('Cycle_00000__c → Cycle_00001__c → Cycle_00002__c → Cycle_00003__c → … 35 more … → Cycle_00039__c → Cycle_00000__c');
    expect(finding!.evidence.filter((item) => item.file)).toHaveLength(12);
    expect(finding!.evidence.map((item) => item.text)).toContain('28 more hop(s) not listed');
    expect(finding!.components).toHaveLength(12);
  });

  it('objects that write each other without closing a loop are not a cycle', async () => {
    const chain = crossObjectCycle(10).filter(([path]) => !path.includes('Cycle_00009_After_Save'));
    const { result } = await review({ baseDir: writeProject(chain), sourceDirs: [], asOf: '2025-01-01', workers: 1 });
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('recursion/'))).toEqual([]);
  });
});

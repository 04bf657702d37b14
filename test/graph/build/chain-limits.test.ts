import { describe, expect, it } from 'vitest';
import { MAX_CHAIN_STEPS } from '../../../src/graph/build/chain-limits.js';
import { review } from '../../../src/review/review.js';
import { apexClass, apexTrigger, writeProject } from '../../helpers/dx-project.js';
import { apexCallChain, subflowChain } from '../../helpers/deep-shapes.js';

const reviewed = (files: Parameters<typeof writeProject>[0]) => review({ baseDir: writeProject(files), sourceDirs: [], asOf: '2025-01-01', workers: 1 });

describe('call chains past MAX_CHAIN_STEPS', () => {
  it('an Apex chain longer than the limit is cut with a note naming the trigger; what lies within the limit is found', async () => {
    const { result, graph } = await reviewed(apexCallChain(MAX_CHAIN_STEPS + 40));
    expect(result.warnings).toContainEqual(expect.stringMatching(/^Apex call chain from trigger DeepContactTrigger cut at depth 64 \(DeepContactTrigger → DeepChain\.m00000 → /));
    expect(graph.edges().every((edge) => (edge.path ?? []).length <= MAX_CHAIN_STEPS + 1)).toBe(true);
    // m00003 updates the Contacts four calls down: a true self-update, still reported.
    const selfUpdate = result.findings.find((finding) => finding.ruleId === 'recursion/self-update' && finding.object === 'Contact');
    expect(selfUpdate?.evidence.map((item) => item.text).join('\n')).toContain('DeepChain.m00003');
  });

  it('an Apex chain within the limit is followed to its end, with no note', async () => {
    const { result } = await reviewed(apexCallChain(20));
    expect(result.warnings.filter((warning) => warning.includes('cut at depth'))).toEqual([]);
    const edges = result.edges.filter((edge) => edge.source === 'apex-trigger:DeepContactTrigger' && edge.kind === 'writes');
    expect(edges.map((edge) => edge.path?.at(-1))).toEqual(expect.arrayContaining(['DeepChain.m00003', 'DeepChain.m00019']));
  });

  it('a subflow chain longer than the limit is cut with one note, on the flow that starts it', async () => {
    const { result } = await reviewed(subflowChain(60));
    const notes = result.warnings.filter((warning) => warning.includes('cut at depth'));
    expect(notes).toEqual([expect.stringMatching(/^Subflow chain from flow Deep_Account_Start cut at depth 64 \(Deep_Account_Start → Call_Chain → Chain_00000 → … /)]);
    expect(result.findings.some((finding) => finding.ruleId === 'recursion/self-update' && finding.object === 'Account')).toBe(true);
  });

  it('shared helpers called along many paths give one effect per statement, not one per path', async () => {
    // 20 layers of two methods, each calling both methods of the next layer: 2^20 paths to the last update.
    const layers = 20;
    const methods: string[] = [];
    for (let layer = 0; layer < layers; layer++) {
      for (const side of ['a', 'b']) {
        const calls = layer < layers - 1 ? `        l${layer + 1}a(records);\n        l${layer + 1}b(records);\n` : '        update records;\n';
        methods.push(`    public static void l${layer}${side}(List<Case> records) {\n${calls}    }`);
      }
    }
    const { result } = await reviewed([
      ...apexClass('Diamond', `public class Diamond {\n${methods.join('\n')}\n}\n`),
      ...apexTrigger('CaseDiamond', 'Case', 'after update', '    Diamond.l0a(Trigger.new);'),
    ]);
    const writes = result.edges.filter((edge) => edge.source === 'apex-trigger:CaseDiamond' && edge.kind === 'writes');
    // Two update statements (in l19a and l19b), each once.
    expect(writes.map((edge) => edge.evidence.line).sort()).toHaveLength(2);
    expect(result.findings.some((finding) => finding.ruleId === 'recursion/self-update' && finding.object === 'Case')).toBe(true);
  });
});

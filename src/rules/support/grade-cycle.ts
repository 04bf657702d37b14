import type { SaveHop } from '../../graph/queries.js';
import type { MetadataModel } from '../../metadata/model.js';
import type { Severity } from '../../review/finding.js';
import { type SaveCycle } from './save-cycles.js';
import { mitigationOf } from './hops.js';

export type GradedCycle = {
  severity: Severity;
  reason: string;
  /** The most dangerous hop of each step: the chain a reviewer should read. */
  chain: SaveHop[];
};

const STRENGTH = { none: 3, guard: 2, partial: 2, criteria: 1 } as const;

/**
 * A cycle is as dangerous as its weakest step, and a step as dangerous as its most dangerous hop:
 * change-only criteria that the chain does not write → low; a guard, or criteria that may stop it
 * depending on values → medium; nothing, with every hop
 * certain and synchronous → critical; nothing otherwise → high.
 */
export function gradeCycle(cycle: SaveCycle, model: MetadataModel): GradedCycle {
  const chain: SaveHop[] = [];
  const reasons: string[] = [];
  let weakest: keyof typeof STRENGTH = 'none';
  for (const [index, step] of cycle.steps.entries()) {
    const next = cycle.steps[(index + 1) % cycle.steps.length]!;
    const graded = step.map((hop) => {
      const mitigations = next.map((following) => mitigationOf(hop, following.automation, model));
      // The hop restarts the loop if any next automation is not held back.
      const open = mitigations.find((mitigation) => mitigation.kind === 'none') ?? mitigations.find((mitigation) => mitigation.kind === 'guard') ?? mitigations[0]!;
      return { hop, mitigation: open };
    });
    graded.sort((a, b) => STRENGTH[b.mitigation.kind] - STRENGTH[a.mitigation.kind] || Number(a.hop.async) - Number(b.hop.async));
    const best = graded[0]!;
    chain.push(best.hop);
    if (STRENGTH[best.mitigation.kind] < STRENGTH[weakest]) weakest = best.mitigation.kind;
    if (best.mitigation.kind !== 'none') reasons.push(best.mitigation.reason);
  }
  if (weakest === 'criteria') return { severity: 'low', reason: `low: the loop cannot close: ${reasons.join('; ')}`, chain };
  if (weakest === 'guard' || weakest === 'partial') return { severity: 'medium', reason: `medium: ${reasons.join('; ')}`, chain };
  const certain = chain.every((hop) => hop.edge.confidence === 'certain' && hop.trigger.confidence === 'certain');
  const sync = chain.every((hop) => !hop.async);
  if (certain && sync) return { severity: 'critical', reason: 'critical: every hop is certain and synchronous, with no guard and no change-only entry criteria', chain };
  return {
    severity: 'high',
    reason: `high: nothing stops the loop${certain ? '' : ' (some hops are likely rather than certain)'}${sync ? '' : '; each async hop starts a new transaction, so the chain can run without end'}`,
    chain,
  };
}

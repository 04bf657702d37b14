import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/graph/build/index.js';
import { GraphQueries } from '../../../src/graph/queries.js';
import type { FlowModel } from '../../../src/metadata/model.js';
import { PermissionIndex } from '../../../src/permissions/permission-index.js';
import { EMPTY_POLICY } from '../../../src/policy/policy.js';
import { RECURSION_RULES } from '../../../src/rules/recursion/index.js';
import { runRules } from '../../../src/rules/runner.js';
import { elementaryCycles } from '../../../src/rules/support/cycles.js';
import { CYCLES_PER_COMPONENT } from '../../../src/rules/support/save-cycles.js';
import { element, flow, model, object, recordTrigger } from '../../graph/build/model-kit.js';

/** An after-save flow on `from` that updates `to`. */
function writer(from: string, to: string, index: number): FlowModel {
  const name = `F${index}_${from}_to_${to}`;
  return flow(name, recordTrigger(from, 'RecordAfterSave', 'CreateAndUpdate', 'Write'), [
    element('recordUpdate', 'Write', { object: to, fields: ['Note__c'], filters: [{ field: 'Id', operator: 'EqualTo', value: '{!x}' }] }),
  ]);
}

describe('recursion rules at scale', () => {
  it('reviews 2,000 objects in long chains and dense cycles without stack overflow, within the cycle cap', () => {
    const names = Array.from({ length: 2000 }, (_, index) => `O${String(index).padStart(4, '0')}__c`);
    const flows: FlowModel[] = [];
    // One ring through all 2,000 objects: a single huge strongly connected component with cycles far
    // longer than the 6-hop bound, plus dense clusters of 8 fully connected objects.
    names.forEach((name, index) => flows.push(writer(name, names[(index + 1) % names.length]!, flows.length)));
    for (let start = 0; start < 400; start += 8) {
      for (let a = start; a < start + 8; a++) for (let b = start; b < start + 8; b++) if (a !== b) flows.push(writer(names[a]!, names[b]!, flows.length));
    }
    const metadata = model({ objects: names.map((name) => object(name)), flows });
    const graph = buildGraph(metadata);
    const queries = new GraphQueries(graph, metadata);
    const { findings, ruleErrors } = runRules(RECURSION_RULES, {
      model: metadata,
      queries,
      permissions: new PermissionIndex(metadata),
      policy: EMPTY_POLICY,
      asOf: '2026-11-23',
      objects: [],
      verbose: false,
    });
    expect(ruleErrors).toEqual([]);
    const cycles = findings.filter((finding) => finding.ruleId === 'recursion/cross-object-cycle');
    const capped = cycles.filter((finding) => finding.message.includes('further cycles'));
    expect(capped).toHaveLength(1);
    expect(capped[0]!.message).toMatch(/^2000 objects re-save each other/);
    expect(cycles.length - capped.length).toBeLessThanOrEqual(CYCLES_PER_COMPONENT);
    expect(cycles.length - capped.length).toBeGreaterThan(0);
  });

  it('stops a cycle search on a dense graph by its step limit, saying so', () => {
    const nodes = Array.from({ length: 40 }, (_, index) => `N${String(index).padStart(2, '0')}`);
    const search = elementaryCycles(nodes, (node) => nodes.filter((other) => other !== node), { maxLength: 6, cap: 5, countLimit: Number.MAX_SAFE_INTEGER, stepLimit: 10_000 });
    expect(search.cycles).toHaveLength(5);
    expect(search.countStopped).toBe(true);
  });

  it('finds every elementary cycle once, in canonical rotation, when the bounds are not hit', () => {
    const edges: Record<string, string[]> = { A: ['B'], B: ['C', 'A'], C: ['A'] };
    const search = elementaryCycles(['C', 'B', 'A'], (node) => edges[node] ?? [], { maxLength: 6, cap: 10 });
    expect(search.cycles).toEqual([
      ['A', 'B', 'C'],
      ['A', 'B'],
    ]);
    expect(search.more).toBe(0);
  });
});

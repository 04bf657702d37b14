import { describe, expect, it } from 'vitest';
import { layeredLayout } from '../../../src/report/html/layout.js';

const node = (id: string) => ({ id, width: 10, height: 10 });

describe('layeredLayout', () => {
  it('lays out a chain of 20,000 nodes (no recursion on the stack), one layer each', () => {
    const nodes = Array.from({ length: 20_000 }, (_, index) => node(`n${index}`));
    const edges = nodes.slice(1).map((target, index) => ({ from: nodes[index]!.id, to: target.id }));
    const layout = layeredLayout(nodes, [...edges, { from: 'n19999', to: 'n0' }], { sweeps: 0 });
    expect(layout.nodes.get('n19999')?.layer).toBe(19_999);
    expect([...layout.backEdges]).toEqual([{ from: 'n19999', to: 'n0' }]);
  });

  it('puts a node one layer right of its furthest predecessor', () => {
    const layout = layeredLayout([node('a'), node('b'), node('c')], [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'a', to: 'c' }]);
    expect(['a', 'b', 'c'].map((id) => layout.nodes.get(id)?.layer)).toEqual([0, 1, 2]);
    expect(layout.backEdges.size).toBe(0);
  });
});

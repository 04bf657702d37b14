import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard, jaccardAtLeast, SIMILARITY } from '../../../src/rules/hygiene/cloned-permission-set.js';

describe('jaccardAtLeast', () => {
  it('is the Jaccard index when it reaches the threshold and -1 when it does not, for any two sets', () => {
    const set = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 40 }).map((items) => new Set(items.map(String)));
    fc.assert(
      fc.property(set, set, fc.constantFrom(SIMILARITY, 0.5, 0.75, 1), (a, b, threshold) => {
        const exact = jaccard(a, b);
        expect(jaccardAtLeast(a, b, threshold)).toBe(exact >= threshold ? exact : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a pair exactly at the threshold (no rounding loss)', () => {
    // 9 shared of 10 in all: exactly 0.9.
    const a = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const b = new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(jaccardAtLeast(a, b, 0.9)).toBe(0.9);
    expect(jaccardAtLeast(a, new Set(['1', '2', '3', '4', '5', '6', '7', '8']), 0.9)).toBe(-1);
  });
});

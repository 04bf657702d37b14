import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NamedSystem, systemsNamedIn, VOCABULARY } from '../../../src/policy/init/vocabulary.js';

/** The definition without the substring shortcut: every word's whole-word pattern over the text. */
function reference(text: string): NamedSystem[] {
  const found: Array<NamedSystem & { order: number }> = [];
  VOCABULARY.forEach((system, order) => {
    let best: { word: string; index: number } | undefined;
    for (const word of system.words) {
      const escaped = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '[\\s_-]+');
      const match = new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i').exec(text);
      if (match && (best === undefined || match.index < best.index)) best = { word, index: match.index };
    }
    if (best) found.push({ key: system.key, label: system.label, ...best, order });
  });
  return found.sort((a, b) => a.index - b.index || a.order - b.order).map(({ order: _order, ...named }) => named);
}

const words = VOCABULARY.flatMap((system) => system.words);
const piece = fc.oneof(
  fc.constantFrom(...words),
  fc.constantFrom(...words).map((word) => word.toUpperCase()),
  fc.constantFrom(...words).map((word) => word.replace(/\s+/g, '_')),
  fc.constantFrom(' ', '_', '-', 'x', 'İ', 'ſ', 'K', '(', 'sync', 'Integration'),
  fc.string({ maxLength: 4 }),
);

describe('systemsNamedIn', () => {
  it('names the same systems as the plain whole-word patterns, for text built from the vocabulary', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(systemsNamedIn(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

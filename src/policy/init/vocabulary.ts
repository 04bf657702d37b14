import vocabulary from '../data/system-vocabulary.json' with { type: 'json' };

/** A system the vocabulary knows: how it is named in text and in field API names. */
export type VocabularySystem = { key: string; label: string; words: string[]; prefixes: string[] };

/** A system named in a piece of text, and where. */
export type NamedSystem = { key: string; label: string; word: string; index: number };

export const VOCABULARY: readonly VocabularySystem[] = vocabulary.systems;

const WORDS = VOCABULARY.map((system) => ({ system, patterns: system.words.map((word) => ({ word, pattern: wordPattern(word), needle: needleOf(word) })) }));

/**
 * Every vocabulary system named in `text`, earliest first (ties: vocabulary order, specific systems
 * before generic ones such as `erp`). A system is listed once, at its first mention.
 */
export function systemsNamedIn(text: string | undefined): NamedSystem[] {
  if (!text) return [];
  const found: Array<NamedSystem & { order: number }> = [];
  const lower = text.toLowerCase();
  WORDS.forEach(({ system, patterns }, order) => {
    let best: { word: string; index: number } | undefined;
    for (const { word, pattern, needle } of patterns) {
      // Run for every label and description of the org: a substring test first rules out most words.
      if (needle !== undefined && !lower.includes(needle)) continue;
      const match = pattern.exec(text);
      if (match && (best === undefined || match.index < best.index)) best = { word, index: match.index };
    }
    if (best) found.push({ key: system.key, label: system.label, ...best, order });
  });
  return found.sort((a, b) => a.index - b.index || a.order - b.order).map(({ order: _order, ...named }) => named);
}

/** The vocabulary system whose API-name prefix starts `fieldName` (`SAP_Customer_Id__c`, `Zuora__Status__c`). */
export function systemOfApiName(fieldName: string): VocabularySystem | undefined {
  const lower = fieldName.toLowerCase();
  return VOCABULARY.find((system) => system.prefixes.some((prefix) => lower.startsWith(prefix.toLowerCase())));
}

export function vocabularySystem(key: string): VocabularySystem | undefined {
  return VOCABULARY.find((system) => system.key === key);
}

/**
 * A substring the text must hold for the word to match: its first run of letters and digits, lower-cased.
 * Only for ASCII words, where a case-insensitive match and a lower-cased substring agree.
 */
function needleOf(word: string): string | undefined {
  if (!/^[\x20-\x7e]+$/.test(word)) return undefined;
  return /[a-z0-9]+/i.exec(word)?.[0]?.toLowerCase();
}

/** Whole-word, case-insensitive; `_` counts as a word boundary so `SAP_Integration` names SAP. */
function wordPattern(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '[\\s_-]+');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'i');
}

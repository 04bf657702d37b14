import vocabulary from '../rules/data/integration-vocabulary.json' with { type: 'json' };

/**
 * Splits a name, label, description or username into lower-case words: on anything not a letter or
 * digit and on camelCase, so `Billing_Sync`, `BillingSync` and `billing.sync@acme.com` all contain `sync`.
 */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

const TERMS: string[][] = vocabulary.terms.map((term) => words(term));

/** The vocabulary terms found in the text, as written in the data file, in file order. */
export function integrationTerms(text: string | undefined): string[] {
  if (!text) return [];
  const found = words(text);
  return vocabulary.terms.filter((_term, index) => containsSequence(found, TERMS[index]!));
}

/** Whether `needle` occurs as consecutive words in `haystack`. */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

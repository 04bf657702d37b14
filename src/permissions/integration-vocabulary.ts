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
const AMBIGUOUS: string[][] = vocabulary.ambiguousTerms.map((term) => words(term));

/** The vocabulary terms found in the text, as written in the data file, in file order. */
export function integrationTerms(text: string | undefined): string[] {
  return termsIn(text, vocabulary.terms, TERMS);
}

/**
 * Terms that name an integration only sometimes: Service Cloud calls its agents' profiles "Service User"
 * and "Service Agent". Found like `integrationTerms`, but they never make a principal one on their own.
 */
export function ambiguousIntegrationTerms(text: string | undefined): string[] {
  return termsIn(text, vocabulary.ambiguousTerms, AMBIGUOUS);
}

function termsIn(text: string | undefined, terms: readonly string[], split: readonly string[][]): string[] {
  if (!text) return [];
  const found = words(text);
  return terms.filter((_term, index) => containsSequence(found, split[index]!));
}

/** Whether `needle` occurs as consecutive words in `haystack`. */
export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return true;
  }
  return false;
}

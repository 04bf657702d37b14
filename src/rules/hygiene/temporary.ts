/**
 * What makes a component look temporary: a word of the vocabulary (src/rules/data/temporary-vocabulary.json,
 * or the policy's `hygiene.temporaryWords`) in its name, label or description, or, for a permission set,
 * the look of a clone (`Copy of ...`). Words, not substrings: names are split on `_`, camelCase and digits,
 * so `Contest` is not `test` and `Promotional` is not `promo`.
 */
import vocabulary from '../data/temporary-vocabulary.json' with { type: 'json' };
import type { ComponentOwnership } from '../../policy/component-ownership.js';
import { withoutOwnershipTags } from '../../policy/component-ownership.js';
import type { Policy } from '../../policy/policy.js';

export type Place = 'name' | 'label' | 'description';

export type TemporaryLook = {
  /** Vocabulary entries found, each with where: sorted by word. */
  words: Array<{ word: string; places: Place[] }>;
  /** A permission set named or labelled like a clone. */
  cloned: boolean;
};

export const BUILT_IN_WORDS: readonly string[] = vocabulary.words;

/** The words in force: the policy's list when it has one, else the built-in vocabulary. */
export function temporaryWords(policy: Policy): readonly string[] {
  return policy.hygiene?.temporaryWords ?? BUILT_IN_WORDS;
}

type Lookable = Pick<ComponentOwnership, 'type' | 'name' | 'label' | 'description' | 'object' | 'references'>;

// Two rules ask of every component (missing owner, missing expiry), with the same words: answered once.
const LOOKS = new WeakMap<Lookable, WeakMap<readonly string[], TemporaryLook | null>>();

/** Why the component looks temporary, or undefined when it does not. */
export function temporaryLook(component: Lookable, words: readonly string[]): TemporaryLook | undefined {
  let byWords = LOOKS.get(component);
  if (!byWords) LOOKS.set(component, (byWords = new WeakMap()));
  let look = byWords.get(words);
  if (look === undefined) byWords.set(words, (look = lookOf(component, words) ?? null));
  return look ?? undefined;
}

function lookOf(component: Lookable, words: readonly string[]): TemporaryLook | undefined {
  if (component.type !== 'PermissionSet' && !mayHoldWord(component, words)) return undefined;
  return temporaryLookInFull(component, words);
}

/** The look without the shortcut of `mayHoldWord`: what the tests hold the shortcut to. */
export function temporaryLookInFull(component: Lookable, words: readonly string[]): TemporaryLook | undefined {
  // The object a component sits on or looks up to is no sign of anything temporary: a lookup to Campaign is not a campaign.
  const permanent = [
    ...notTemporaryPhrases(),
    ...[component.type === 'CustomObject' ? undefined : component.object, ...(component.references ?? [])].filter((name): name is string => name !== undefined).map((name) => tokens(shortName(name))),
  ].filter((phrase) => phrase.length > 0);
  const texts: Array<[Place, string[]]> = [
    ['name', masked(tokens(shortName(component.name)), permanent)],
    ['label', masked(tokens(component.label ?? ''), permanent)],
    ['description', masked(tokens(withoutOwnershipTags(component.description)), permanent)],
  ];
  const found: TemporaryLook['words'] = [];
  // Most components hold no vocabulary word at all: a phrase whose first word is nowhere is skipped.
  const present = new Set(texts.flatMap(([, list]) => list));
  for (const { phrase, word } of phrasesOf(words)) {
    if (!present.has(phrase[0]!)) continue;
    const places = texts.filter(([, list]) => containsPhrase(list, phrase)).map(([place]) => place);
    if (places.length > 0) found.push({ word, places });
  }
  const cloned = component.type === 'PermissionSet' && looksCloned(component.name, component.label);
  return found.length > 0 || cloned ? { words: found, cloned } : undefined;
}

/**
 * False only when no word of the vocabulary can be in the component's texts: a word made of ASCII
 * letters and digits that `tokens` finds is always a substring of the lower-cased text (lower-casing
 * is context-free for everything that maps to ASCII). Most components hold no such word, and this
 * spares them the splitting. A word that is not plain ASCII always takes the full path.
 */
function mayHoldWord(component: Lookable, words: readonly string[]): boolean {
  const { ascii, other } = firstWordsOf(words);
  if (other) return true;
  const text = `${shortName(component.name)} ${component.label ?? ''} ${withoutOwnershipTags(component.description)}`.toLowerCase();
  return ascii.some((word) => text.includes(word));
}

const FIRST_WORDS = new WeakMap<readonly string[], { ascii: string[]; other: boolean }>();

function firstWordsOf(words: readonly string[]): { ascii: string[]; other: boolean } {
  let first = FIRST_WORDS.get(words);
  if (!first) {
    const heads = [...new Set(phrasesOf(words).map(({ phrase }) => phrase[0]!))];
    first = { ascii: heads.filter((word) => /^[a-z0-9]+$/.test(word)), other: heads.some((word) => !/^[a-z0-9]+$/.test(word)) };
    FIRST_WORDS.set(words, first);
  }
  return first;
}

let notTemporary: string[][] | undefined;
function notTemporaryPhrases(): string[][] {
  notTemporary ??= vocabulary.notTemporary.phrases.map(tokens);
  return notTemporary;
}

const PHRASES = new WeakMap<readonly string[], Array<{ phrase: string[]; word: string }>>();

/**
 * The vocabulary as phrases of words, sorted, each reported as the vocabulary writes it ("one-time");
 * entries that split into the same words count once. Worked out once per list: every component asks.
 */
function phrasesOf(words: readonly string[]): Array<{ phrase: string[]; word: string }> {
  let phrases = PHRASES.get(words);
  if (!phrases) {
    const byKey = new Map<string, string>();
    for (const entry of [...words].sort()) {
      const key = tokens(entry).join(' ');
      if (key && !byKey.has(key)) byKey.set(key, entry.trim().toLowerCase());
    }
    phrases = [...byKey].map(([key, word]) => ({ phrase: key.split(' '), word }));
    PHRASES.set(words, phrases);
  }
  return phrases;
}

/** `"pilot" in its name, label and description; "campaign" in its label` */
export function describeLook(look: TemporaryLook): string {
  const parts = look.words.map(({ word, places }) => `"${word}" in its ${joinAnd(places)}`);
  if (look.cloned) parts.push('named like a clone');
  return parts.join('; ');
}

function looksCloned(name: string, label: string | undefined): boolean {
  const { leading, trailing } = vocabulary.clonedPermissionSet;
  return [tokens(name), tokens(label ?? '')].some(
    (list) =>
      leading.some((phrase) => startsWith(list, tokens(phrase))) || trailing.some((phrase) => startsWith([...list].reverse(), tokens(phrase).reverse())),
  );
}

/** `Account.Spring_Campaign_2025__c` → `Spring_Campaign_2025`: the object and the `__c` suffix say nothing. */
function shortName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1).replace(/__[a-z]+$/i, '');
}

/** Lower-case words: split on anything not a letter or digit, on camelCase and on letter/digit changes. */
export function tokens(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The words with every occurrence of the phrases blanked out, so they can never be part of a match. */
function masked(list: string[], phrases: string[][]): string[] {
  const out = [...list];
  for (const phrase of phrases) {
    for (let index = 0; index + phrase.length <= list.length; index++) {
      if (phrase.every((word, offset) => list[index + offset] === word)) out.fill('', index, index + phrase.length);
    }
  }
  return out;
}

function containsPhrase(list: string[], phrase: string[]): boolean {
  for (let index = 0; index + phrase.length <= list.length; index++) {
    if (phrase.every((word, offset) => list[index + offset] === word)) return true;
  }
  return false;
}

function startsWith(list: string[], phrase: string[]): boolean {
  // Something must follow the marker: a permission set called just `Copy` is not a clone.
  return phrase.length > 0 && phrase.length < list.length && phrase.every((word, index) => list[index] === word);
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

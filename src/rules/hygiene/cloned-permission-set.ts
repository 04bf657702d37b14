import type { PermissionContainerModel } from '../../metadata/model.js';
import { grantText } from '../../permissions/effective.js';
import { containerGrants, grantId } from '../../permissions/grants.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { compare } from '../../shared/compare.js';

const id = 'hygiene/cloned-permission-set';

/** Grants shared over grants of either: at or above this, two permission sets are one set kept twice. */
export const SIMILARITY = 0.9;
/** Below this many grants, two sets are alike by accident (two sets granting only ApiEnabled). */
const MIN_GRANTS = 5;
const LISTED = 10;

/** A name or label that says it is a copy: `Copy of X`, `Clone of X`, `X_copy`, `X (Copy)`, `X_clone`, `X_v2`. */
const MARKERS: readonly RegExp[] = [
  /^(?:copy|clone)[\s_-]+of[\s_-]+/i,
  /^cloned?[\s_-]+/i,
  /[\s_-]+\(?(?:copy|clone|cloned)\)?(?:[\s_-]*\d+)?$/i,
  /[\s_-]*\((?:copy|clone)\)$/i,
  /_v(?:[2-9]|\d{2,})$/i,
];

/** The name with its copy marker taken off, or undefined when it has none. */
export function withoutCopyMarker(name: string | undefined): string | undefined {
  if (!name) return undefined;
  for (const marker of MARKERS) {
    if (!marker.test(name)) continue;
    const base = name.replace(marker, '').trim();
    if (base.length > 0) return base;
  }
  return undefined;
}

const normalize = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Grants shared over all grants of the two (Jaccard index). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * The Jaccard index when it is at least `threshold`, else -1, found without counting every shared
 * grant: all pairs of a thousand sets are compared, and most pairs part ways within their first grants.
 */
export function jaccardAtLeast(a: ReadonlySet<string>, b: ReadonlySet<string>, threshold: number): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (large.size === 0) return threshold <= 0 ? 0 : -1;
  // shared / (|a| + |b| - shared) >= t  ⇔  shared >= t (|a| + |b|) / (1 + t); shared is at most |small|.
  // Less a hair: a pair exactly at the threshold must not be lost to rounding (the exact check decides).
  const needed = (threshold * (a.size + b.size)) / (1 + threshold) - 1e-9;
  if (small.size < needed) return -1;
  const allowedMisses = small.size - needed;
  let misses = 0;
  for (const item of small) {
    if (large.has(item)) continue;
    misses += 1;
    if (misses > allowedMisses) return -1;
  }
  const shared = small.size - misses;
  const similarity = shared / (a.size + b.size - shared);
  return similarity >= threshold ? similarity : -1;
}

type Candidate = { set: PermissionContainerModel; grants: Set<string> };
type Clone = { copy: Candidate; original: Candidate; byName: boolean; similarity: number };

/**
 * A permission set that is a copy of another: its name or label says so (`Copy of`, `Clone`, `_copy`,
 * `_v2`), or its grants are nearly those of another set (Jaccard ≥ 0.9). Reported on the copy, naming
 * the original: on the one whose name says copy, else on the one that grants more, else the later name.
 */
export const clonedPermissionSet: Rule = {
  meta: {
    id,
    category: 'hygiene',
    defaultSeverity: 'low',
    description: 'A permission set is a copy of another (by its name, or by nearly the same grants).',
    docs: docsPath(id),
    reads: ['PermissionSet'],
  },
  run({ model }) {
    const candidates: Candidate[] = [...model.permissionSets]
      .sort((a, b) => compare(a.name, b.name))
      .map((set) => ({ set, grants: new Set(containerGrants(set).map(grantId)) }));
    const byName = new Map<string, Candidate>();
    for (const candidate of candidates) {
      for (const name of [candidate.set.name, candidate.set.label]) if (name && !byName.has(normalize(name))) byName.set(normalize(name), candidate);
    }
    const clones = new Map<string, Clone>();
    for (const copy of candidates) {
      const base = withoutCopyMarker(copy.set.name) ?? withoutCopyMarker(copy.set.label);
      if (base === undefined) continue;
      const original = byName.get(normalize(base)) ?? byName.get(normalize(base.replace(/_v\d+$/i, '')));
      // Only with an original to name: a name alone (`Opportunity_Clone`) may be a feature, not a copy.
      const found = original && original !== copy ? original : bestMatch(copy, candidates);
      if (found) clones.set(copy.set.name, { copy, original: found, byName: true, similarity: jaccard(copy.grants, found.grants) });
    }
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const a = candidates[i]!;
        const b = candidates[j]!;
        // The same name twice is one set read from two folders (org configs), not a copy.
        if (a.set.name === b.set.name || a.grants.size < MIN_GRANTS || b.grants.size < MIN_GRANTS) continue;
        const similarity = jaccardAtLeast(a.grants, b.grants, SIMILARITY);
        if (similarity < 0) continue;
        if (clones.get(a.set.name)?.original === b || clones.get(b.set.name)?.original === a) continue;
        // The copy is the one that grants more (a clone usually gains access), else the later name.
        const [copy, original] = a.grants.size > b.grants.size ? [a, b] : [b, a];
        if (clones.has(copy.set.name)) continue;
        clones.set(copy.set.name, { copy, original, byName: false, similarity });
      }
    }
    return [...clones.values()].sort((a, b) => compare(a.copy.set.name, b.copy.set.name)).map((clone) => finding(clone));
  },
};

/** The most similar other set, when it is similar enough to call it the original (half the grants). */
function bestMatch(copy: Candidate, candidates: readonly Candidate[]): Candidate | undefined {
  let best: { candidate: Candidate; similarity: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === copy) continue;
    const similarity = jaccard(copy.grants, candidate.grants);
    if (similarity >= 0.5 && (!best || similarity > best.similarity)) best = { candidate, similarity };
  }
  return best?.candidate;
}

function finding(clone: Clone): RuleFinding {
  const { copy, original } = clone;
  const set = copy.set;
  const shared = [...copy.grants].filter((grant) => original.grants.has(grant)).length;
  const alike = `${shared} of its ${copy.grants.size} grants are the same (${Math.round(clone.similarity * 100)}% alike)`;
  const onlyCopy = difference(copy, original);
  const onlyOriginal = difference(original, copy);
  return {
    severity: 'low',
    message:
      `PermissionSet ${set.name}${set.label ? ` (label "${set.label}")` : ''} is a copy of ${original.set.name}: ` +
      `${clone.byName ? 'its name says so, and ' : ''}${alike}. Copies drift apart and nobody knows which one is right: ` +
      `merge the difference into ${original.set.name} (or a permission set group) and delete the copy.`,
    components: [{ type: 'PermissionSet', name: set.name, file: set.source.file, ...(set.source.line !== undefined ? { line: set.source.line } : {}) }],
    evidence: [
      { text: `original: PermissionSet ${original.set.name}`, file: original.set.source.file, ...(original.set.source.line !== undefined ? { line: original.set.source.line } : {}) },
      ...(onlyCopy.length > 0 ? [{ text: `only in the copy: ${capped(onlyCopy)}`, file: set.source.file }] : []),
      ...(onlyOriginal.length > 0 ? [{ text: `only in the original: ${capped(onlyOriginal)}`, file: original.set.source.file }] : []),
    ],
    identity: [set.name.toLowerCase(), original.set.name.toLowerCase()],
  };
}

/** Grants of `a` that `b` lacks, as text, sorted. */
function difference(a: Candidate, b: Candidate): string[] {
  const grants = containerGrants(a.set).filter((grant) => !b.grants.has(grantId(grant)));
  return [...new Set(grants.map(grantText))].sort(compare);
}

function capped(items: string[]): string {
  return items.length <= LISTED ? items.join(', ') : `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`;
}

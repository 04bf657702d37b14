/** Which field or automation a name given on the command line means, or the nearest names when none. */
import { closest, knownNames } from '../rules/sor/support/known-names.js';
import type { GraphQueries } from '../graph/queries.js';
import type { GraphNode } from '../graph/types.js';
import { compare } from './facts.js';

export type ResolvedSubject =
  | { kind: 'automation'; node: GraphNode; sameName: GraphNode[] }
  | { kind: 'field'; field: string }
  | { kind: 'not-found'; closest: string[] };

/** Nearest names offered when a name matches nothing. */
const SUGGESTIONS = 3;

/**
 * Automation names win over field names: workflow rules (`Account.New Customer`) and Apex methods
 * (`AccountService.sync`) are spelled like fields. A graph node id (`flow:X`) also matches.
 */
export function resolveSubject(queries: GraphQueries, name: string): ResolvedSubject {
  const wanted = name.trim().toLowerCase();
  const automations = queries.graph
    .nodes()
    .filter((node) => node.kind === 'automation' && node.automationType !== undefined)
    .sort((a, b) => compare(a.id, b.id));
  const fields = knownNames(queries.model, queries).fields;
  const field = fields.find((candidate) => candidate.toLowerCase() === wanted);
  const matches = automations
    .filter((node) => node.name.toLowerCase() === wanted || node.id.toLowerCase() === wanted)
    // A roll-up summary is named by its field: the field's explanation lists the roll-up as its writer.
    .filter((node) => !(field && node.automationType === 'roll-up-summary' && node.name.toLowerCase() === wanted));
  if (matches.length > 0) {
    // An active automation before a draft of the same name: it is the one that runs.
    const ordered = [...matches.filter((node) => node.active !== false), ...matches.filter((node) => node.active === false)];
    return { kind: 'automation', node: ordered[0]!, sameName: ordered.slice(1) };
  }
  if (field) return { kind: 'field', field };
  return { kind: 'not-found', closest: nearest(name.trim(), [...new Set([...automations.map((node) => node.name), ...fields])].sort(compare)) };
}

/** Up to SUGGESTIONS names, nearest first (each `closest` call takes the best of what is left). */
function nearest(name: string, candidates: string[]): string[] {
  const found: string[] = [];
  let left = candidates;
  while (found.length < SUGGESTIONS) {
    const next = closest(name, left);
    if (next === undefined) break;
    found.push(next);
    left = left.filter((candidate) => candidate !== next);
  }
  if (found.length > 0) return found;
  // Nothing a typo away: names that contain what was typed after the object (`Status` → `Billing_Status__c`).
  const part = name.slice(name.lastIndexOf('.') + 1).replace(/__c$/i, '').toLowerCase();
  return part.length >= 3 ? candidates.filter((candidate) => candidate.toLowerCase().includes(part)).slice(0, SUGGESTIONS) : [];
}

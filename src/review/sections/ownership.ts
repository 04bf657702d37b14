import type { RuleContext } from '../../rules/rule.js';

/** Report data for owner and expiry of every component (issue 7). */
export type OwnershipReport = Record<string, never>;

export function buildOwnershipReport(_context: RuleContext): OwnershipReport | undefined {
  return undefined;
}

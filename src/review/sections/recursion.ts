import type { RuleContext } from '../../rules/rule.js';

/** Report data for recursion risks: bulk-risk figures per object (issue 4). */
export type RecursionReport = Record<string, never>;

export function buildRecursionReport(_context: RuleContext): RecursionReport | undefined {
  return undefined;
}

import type { RuleContext } from '../../rules/rule.js';

/** Report data for the system-of-record matrix (issue 5). */
export type SystemOfRecordReport = Record<string, never>;

export function buildSystemOfRecordReport(_context: RuleContext): SystemOfRecordReport | undefined {
  return undefined;
}

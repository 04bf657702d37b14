import type { RuleContext } from '../../rules/rule.js';

/** Report data for integration principals and their effective permissions (issue 6). */
export type IntegrationUsersReport = Record<string, never>;

export function buildIntegrationUsersReport(_context: RuleContext): IntegrationUsersReport | undefined {
  return undefined;
}

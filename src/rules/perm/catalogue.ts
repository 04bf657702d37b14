import catalogue from '../data/dangerous-permissions.json' with { type: 'json' };
import type { Severity } from '../../review/finding.js';

export type Tier = 'critical' | 'high' | 'medium';

export const TIERS: readonly Tier[] = ['critical', 'high', 'medium'];

export type Danger = { permission: string; tier: Tier; reason: string };

const BY_NAME = new Map<string, Danger>();
for (const tier of TIERS) {
  for (const [permission, reason] of Object.entries(catalogue[tier])) BY_NAME.set(permission.toLowerCase(), { permission, tier, reason });
}

/** Why a system permission is dangerous for an integration, and how much; undefined when it is not. */
export function dangerOf(permission: string): Danger | undefined {
  return BY_NAME.get(permission.toLowerCase());
}

const RANK: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The most severe of the given severities (`fallback` when there are none). */
export function worst(severities: readonly Severity[], fallback: Severity): Severity {
  return severities.reduce<Severity>((best, severity) => (RANK.indexOf(severity) < RANK.indexOf(best) ? severity : best), severities[0] ?? fallback);
}

export function rankOf(severity: Severity): number {
  return RANK.indexOf(severity);
}

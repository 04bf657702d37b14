/**
 * How an expiry date stands against the review date (`--as-of`), and how severe a passed one is.
 * Thresholds, in days past the date: up to 30 low, up to 365 medium, beyond that high. A date within
 * the next 30 days (or today) is "expiring": info, so owners hear about it before it passes.
 */
import type { Severity } from '../../review/finding.js';

export const EXPIRING_WITHIN_DAYS = 30;
export const LOW_UNTIL_DAYS = 30;
export const MEDIUM_UNTIL_DAYS = 365;

export type ExpiryState = { state: 'expired' | 'expiring' | 'later'; /** Days from the review date to the expiry: negative once passed. */ daysLeft: number };

export function expiryState(expires: string, asOf: string): ExpiryState {
  const daysLeft = daysBetween(asOf, expires);
  return { state: daysLeft < 0 ? 'expired' : daysLeft <= EXPIRING_WITHIN_DAYS ? 'expiring' : 'later', daysLeft };
}

export function expiredSeverity(daysAgo: number): Severity {
  return daysAgo <= LOW_UNTIL_DAYS ? 'low' : daysAgo <= MEDIUM_UNTIL_DAYS ? 'medium' : 'high';
}

/** Whole days from `from` to `to`, both YYYY-MM-DD (UTC, so no daylight-saving drift). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `296 days`, `1 day` */
export function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

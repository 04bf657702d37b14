import type { ReviewResult } from '../../review/result.js';

/** `## Ownership and expiry`: placed before `## Automation by object`. */
export function renderOwnership(_result: ReviewResult): string | undefined {
  return undefined;
}

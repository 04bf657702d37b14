import type { ReviewResult } from '../../review/result.js';

/** `## Recursion risks`: placed before `## Automation by object`. */
export function renderRecursionRisks(_result: ReviewResult): string | undefined {
  return undefined;
}

import type { ReviewResult } from '../../review/result.js';

/** `## Integration users`: placed before `## Automation by object`. */
export function renderIntegrationUsers(_result: ReviewResult): string | undefined {
  return undefined;
}

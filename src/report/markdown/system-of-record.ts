import type { ReviewResult } from '../../review/result.js';

/** `## System of record`: placed before `## Automation by object`. */
export function renderSystemOfRecord(_result: ReviewResult): string | undefined {
  return undefined;
}

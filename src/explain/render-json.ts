import { stableStringify } from '../report/stable-json.js';
import type { Explanation } from './types.js';

/** The explanation with sorted keys: the same project gives the same bytes. */
export function renderExplainJson(explanation: Explanation): string {
  return `${stableStringify(explanation)}\n`;
}

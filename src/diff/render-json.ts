import { stableStringify } from '../report/stable-json.js';
import type { DiffResult } from './types.js';

/** The diff with sorted keys: the same two projects give the same bytes. */
export function renderDiffJson(result: DiffResult): string {
  return `${stableStringify(result)}\n`;
}

import { type NameLists, unpack } from './pack.js';
import type { ParseOutcome, ParseResult } from './task.js';

const KINDS = new Set(['object', 'field', 'validationRule', 'flow', 'apexClass', 'apexTrigger', 'workflow', 'permissions', 'permissionSetGroup', 'customMetadataRecord', 'customPermission']);

/**
 * The result of an outcome, or undefined when its JSON (from a cache entry that was damaged on
 * disk) does not decode to a result.
 */
export function decodeOutcome(outcome: ParseOutcome, names: NameLists): ParseResult | undefined {
  if (outcome.value) return outcome.value;
  if (outcome.json === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(outcome.json);
  } catch {
    return undefined;
  }
  return isParseResult(decoded) ? unpack(decoded, names) : undefined;
}

function isParseResult(value: unknown): value is ParseResult {
  if (!value || typeof value !== 'object') return false;
  const { kind } = value as { kind?: unknown };
  if (kind === 'error') return typeof (value as { message?: unknown }).message === 'string';
  const inner = (value as { value?: unknown }).value;
  return typeof kind === 'string' && KINDS.has(kind) && Boolean(inner) && typeof inner === 'object';
}

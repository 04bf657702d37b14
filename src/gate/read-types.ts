/**
 * Which unreadable files make a review incomplete: those of a metadata type some rule that ran reads
 * (each rule's `meta.reads`). A file no enabled rule reads is still listed under "What could not be
 * read", but it cannot hide a finding, so it leaves the exit code alone.
 */
import { RULES } from '../rules/index.js';
import type { RuleMeta } from '../rules/rule.js';

/**
 * Types whose files also carry other types' content: a metadata-API `.object` holds the object's
 * fields and validation rules, so an object file that cannot be read hides those too.
 */
const CARRIES: Readonly<Record<string, readonly string[]>> = {
  CustomObject: ['CustomObject', 'CustomField', 'ValidationRule'],
};

/** Issue types that say nothing of what was lost (a folder SDR could not resolve, the project itself): always counted. */
const ANY_TYPE = new Set(['unknown', 'project', '']);

/** The types the rules that ran read; undefined when the result does not say which rules ran (then every issue counts). */
export function typesRead(ran: ReadonlyArray<{ id: string }> | undefined, rules: ReadonlyArray<{ meta: Pick<RuleMeta, 'id' | 'reads'> }> = RULES): ReadonlySet<string> | undefined {
  if (!ran) return undefined;
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule.meta.reads]));
  const types = new Set<string>();
  for (const { id } of ran) for (const type of byId.get(id) ?? []) types.add(type);
  return types;
}

/** Whether a parse issue can hide a finding of the rules that ran (`read` undefined: every issue can). */
export function countsForGate(issue: { type?: string }, read: ReadonlySet<string> | undefined): boolean {
  if (!read) return true;
  const type = issue.type ?? '';
  if (ANY_TYPE.has(type.toLowerCase())) return true;
  return (CARRIES[type] ?? [type]).some((carried) => read.has(carried));
}

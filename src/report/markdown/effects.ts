import type { EffectSummary, PipelineEntry } from '../../graph/pipeline-types.js';
import { cell, code } from '../markdown-escape.js';
import { IMPLICIT_LABELS, typeLabel } from './labels.js';

/** Fields listed per write before `+N more`; the JSON has them all. */
const MAX_FIELDS = 12;

/** The `automation` cell: type, API name, label when it says something the name does not, and what enqueued it. */
export function automationText(entry: PipelineEntry): string {
  const parts = [`${cell(typeLabel(entry.automationType))} ${code(entry.name)}`];
  if (entry.label && entry.label !== entry.name) parts.push(`(${cell(entry.label)})`);
  if (entry.via) parts.push(`— via ${cell(entry.via)}`);
  return parts.join(' ');
}

/** The `fires on` cell: events, then the entry criteria as written. */
export function firesOnText(entry: PipelineEntry): string {
  const events = entry.events.length > 0 ? cell(entry.events.join(', ')) : '';
  const criteria = entry.criteria ? `when ${cell(entry.criteria)}` : '';
  return [events, criteria].filter(Boolean).join('; ');
}

/** The `writes` cell: record writes, then events published, jobs enqueued and calls into code not visible. */
export function writesText(entry: PipelineEntry): string {
  return [
    ...entry.writes.map(writeText),
    ...entry.publishes.map((effect) => withMarks(`publishes ${code(effect.target)}`, effect)),
    ...entry.enqueues.map((effect) => withMarks(`enqueues ${code(effect.target)}`, effect)),
    // Code out of sight (a managed package): what it may write is said, never taken as a write.
    ...(entry.notVisible ?? []).map((effect) => withMarks(`calls ${code(effect.target)}`, effect)),
  ].join('; ');
}

export function callsOutText(entry: PipelineEntry): string {
  return entry.callsOut.map((effect) => withMarks(code(effect.target), effect)).join('; ');
}

export function changesAccessText(entry: PipelineEntry): string {
  return entry.changesAccess.map((effect) => withMarks(code(effect.target), effect)).join('; ');
}

/** `update `Account.Rating__c, Account.Tier__c` (triggering record; async) via `A → B.c → D.e:42``. */
export function writeText(effect: EffectSummary): string {
  const operation = effect.operation ?? 'writes';
  const fields = qualifiedFields(effect);
  const what =
    fields.length === 0
      ? `${code(effect.target)} (fields not known)`
      : `${code(fields.slice(0, MAX_FIELDS).join(', '))}${fields.length > MAX_FIELDS ? ` +${fields.length - MAX_FIELDS} more` : ''}`;
  return withMarks(`${operation} ${what}`, effect);
}

/** `Object.Field` for every field of a write (fields are normally qualified already). */
export function qualifiedFields(effect: EffectSummary): string[] {
  return (effect.fields ?? []).map((field) => (field.includes('.') ? field : `${effect.target}.${field}`));
}

function withMarks(text: string, effect: EffectSummary): string {
  const marks: string[] = [];
  if (effect.targetsTriggeringRecord) marks.push('the triggering record');
  if (effect.inMemory) marks.push('in memory, before save: no DML');
  if (effect.async) marks.push('async');
  if (effect.implicit) marks.push(IMPLICIT_LABELS[effect.implicit] ?? cell(effect.implicit));
  if (effect.confidence !== 'certain') marks.push(cell(effect.confidence));
  if (effect.note) marks.push(cell(effect.note));
  const path = effect.path && effect.path.length > 0 ? ` via ${code(effect.path.join(' → '))}` : '';
  return `${text}${marks.length > 0 ? ` (${marks.join('; ')})` : ''}${path}`;
}

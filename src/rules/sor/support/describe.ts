/** How the sor rules name writers, owners and fields in findings. */
import { findField } from '../../../metadata/model-index.js';
import type { MetadataModel } from '../../../metadata/model.js';
import type { FieldOwner, FieldOwnership } from '../../../policy/ownership.js';
import type { LoadedPolicy } from '../../../policy/policy.js';
import type { FindingComponent, FindingEvidence } from '../../../review/finding.js';
import { componentOf } from '../../support/hops.js';
import type { AutomationWrite, PrincipalEditor } from './field-writers.js';

/** `Flow X, assignment Set_Y: assigns Account.Z in memory (before save)`, with the Apex path when there is one. */
export function writeText(write: AutomationWrite, field: string): string {
  const { automation, edge } = write;
  const path = edge.path && edge.path.length > 1 ? ` → ${edge.path.slice(1).join(' → ')}` : '';
  const element = write.element ? `, ${write.element.kind} ${write.element.name}` : '';
  const what = edge.inMemory ? `assigns ${field} in memory (before save)` : `${edge.operation ?? 'write'}s ${field}`;
  return `${componentOf(automation).type} ${automation.name}${path}${element}: ${what}${edge.async ? ' (async)' : ''}`;
}

export function writeEvidence(write: AutomationWrite, field: string): FindingEvidence {
  const line = write.element?.line ?? write.edge.evidence.line;
  return { text: writeText(write, field), file: write.edge.evidence.file, ...(line !== undefined ? { line } : {}) };
}

/** Where the ownership comes from: the policy glob (file and line) or the field's description tag. */
export function ownerEvidence(owner: FieldOwner, ownership: FieldOwnership, policy: LoadedPolicy, model: MetadataModel): FindingEvidence {
  const label = ownership.labelOf(owner.system);
  if (owner.source === 'policy') {
    return {
      text: `owner ${label}: policy systems.${owner.system}.owns "${owner.pattern ?? ''}"`,
      ...(policy.file ? { file: policy.file } : {}),
      ...(owner.line !== undefined ? { line: owner.line } : {}),
    };
  }
  const source = fieldSource(owner.field, model);
  return {
    text: owner.source === 'description' ? `owner ${label}: field description "System of record: ${owner.tag ?? ''}"` : `owner ${label}: default owner`,
    ...(source ? { file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) } : {}),
  };
}

export function fieldComponent(field: string, model: MetadataModel): FindingComponent {
  const source = fieldSource(field, model);
  return { type: 'CustomField', name: field, file: source?.file ?? '', ...(source?.line !== undefined ? { line: source.line } : {}) };
}

export function editorComponent(editor: PrincipalEditor): FindingComponent {
  return { type: editor.ref.type, name: editor.ref.name, file: editor.file ?? '' };
}

export function editorText(editor: PrincipalEditor, field: string, ownership: FieldOwnership): string {
  const systems = editor.systems.map((system) => ownership.labelOf(system)).join(', ') || 'an integration';
  return `${editor.ref.type} ${editor.ref.name} (${systems} integration) can edit ${field}`;
}

/** When each writer runs: its events and entry criteria (none means every such save). */
export function firesOnEvidence(writes: readonly AutomationWrite[]): Array<{ text: string }> {
  const seen = new Map<string, string>();
  for (const write of writes) {
    if (write.firesOn && !seen.has(write.automation.id)) seen.set(write.automation.id, `${componentOf(write.automation).type} ${write.automation.name} fires on ${write.firesOn}`);
  }
  return [...seen.values()].map((text) => ({ text }));
}

/** `Flow A`, `Flow A and ApexTrigger B`, `Flow A, Flow B and 2 more`. */
export function listOf(items: string[], max = 3): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? '';
  const shown = unique.slice(0, max);
  const rest = unique.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}

function fieldSource(field: string, model: MetadataModel): { file: string; line?: number } | undefined {
  return findField(model, field)?.source;
}

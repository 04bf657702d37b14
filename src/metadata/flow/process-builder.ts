/**
 * Process Builder: a Flow with processType Workflow (record changes), CustomEvent (platform event)
 * or InvocableProcess (called by another process). What it runs on is not in `<start>` but in the
 * flow-level `processMetadataValues` (ObjectType, TriggerType, ObjectVariable, OldObjectVariable).
 */
import type { FlowTrigger } from '../model.js';
import { children, obj, text } from '../xml.js';

export const PROCESS_BUILDER_TYPES = new Set(['Workflow', 'CustomEvent', 'InvocableProcess']);

export function isProcessBuilderType(processType: string | undefined): boolean {
  return processType !== undefined && PROCESS_BUILDER_TYPES.has(processType);
}

/** `processMetadataValues` as name → raw value (string literal or element reference name). */
export function readProcessMetadataValues(value: unknown): Map<string, string> {
  const values = new Map<string, string>();
  for (const item of children(value)) {
    const name = text(item['name']);
    if (name === undefined || values.has(name)) continue;
    const node = obj(item['value']);
    const raw = text(node['stringValue']) ?? text(node['elementReference']) ?? firstText(node);
    if (raw !== undefined) values.set(name, raw);
  }
  return values;
}

function firstText(node: Record<string, unknown>): string | undefined {
  for (const inner of Object.values(node)) {
    const value = text(inner);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The variables a process uses for the triggering record (current and prior values). */
export function processBuilderRecordVariables(metadata: Map<string, string>): string[] {
  return [metadata.get('ObjectVariable') || 'myVariable_current', metadata.get('OldObjectVariable') || 'myVariable_old'];
}

/**
 * The trigger of a Process Builder process. Record processes run after save (kind `record`,
 * triggerType RecordAfterSave); `onCreateOnly` means Create, anything else CreateAndUpdate.
 */
export function processBuilderTrigger(processType: string, metadata: Map<string, string>, target: string | undefined): FlowTrigger {
  const object = metadata.get('ObjectType') || undefined;
  const rawTriggerType = metadata.get('TriggerType') || undefined;
  const trigger: FlowTrigger = { kind: 'none', filters: [], requiresRecordChanged: false, scheduledPaths: [] };
  if (processType === 'Workflow' && object !== undefined) {
    trigger.kind = 'record';
    trigger.object = object;
    trigger.triggerType = 'RecordAfterSave';
    trigger.recordTriggerType = rawTriggerType === 'onCreateOnly' ? 'Create' : 'CreateAndUpdate';
  } else if (processType === 'CustomEvent' && object !== undefined) {
    trigger.kind = 'platform-event';
    trigger.object = object;
    trigger.triggerType = 'PlatformEvent';
  } else if (object !== undefined) {
    trigger.object = object;
  }
  if (rawTriggerType !== undefined) trigger.processBuilderTriggerType = rawTriggerType;
  if (target !== undefined) trigger.target = target;
  return trigger;
}

/**
 * What starts a flow: the `<start>` element (record, platform-event and scheduled triggers,
 * entry filters, scheduled paths) or, in older flows, `<startElementReference>`.
 */
import type { FlowScheduledPath, FlowTrigger, FlowTriggerKind } from '../model.js';
import { bool, children, num, obj } from '../xml.js';
import { compact, connectorTarget, optionalText, readFilters } from './values.js';

const RECORD_TRIGGER_TYPES = new Set(['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete']);

export function triggerKind(triggerType: string | undefined): FlowTriggerKind {
  if (triggerType === undefined) return 'none';
  if (RECORD_TRIGGER_TYPES.has(triggerType)) return 'record';
  if (triggerType === 'PlatformEvent') return 'platform-event';
  if (triggerType === 'Scheduled') return 'scheduled';
  return 'none';
}

/** The first element run: `start/connector`, else the older `startElementReference`. */
export function startTarget(body: Record<string, unknown>): string | undefined {
  return connectorTarget(obj(body['start'])['connector']) ?? optionalText(body, 'startElementReference');
}

/** The trigger of a (non Process Builder) flow. */
export function readTrigger(body: Record<string, unknown>): FlowTrigger {
  const start = obj(body['start']);
  const triggerType = optionalText(start, 'triggerType');
  const trigger: FlowTrigger = {
    kind: triggerKind(triggerType),
    object: optionalText(start, 'object'),
    triggerType,
    recordTriggerType: optionalText(start, 'recordTriggerType'),
    filterLogic: optionalText(start, 'filterLogic'),
    filters: readFilters(start['filters']),
    filterFormula: optionalText(start, 'filterFormula'),
    requiresRecordChanged: bool(start['doesRequireRecordChangedToMeetCriteria']),
    // Salesforce writes triggerOrder at the flow level; accept it inside <start> too.
    triggerOrder: num(body['triggerOrder']) ?? num(start['triggerOrder']),
    scheduledPaths: children(start['scheduledPaths']).map(readScheduledPath),
    target: startTarget(body),
  };
  return compact(trigger);
}

function readScheduledPath(path: Record<string, unknown>): FlowScheduledPath {
  return compact({
    name: optionalText(path, 'name'),
    label: optionalText(path, 'label'),
    pathType: optionalText(path, 'pathType'),
    offsetNumber: num(path['offsetNumber']),
    offsetUnit: optionalText(path, 'offsetUnit'),
    timeSource: optionalText(path, 'timeSource'),
    recordField: optionalText(path, 'recordField'),
    target: connectorTarget(path['connector']),
  });
}

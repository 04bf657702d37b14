/** Record elements (Create, Update, Delete, Get Records) and before-save assignments to $Record, as edges. */
import type { FlowElement, FlowModel } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type GraphEdge, type WriteOperation } from '../types.js';
import { appendAll } from '../../shared/arrays.js';
import { accessChangeNote } from './access-objects.js';
import { recordAssignedFields, recordFieldsOf, recordVariables } from './flow-record-fields.js';
import { compact, edgeBase, elementEvidence, ensureObject, isPlatformEvent, type Placement, qualify } from './flow-support.js';

const RECORD_OPERATIONS: Partial<Record<FlowElement['kind'], WriteOperation>> = {
  recordUpdate: 'update',
  recordCreate: 'create',
  recordDelete: 'delete',
};

export function addRecordWrite(graph: AutomationGraph, flow: FlowModel, element: FlowElement, placement: Placement): void {
  const operation = RECORD_OPERATIONS[element.kind] ?? 'update';
  const object = element.object ?? 'unknown';
  const confidence = element.object === undefined ? 'possible' : placement.confidence;
  let fieldNames = element.fields ?? [];
  // A write of a record variable (or collection) carries no field list: the fields are the ones assigned to it.
  if ((operation === 'update' || operation === 'create') && fieldNames.length === 0 && element.inputReference !== undefined) {
    fieldNames = recordAssignedFields(flow, recordVariables(flow, element.inputReference, element.targetsTriggeringRecord === true));
  }
  const fields = qualify(object, fieldNames);
  const evidence = elementEvidence(flow, element);
  const base = edgeBase(placement, confidence, evidence);
  if (isPlatformEvent(object)) {
    graph.addEdge(
      compact<GraphEdge>({ ...base, kind: 'publishes', target: ensureObject(graph, object), fields, note: element.name }),
    );
    return;
  }
  const inMemory = flow.trigger.triggerType === 'RecordBeforeSave' && element.targetsTriggeringRecord === true && operation === 'update';
  graph.addEdge(
    compact<GraphEdge>({
      ...base,
      kind: 'writes',
      target: ensureObject(graph, object),
      fields,
      operation,
      targetsTriggeringRecord: element.targetsTriggeringRecord === true,
      inMemory: inMemory ? true : undefined,
      note: element.name,
    }),
  );
  const access = accessChangeNote(object, fieldNames);
  if (access !== undefined) {
    graph.addEdge({ ...base, kind: 'changes-access', target: ensureObject(graph, object), note: `${element.name} ${access}` });
  }
}

export function addRecordRead(graph: AutomationGraph, flow: FlowModel, element: FlowElement, placement: Placement): void {
  const object = element.object ?? 'unknown';
  const confidence = element.object === undefined ? 'possible' : placement.confidence;
  const filterFields = (element.filters ?? []).map((filter) => filter.field).filter((field) => field !== '');
  graph.addEdge({
    ...edgeBase(placement, confidence, elementEvidence(flow, element)),
    kind: 'reads',
    target: ensureObject(graph, object),
    fields: qualify(object, filterFields),
    note: element.name,
  });
}

/** Before-save: assignments to `$Record.Field` change the record in memory (one edge per owner and confidence). */
export function addBeforeSaveAssignments(graph: AutomationGraph, flow: FlowModel, placements: Map<string, Placement[]>): void {
  const object = flow.trigger.object;
  if (object === undefined) return;
  const groups = new Map<string, { placement: Placement; elements: FlowElement[]; fields: string[] }>();
  for (const element of flow.elements) {
    if (element.kind !== 'assignment') continue;
    const fields = recordFieldsOf(element, ['$Record']);
    if (fields.length === 0) continue;
    for (const placement of placements.get(element.name) ?? []) {
      const key = `${placement.owner.id}|${placement.confidence}`;
      const group = groups.get(key) ?? { placement, elements: [], fields: [] };
      group.elements.push(element);
      appendAll(group.fields, fields);
      groups.set(key, group);
    }
  }
  for (const { placement, elements, fields } of groups.values()) {
    const first = elements[0]!;
    graph.addEdge({
      ...edgeBase(placement, placement.confidence, elementEvidence(flow, first)),
      kind: 'writes',
      target: ensureObject(graph, object),
      fields: qualify(object, fields),
      operation: 'update',
      targetsTriggeringRecord: true,
      inMemory: true,
      note: `assignments to $Record: ${elements.map((element) => element.name).join(', ')}`,
    });
  }
}

/**
 * Objects and fields into the automation graph, and the one automation the platform runs for a field:
 * a roll-up summary re-saves the master record whenever a child record is created, changed, deleted
 * or undeleted, so the master's update automation runs again.
 */
import type { CustomFieldModel, MetadataModel } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type GraphEdge, type GraphNode, nodeId } from '../types.js';

export function addObjects(graph: AutomationGraph, model: MetadataModel): void {
  for (const object of model.objects) {
    graph.addNode(
      compact<GraphNode>({
        id: nodeId.object(object.name),
        kind: 'object',
        name: object.name,
        label: object.label,
        objectKind: /__e$/i.test(object.name) ? 'platform-event' : object.kind,
        source: object.source,
      }),
    );
    for (const field of object.fields) {
      graph.addNode(
        compact<GraphNode>({
          id: nodeId.field(field.fullName),
          kind: 'field',
          name: field.fullName,
          label: field.label,
          object: object.name,
          source: field.source,
        }),
      );
    }
  }
  for (const object of model.objects) {
    for (const field of object.fields) {
      if (field.rollup) addRollup(graph, object.name, field);
    }
  }
}

function addRollup(graph: AutomationGraph, master: string, field: CustomFieldModel): void {
  const rollup = field.rollup!;
  const name = `${master}.${field.name}`;
  const id = graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('roll-up-summary', name),
      kind: 'automation',
      automationType: 'roll-up-summary',
      name,
      label: field.label,
      object: master,
      active: true,
      source: field.source,
    }),
  );
  const evidence = field.source.line === undefined ? { file: field.source.file } : { file: field.source.file, line: field.source.line };
  const summarized = rollup.summarizedField ? ` ${rollup.summarizedField}` : '';
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'fires-on',
      source: graph.ensureObject(rollup.childObject, /__e$/i.test(rollup.childObject) ? 'platform-event' : undefined),
      target: id,
      confidence: 'certain',
      evidence,
      events: ['create', 'update', 'delete', 'undelete'],
      note: `${rollup.operation || 'roll-up'}${summarized} via ${rollup.summaryForeignKey}`,
    }),
  );
  graph.addEdge({
    kind: 'writes',
    source: id,
    target: graph.ensureObject(master),
    confidence: 'certain',
    evidence,
    fields: [name],
    operation: 'update',
    targetsTriggeringRecord: false,
    implicit: 'roll-up-summary',
    note: `roll-up summary ${name} recalculates the master record`,
  });
}

function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

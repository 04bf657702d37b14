/**
 * Who still uses a field: active automation that writes it (`queries.writersOf`) or reads it
 * (`queries.readersOf`: Get Records, SOQL, validation rule formulas). Workflow writes are named by the field update that makes
 * them. Permission grants are not use.
 */
import type { GraphQueries } from '../../graph/queries.js';
import type { GraphEdge, GraphNode } from '../../graph/types.js';
import type { MetadataModel } from '../../metadata/model.js';
import type { FindingComponent, FindingEvidence } from '../../review/finding.js';
import { componentOf } from '../support/hops.js';
import { compare } from '../../shared/compare.js';

export type FieldUse = { how: 'writes' | 'reads'; component: FindingComponent; evidence: FindingEvidence };

export function usesOf(field: string, queries: GraphQueries, model: MetadataModel): FieldUse[] {
  const uses = new Map<string, FieldUse>();
  const add = (use: FieldUse): void => {
    const key = `${use.how}\u0000${use.component.type}\u0000${use.component.name}`;
    if (!uses.has(key)) uses.set(key, use);
  };
  for (const { automation, edge } of queries.writersOf(field)) {
    if (automation.active === false) continue;
    const writer = writerComponent(automation, edge, model);
    const via = writer.name === automation.name ? '' : ` (run by ${describe(automation)})`;
    add({ how: 'writes', component: writer, evidence: evidenceOf(`${writer.type} ${writer.name}${via} writes ${field}`, edge) });
  }
  for (const { automation: reader, edge } of queries.readersOf(field)) {
    if (reader.active === false) continue;
    add({ how: 'reads', component: componentOf(reader), evidence: evidenceOf(`${describe(reader)} reads ${field}`, edge) });
  }
  return [...uses.values()].sort((a, b) => compare(a.how, b.how) || compare(a.component.type, b.component.type) || compare(a.component.name, b.component.name));
}

/** A workflow rule writes through a field update: name the update (its source is the edge's evidence). */
function writerComponent(automation: GraphNode, edge: GraphEdge, model: MetadataModel): FindingComponent {
  if (automation.automationType === 'workflow-rule') {
    const update = model.workflows
      .flatMap((workflow) => workflow.fieldUpdates)
      .find((candidate) => candidate.source.file === edge.evidence.file && candidate.source.line === edge.evidence.line);
    if (update) return { type: 'WorkflowFieldUpdate', name: update.fullName, file: update.source.file, ...(update.source.line !== undefined ? { line: update.source.line } : {}) };
  }
  return componentOf(automation);
}

function describe(node: GraphNode): string {
  const component = componentOf(node);
  return `${component.type} ${component.name}`;
}

function evidenceOf(text: string, edge: GraphEdge): FindingEvidence {
  const note = edge.note ? ` (${edge.note})` : '';
  return { text: `${text}${note}`, file: edge.evidence.file, ...(edge.evidence.line !== undefined ? { line: edge.evidence.line } : {}) };
}

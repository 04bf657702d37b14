import type { EffectSummary, ObjectPipeline, PipelineEntry } from '../../graph/pipeline-types.js';
import { mermaidEdge, mermaidNode } from '../markdown-escape.js';
import { qualifiedFields } from './effects.js';
import { stepShort, typeLabel } from './labels.js';

/** Automation nodes drawn per object before the diagram is cut. */
export const MAX_DIAGRAM_AUTOMATIONS = 25;

/**
 * A Mermaid flowchart of an object's save: the object, its automation chained in execution order, and
 * the objects each automation writes or publishes to (dashed when that happens in a later transaction).
 * Ids are generated (`n1`, `n2`, ...) and every label is escaped, so no name can break the diagram.
 */
export function pipelineDiagram(pipeline: ObjectPipeline, max = MAX_DIAGRAM_AUTOMATIONS): string {
  const nodes: string[] = [];
  const edges: string[] = [];
  const seenEdges = new Set<string>();
  const objectIds = new Map<string, string>();
  let counter = 0;
  const nextId = (): string => `n${++counter}`;
  const objectNode = (name: string): string => {
    let id = objectIds.get(name);
    if (!id) {
      id = nextId();
      objectIds.set(name, id);
      nodes.push(mermaidNode(id, name));
    }
    return id;
  };
  const edge = (from: string, to: string, label: string, dashed: boolean): void => {
    const line = mermaidEdge(from, to, label, dashed);
    if (seenEdges.has(line)) return;
    seenEdges.add(line);
    edges.push(line);
  };

  const root = objectNode(pipeline.object);
  let previous = root;
  for (const entry of pipeline.entries.slice(0, max)) {
    const id = nextId();
    nodes.push(mermaidNode(id, `${entry.position}. ${stepShort(entry.step)}: ${typeLabel(entry.automationType)} ${entry.name}`));
    const postCommit = entry.step === 'post-commit';
    edge(previous, id, chainLabel(entry, previous === root), postCommit);
    previous = id;
    for (const effect of entry.writes) {
      if (effect.inMemory) continue;
      edge(id, objectNode(effect.target), writeLabel(effect), postCommit || effect.async === true);
    }
    for (const effect of entry.publishes) edge(id, objectNode(effect.target), 'publishes', true);
  }
  return ['```mermaid', 'flowchart LR', ...nodes, ...edges, '```'].join('\n');
}

/** The hop to the next automation: a save starts the chain; a published event starts its subscribers after commit. */
function chainLabel(entry: PipelineEntry, first: boolean): string {
  if (entry.step !== 'post-commit') return first ? 'save' : 'then';
  return first && entry.events.includes('publish') ? 'publish' : 'after commit';
}

function writeLabel(effect: EffectSummary): string {
  const fields = qualifiedFields(effect).map((field) => field.slice(field.indexOf('.') + 1));
  const shown = fields.slice(0, 3).join(', ') + (fields.length > 3 ? ` +${fields.length - 3}` : '');
  const what = `${effect.operation ?? 'writes'}${shown ? ` ${shown}` : ''}`;
  if (effect.implicit === 'roll-up-summary') return `roll-up: ${what}`;
  if (effect.implicit === 'workflow-refire') return `field update, re-fires triggers: ${what}`;
  if (effect.implicit) return `cross-object workflow: ${what}`;
  return effect.targetsTriggeringRecord ? `${what} (same record)` : what;
}

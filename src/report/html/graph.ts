import type { EffectSummary, ObjectPipeline, PipelineEntry } from '../../graph/pipeline-types.js';
import { stepShort, typeLabel } from '../markdown/labels.js';
import { html, type SafeHtml, truncate } from './escape.js';
import { layeredLayout, type LayoutEdge, type PlacedNode } from './layout.js';

/** Automations drawn per object before the graph is cut (as in the Markdown diagram). */
export const MAX_GRAPH_AUTOMATIONS = 25;

type NodeKind = 'object' | 'self' | 'target' | 'event' | 'endpoint' | 'automation';
type GraphNode = { id: string; kind: NodeKind; lines: [string, string]; title: string; css: string; width: number; height: number };
type GraphEdge = LayoutEdge & { label: string; dashed: boolean };

const CHAR_WIDTH = 6.6;
const WIDTH = { object: 170, automation: 250 } as const;
const HEIGHT = 40;

/**
 * An object's save as an inline SVG: the object, the automation that runs (numbered in execution order)
 * and what each writes, publishes or calls. Laid out here (no Mermaid, no script), every label escaped;
 * node ids are generated, never taken from metadata.
 */
export function pipelineSvg(pipeline: ObjectPipeline, graphIndex: number, max = MAX_GRAPH_AUTOMATIONS): SafeHtml {
  const { nodes, edges, cut } = pipelineGraph(pipeline, max);
  const layout = layeredLayout(nodes, edges, { layerGap: 170 });
  const loopDepth = layout.backEdges.size > 0 ? 46 : 0;
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height + loopDepth);
  const marker = `arrow-${graphIndex}`;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edgeMarkup = edges.map((edge) => {
    const from = layout.nodes.get(edge.from)!;
    const to = layout.nodes.get(edge.to)!;
    const back = layout.backEdges.has(edge) || from.layer >= to.layer;
    const { path, labelX, labelY } = back ? loopPath(from, to, layout.height + loopDepth - 8) : forwardPath(from, to);
    return html`<g class="edge${edge.dashed ? ' dashed' : ''}"><path d="${path}" marker-end="url(#${marker})"/>${
      edge.label ? html`<text x="${round(labelX)}" y="${round(labelY)}" text-anchor="middle">${truncate(edge.label, 28)}</text>` : ''
    }</g>`;
  });
  const nodeMarkup = [...layout.nodes.values()].map((placed) => {
    const node = byId.get(placed.id)!;
    const chars = Math.floor((node.width - 16) / CHAR_WIDTH);
    return html`<g class="node ${node.css}"><title>${node.title}</title><rect x="${round(placed.x)}" y="${round(placed.y)}" width="${node.width}" height="${node.height}" rx="6"/><text x="${round(placed.x + 8)}" y="${round(placed.y + 16)}" class="kind">${truncate(node.lines[0], chars + 6)}</text><text x="${round(placed.x + 8)}" y="${round(placed.y + 32)}">${truncate(node.lines[1], chars)}</text></g>`;
  });
  return html`<figure class="graph"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${`Automation graph of ${pipeline.object}`}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>${edgeMarkup}${nodeMarkup}</svg>${
    cut > 0 ? html`<figcaption>${cut} more automation(s) run on ${pipeline.object}; the table lists them all.</figcaption>` : ''
  }</figure>`;
}

/** The nodes and edges of an object's pipeline graph. */
export function pipelineGraph(pipeline: ObjectPipeline, max = MAX_GRAPH_AUTOMATIONS): { nodes: GraphNode[]; edges: GraphEdge[]; cut: number } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const targets = new Map<string, string>();
  let counter = 0;
  const add = (node: Omit<GraphNode, 'id' | 'width' | 'height'>, width: number): string => {
    const id = `n${++counter}`;
    nodes.push({ ...node, id, width, height: HEIGHT });
    return id;
  };
  const root = add({ kind: 'object', lines: ['object', pipeline.object], title: pipeline.object, css: 'object' }, WIDTH.object);
  const KIND_LINE = { self: 'saves again', target: 'object', event: 'platform event', endpoint: 'callout' } as const;
  // A write back to the object gets its own node on the right ("saves again"): a loop back to the
  // root would cross every automation in between.
  const target = (kind: 'target' | 'event' | 'endpoint', name: string): string => {
    const actual = kind === 'target' && name === pipeline.object ? 'self' : kind;
    const key = `${actual === 'endpoint' ? 'endpoint' : 'object'}:${name}`;
    let id = targets.get(key);
    if (!id) {
      id = add({ kind: actual, lines: [KIND_LINE[actual], name], title: name, css: actual === 'self' ? 'object self' : actual }, WIDTH.object);
      targets.set(key, id);
    }
    return id;
  };
  // Parallel edges (two writes from one automation to one object) become one edge with both labels:
  // drawn apart, they would lie on top of each other.
  const edge = (from: string, to: string, label: string, dashed: boolean): void => {
    const parallel = edges.find((candidate) => candidate.from === from && candidate.to === to);
    if (!parallel) {
      edges.push({ from, to, label, dashed });
      return;
    }
    if (label && !parallel.label.split('; ').includes(label)) parallel.label = parallel.label ? `${parallel.label}; ${label}` : label;
    parallel.dashed = parallel.dashed && dashed;
  };
  const shown = pipeline.entries.slice(0, max);
  for (const entry of shown) {
    const id = add(
      { kind: 'automation', lines: [`${entry.position}. ${stepShort(entry.step)}`, `${typeLabel(entry.automationType)} ${entry.name}`], title: automationTitle(entry), css: `automation type-${entry.automationType}` },
      WIDTH.automation,
    );
    const later = entry.step === 'post-commit';
    edge(root, id, later ? 'after commit' : '', later);
    for (const effect of entry.writes) {
      if (effect.inMemory) continue;
      edge(id, target(effect.target.endsWith('__e') ? 'event' : 'target', effect.target), writeLabel(effect), later || effect.async === true);
    }
    for (const effect of entry.publishes) edge(id, target('event', effect.target), 'publishes', true);
    for (const effect of entry.callsOut) edge(id, target('endpoint', effect.target), effect.note ?? 'calls out', effect.async === true);
  }
  return { nodes, edges, cut: pipeline.entries.length - shown.length };
}

function automationTitle(entry: PipelineEntry): string {
  const label = entry.label && entry.label !== entry.name ? ` (${entry.label})` : '';
  return `${entry.position}. ${stepShort(entry.step)}: ${typeLabel(entry.automationType)} ${entry.name}${label}`;
}

function writeLabel(effect: EffectSummary): string {
  const fields = (effect.fields ?? []).map((field) => field.slice(field.indexOf('.') + 1));
  const shown = fields.slice(0, 2).join(', ') + (fields.length > 2 ? ` +${fields.length - 2}` : '');
  const what = `${effect.operation ?? 'writes'}${shown ? ` ${shown}` : ''}`;
  if (effect.implicit === 'roll-up-summary') return `roll-up: ${what}`;
  if (effect.implicit === 'workflow-refire') return `re-fires: ${what}`;
  return effect.targetsTriggeringRecord ? `${what} (same record)` : what;
}

/** Right side of the source to left side of the target, as a gentle S curve. */
function forwardPath(from: PlacedNode, to: PlacedNode): { path: string; labelX: number; labelY: number } {
  const x1 = from.x + from.width;
  const y1 = from.y + from.height / 2;
  const x2 = to.x;
  const y2 = to.y + to.height / 2;
  const bend = Math.max(30, (x2 - x1) / 2);
  return {
    path: `M ${round(x1)} ${round(y1)} C ${round(x1 + bend)} ${round(y1)}, ${round(x2 - bend)} ${round(y2)}, ${round(x2)} ${round(y2)}`,
    labelX: (x1 + x2) / 2,
    labelY: (y1 + y2) / 2 - 4,
  };
}

/** An edge back to an earlier layer (a write to the object itself): a loop under the graph. */
function loopPath(from: PlacedNode, to: PlacedNode, bottom: number): { path: string; labelX: number; labelY: number } {
  const x1 = from.x + from.width / 2;
  const y1 = from.y + from.height;
  const x2 = to.x + to.width / 2;
  const y2 = to.y + to.height;
  return {
    path: `M ${round(x1)} ${round(y1)} C ${round(x1)} ${round(bottom)}, ${round(x2)} ${round(bottom)}, ${round(x2)} ${round(y2)}`,
    labelX: (x1 + x2) / 2,
    labelY: bottom - 4,
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

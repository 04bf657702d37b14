/** What the flow builders share: who an element's edges come from, confidences, evidence and edge bases. */
import type { FlowElement, FlowModel, SourceRef } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import type { Confidence, GraphEdge } from '../types.js';

/** Who an element's edges come from: the flow, or one of its scheduled paths. */
export type Owner = { id: string; name: string; async: boolean };
export type Placement = { owner: Owner; confidence: Confidence };

const CONFIDENCE_RANK: Record<Confidence, number> = { certain: 2, likely: 1, possible: 0 };

/** The weaker of two confidences. */
export function weakest(left: Confidence, right: Confidence): Confidence {
  return CONFIDENCE_RANK[left] <= CONFIDENCE_RANK[right] ? left : right;
}

/** `Object.Field` for each field, de-duplicated and sorted. */
export function qualify(object: string, fields: string[]): string[] {
  return [...new Set(fields.map((field) => `${object}.${field}`))].sort();
}

export function isPlatformEvent(object: string): boolean {
  return /__e$/i.test(object);
}

export function ensureObject(graph: AutomationGraph, name: string): string {
  return graph.ensureObject(name, isPlatformEvent(name) ? 'platform-event' : undefined);
}

export function edgeBase(placement: Placement, confidence: Confidence, evidence: SourceRef): Pick<GraphEdge, 'source' | 'confidence' | 'evidence'> & { async?: boolean } {
  return {
    source: placement.owner.id,
    confidence,
    evidence,
    ...(placement.owner.async ? { async: true } : {}),
  };
}

export function flowEvidence(flow: FlowModel): SourceRef {
  return flow.source.line === undefined ? { file: flow.source.file } : { file: flow.source.file, line: flow.source.line };
}

export function elementEvidence(flow: FlowModel, element: FlowElement): SourceRef {
  return element.line === undefined ? { file: flow.source.file } : { file: flow.source.file, line: element.line };
}

/** Drops keys whose value is undefined, so edges and nodes stay small and compare cleanly. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

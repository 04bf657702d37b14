import type { SaveHop } from '../../graph/queries.js';
import type { GraphNode, WriteOperation } from '../../graph/types.js';
import type { MetadataModel } from '../../metadata/model.js';
import type { FindingComponent } from '../../review/finding.js';
import { entryCondition } from './entry-condition.js';

/**
 * `criteria`: the loop cannot close (low). `partial`: entry criteria may stop it, depending on values
 * or on fields we cannot see (medium). `guard`: an Apex guard stops it (medium). `none`: nothing does.
 */
export type Mitigation =
  | { kind: 'criteria'; reason: string }
  | { kind: 'partial'; reason: string }
  | { kind: 'guard'; reason: string }
  | { kind: 'none' };

/** The events a save with this operation fires: an update fires update automation, and so on. */
export function eventsOf(operation: WriteOperation | undefined): string[] {
  switch (operation) {
    case 'create':
      return ['create'];
    case 'upsert':
      return ['create', 'update'];
    case 'delete':
      return ['delete'];
    case 'undelete':
      return ['undelete'];
    case 'merge':
      return ['update', 'delete'];
    default:
      return ['update'];
  }
}

/** Whether an automation started by `startEvents` (fires-on events) runs on a save with `operation`. */
export function firesOn(startEvents: readonly string[] | undefined, operation: WriteOperation | undefined): boolean {
  if (!startEvents || startEvents.length === 0) return true;
  const normalized = startEvents.map((event) => event.toLowerCase().replace(/^(before|after)\s+/, '').replace('insert', 'create'));
  return eventsOf(operation).some((event) => normalized.includes(event));
}

/**
 * What keeps `hop` from starting `next` again: change-only entry criteria on fields the hop does not
 * write, or an Apex guard checked before the write.
 */
export function mitigationOf(hop: SaveHop, next: GraphNode, model: MetadataModel): Mitigation {
  const condition = entryCondition(next, model);
  const written = hop.edge.fields ?? [];
  const watched = written.filter((field) => condition.fields.includes(field));
  const criteria = condition.description ? ` (${condition.description})` : '';
  if (condition.changeOnly) {
    if (written.length > 0 && watched.length === 0) {
      return { kind: 'criteria', reason: `${next.name} runs only when the record changes to meet its criteria${criteria}, and ${hop.automation.name} writes only ${written.join(', ')}` };
    }
    if (written.length === 0) {
      return { kind: 'partial', reason: `${next.name} runs only when the record changes to meet its criteria${criteria}; which fields ${hop.automation.name} writes could not be determined` };
    }
    return { kind: 'partial', reason: `${next.name} runs again when ${watched.join(', ')} change${criteria}, and ${hop.automation.name} writes them: it stops once the values settle` };
  }
  if (hop.edge.guards && hop.edge.guards.length > 0) {
    return { kind: 'guard', reason: `guarded by ${hop.edge.guards.join(', ')} checked before the write` };
  }
  if (condition.hasCriteria && watched.length > 0) {
    return { kind: 'partial', reason: `${next.name} has entry criteria on ${watched.join(', ')}${criteria}, which ${hop.automation.name} writes: the loop closes only if the written values still meet them` };
  }
  return { kind: 'none' };
}

const COMPONENT_TYPES: Record<string, string> = {
  flow: 'Flow',
  'process-builder': 'Flow',
  'apex-trigger': 'ApexTrigger',
  'apex-method': 'ApexClass',
  'validation-rule': 'ValidationRule',
  'workflow-rule': 'WorkflowRule',
  'workflow-field-update': 'WorkflowFieldUpdate',
  'outbound-message': 'WorkflowOutboundMessage',
  'email-alert': 'WorkflowAlert',
  'roll-up-summary': 'CustomField',
};

export function componentOf(node: GraphNode): FindingComponent {
  return {
    type: COMPONENT_TYPES[node.automationType ?? ''] ?? 'Automation',
    name: node.name,
    file: node.source?.file ?? '',
    ...(node.source?.line !== undefined ? { line: node.source.line } : {}),
  };
}

const LABELS: Record<string, string> = {
  flow: 'flow',
  'process-builder': 'process',
  'apex-trigger': 'trigger',
  'workflow-rule': 'workflow rule',
  'roll-up-summary': 'roll-up',
  'validation-rule': 'validation rule',
};

/** `Account —[trigger AccountTrigger → AccountService.sync:34: update Opportunity.Tier__c]→ Opportunity` */
export function describeHop(hop: SaveHop): string {
  const edge = hop.edge;
  const who = `${LABELS[hop.automation.automationType ?? ''] ?? hop.automation.automationType} ${hop.automation.name}`;
  const path = edge.path && edge.path.length > 1 ? ` → ${edge.path.slice(1).join(' → ')}` : '';
  const line = edge.evidence.line !== undefined ? `:${edge.evidence.line}` : '';
  const via = hop.via ? ` (${hop.via.name})` : '';
  const what =
    edge.kind === 'publishes'
      ? `publish ${hop.to}`
      : `${edge.operation ?? 'write'} ${edge.fields && edge.fields.length > 0 ? edge.fields.join(', ') : hop.to}`;
  return `—[${who}${via}${path}${line}: ${what}${hop.async ? ', async' : ''}]→ ${hop.to}`;
}

export function describeChain(start: string, hops: readonly SaveHop[]): string {
  return [start, ...hops.map(describeHop)].join(' ');
}

/**
 * A cycle's chain as evidence: the whole chain in one line, then each hop with its file and line. Past
 * SHOWN_HOPS hops both are cut with a count, so a loop through thousands of objects stays readable.
 */
export function chainEvidence(start: string, chain: readonly SaveHop[], shown: number): Array<{ text: string; file?: string; line?: number }> {
  const listed = chain.slice(0, shown);
  const rest = chain.length - listed.length;
  return [
    { text: `chain: ${describeChain(start, listed)}${rest > 0 ? ` … and ${rest} more hop(s) back to ${start}` : ''}` },
    ...listed.map(evidenceOf),
    ...(rest > 0 ? [{ text: `${rest} more hop(s) not listed` }] : []),
  ];
}

export function evidenceOf(hop: SaveHop): { text: string; file?: string; line?: number } {
  return {
    text: `${hop.from} ${describeHop(hop)}`,
    ...(hop.edge.evidence.file ? { file: hop.edge.evidence.file } : {}),
    ...(hop.edge.evidence.line !== undefined ? { line: hop.edge.evidence.line } : {}),
  };
}

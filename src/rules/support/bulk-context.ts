import type { FlowElement, FlowModel, MetadataModel } from '../../metadata/model.js';
import type { ApexIndex, ApexOwner } from './apex-index.js';
import { compare } from '../../shared/compare.js';

/**
 * Why a piece of automation runs over many records at once: a trigger or record-triggered flow (bulk
 * saves of up to 200 records), a platform-event subscriber (batches of events), a scheduled flow, or
 * anything they call. `path` leads from that entry point to the code.
 */
export type BulkContext = {
  /** The entry point: `trigger InvoiceTrigger on Invoice__c`, `scheduled flow Weekly_Review`. */
  entry: string;
  /** Why it means many records: `saves arrive in batches of up to 200 records`. */
  why: string;
  object?: string;
  path: string[];
};

const SAVES = 'saves arrive in batches of up to 200 records';
const EVENTS = 'events arrive in batches of up to 2,000';
const BATCH_SCOPE = 'each execute gets a scope of up to 200 records (up to 2,000 with a larger batch size)';

/** Active flows that run in bulk, by lower-case name: entry flows and the subflows they call. */
export function bulkFlows(model: MetadataModel): Map<string, BulkContext> {
  const byName = flowsByName(model);
  const out = new Map<string, BulkContext>();
  const queue: Array<{ flow: FlowModel; context: BulkContext }> = [];
  for (const flow of [...model.flows].sort((a, b) => compare(a.name, b.name))) {
    if (flow.status !== 'Active') continue;
    const entry = flowEntry(flow);
    if (entry) queue.push({ flow, context: { ...entry, ...(flow.trigger.object ? { object: flow.trigger.object } : {}), path: [flow.name] } });
  }
  while (queue.length > 0) {
    const { flow, context } = queue.shift()!;
    const key = flow.name.toLowerCase();
    if (out.has(key)) continue;
    out.set(key, context);
    for (const element of flow.elements) {
      const called = calledFlowName(element);
      const callee = called ? byName.get(called.toLowerCase()) : undefined;
      if (callee && !out.has(callee.name.toLowerCase())) queue.push({ flow: callee, context: { ...context, path: [...context.path, callee.name] } });
    }
  }
  return out;
}

/** Apex that runs in bulk, by owner key: active triggers, Apex actions of bulk flows, and what they call or enqueue. */
export function bulkApex(model: MetadataModel, index: ApexIndex, flows: Map<string, BulkContext>): Map<string, BulkContext> {
  const queue: Array<{ owner: ApexOwner; context: BulkContext }> = [];
  for (const owner of index.owners.filter((candidate) => candidate.trigger?.active).sort((a, b) => compare(a.display, b.display))) {
    const object = owner.trigger!.object;
    const why = /__e$/i.test(object) ? EVENTS : SAVES;
    queue.push({ owner, context: { entry: `trigger ${owner.display} on ${object}`, why, object, path: [owner.display] } });
  }
  // A batch job's execute runs over its scope of records, like a trigger over a save.
  for (const owner of index.owners.filter((candidate) => isBatchExecute(candidate)).sort((a, b) => compare(a.display, b.display))) {
    queue.push({ owner, context: { entry: `batch job ${owner.cls!.name}`, why: BATCH_SCOPE, path: [owner.display] } });
  }
  for (const flow of [...model.flows].sort((a, b) => compare(a.name, b.name))) {
    const context = flows.get(flow.name.toLowerCase());
    if (!context) continue;
    for (const element of flow.elements) {
      const className = apexActionClass(element);
      const invocable = className ? index.invocable(className) : undefined;
      if (invocable) queue.push({ owner: invocable, context: { ...context, path: [...context.path, invocable.display] } });
    }
  }
  const out = new Map<string, BulkContext>();
  while (queue.length > 0) {
    const { owner, context } = queue.shift()!;
    if (out.has(owner.key)) continue;
    out.set(owner.key, context);
    const jobs = owner.block.async.filter((job) => job.target && job.kind !== 'platform-event' && job.kind !== 'future').flatMap((job) => index.named(`${job.target}.execute`));
    for (const callee of [...owner.block.calls.flatMap((call) => index.resolve(call, owner)), ...jobs]) {
      if (!out.has(callee.key)) queue.push({ owner: callee, context: { ...context, path: [...context.path, callee.display] } });
    }
  }
  return out;
}

/** `execute` of a class implementing Database.Batchable. */
function isBatchExecute(owner: ApexOwner): boolean {
  return owner.method?.name.toLowerCase() === 'execute' && (owner.cls?.interfaces ?? []).some((name) => /^database\.batchable\b/i.test(name.replace(/\s+/g, '')));
}

/** A bulk context as evidence text: `reached from trigger X on Obj (X → Handler.m → Service.n)`. */
export function describeContext(context: BulkContext): string {
  return `reached from ${context.entry}${context.path.length > 1 ? ` (${context.path.join(' → ')})` : ''}`;
}

function flowEntry(flow: FlowModel): Pick<BulkContext, 'entry' | 'why'> | undefined {
  const on = flow.trigger.object ? ` on ${flow.trigger.object}` : '';
  switch (flow.trigger.kind) {
    case 'record':
      return { entry: `${flow.isProcessBuilder ? 'Process Builder' : 'record-triggered flow'} ${flow.name}${on}`, why: SAVES };
    case 'platform-event':
      return { entry: `platform-event-triggered flow ${flow.name}${on}`, why: EVENTS };
    case 'scheduled':
      return {
        entry: `scheduled flow ${flow.name}${on}`,
        why: flow.trigger.object ? 'it runs over every matching record, in batches of 200' : 'it runs unattended over whatever its queries return',
      };
    default:
      return undefined;
  }
}

/** The flow a subflow element or a `flow` action runs. */
export function calledFlowName(element: FlowElement): string | undefined {
  if (element.kind === 'subflow') return element.flowName;
  if (element.kind === 'actionCall' && element.actionType === 'flow') return element.actionName;
  return undefined;
}

/** The class an Apex action (`apex` action call or legacy plugin call) runs. */
export function apexActionClass(element: FlowElement): string | undefined {
  if (element.kind === 'apexPluginCall') return element.actionName;
  if (element.kind === 'actionCall' && element.actionType === 'apex') return element.actionName;
  return undefined;
}

export function flowsByName(model: MetadataModel): Map<string, FlowModel> {
  const out = new Map<string, FlowModel>();
  for (const flow of model.flows) if (!out.has(flow.name.toLowerCase())) out.set(flow.name.toLowerCase(), flow);
  return out;
}

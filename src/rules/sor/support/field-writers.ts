/**
 * Who writes each field, by system: the automation that writes it on a save (flows, Process Builder,
 * Apex reached from a trigger, workflow field updates) and the integration principals that can edit it.
 * The two writer rules and the system-of-record section share this one analysis, so the matrix and the
 * findings always agree.
 */
import type { GraphEdge, GraphNode } from '../../../graph/types.js';
import type { MetadataModel } from '../../../metadata/model.js';
import { findFlow, findWorkflowRule } from '../../../metadata/model-index.js';
import type { PrincipalRef } from '../../../permissions/grants.js';
import { type FieldOwner, type FieldOwnership, resolveFieldOwnership, SALESFORCE, sameKey } from '../../../policy/ownership.js';
import type { RuleContext } from '../../rule.js';
import { elementOf } from './elements.js';
import { compare } from '../../../shared/compare.js';

export type AutomationWrite = {
  automation: GraphNode;
  edge: GraphEdge;
  /** Systems whose policy names this automation (or a class or flow on its path) as their writer. */
  declaredFor: string[];
  /** The system the write is made for: the first declared one, else Salesforce's own automation. */
  system: string;
  /** The flow element or workflow field update that makes the write, when it can be named. */
  element?: { kind: string; name: string; line?: number };
  /** A record-triggered flow (or workflow rule) that runs on every update, with no entry criteria. */
  everySave: boolean;
  /** Events and criteria it fires on, as the graph has them. */
  firesOn?: string;
};

export type PrincipalEditor = { ref: PrincipalRef; systems: string[]; file?: string };

export type Verdict = 'sor/foreign-field-write' | 'sor/multiple-writers';

export type FieldWriters = {
  owner: FieldOwner;
  writes: AutomationWrite[];
  /** Integration principals (policy or description) with edit access to the field. */
  editors: PrincipalEditor[];
  /** Writes made for a system other than the owner. */
  foreign: AutomationWrite[];
  /** The owner writes too: its integration can edit the field, or automation declared for it writes it. */
  ownerWrites: boolean;
  /**
   * A foreign write where the owner writes too: several writers, the last one wins (multiple-writers).
   * A foreign write the owner cannot answer: the field has been taken over (foreign-field-write).
   */
  verdict?: Verdict;
};

const CACHE = new WeakMap<object, FieldWriters[]>();

/** The fields one writer rule reports (its verdict, within `--object`), with the ownership to word them. */
export function fieldsWithVerdict(context: RuleContext, verdict: Verdict): { ownership: FieldOwnership; entries: FieldWriters[] } {
  const ownership = resolveFieldOwnership(context.model, context.policy);
  const entries = fieldWriters(context).filter((entry) => entry.verdict === verdict && (context.objects.length === 0 || context.objects.includes(entry.owner.object)));
  return { ownership, entries };
}

/** Every field that is externally owned or written for another system than its owner, sorted by field. */
export function fieldWriters(context: RuleContext): FieldWriters[] {
  let list = CACHE.get(context.queries);
  if (!list) {
    list = analyze(context);
    CACHE.set(context.queries, list);
  }
  return list;
}

function analyze(context: RuleContext): FieldWriters[] {
  const { queries, model, permissions } = context;
  const ownership = resolveFieldOwnership(model, context.policy);
  const candidates = new Map<string, string>();
  for (const owner of ownership.ownedFields()) candidates.set(owner.field.toLowerCase(), owner.field);
  for (const field of queries.fieldsTouched('writes')) if (!candidates.has(field.toLowerCase())) candidates.set(field.toLowerCase(), field);
  const result: FieldWriters[] = [];
  const integrationEditorsOf = permissions.editorsAmong((ref) => ownership.isIntegration(ref));
  for (const field of candidates.values()) {
    const owner = ownership.ownerOf(field);
    const writes = writesOf(field, context, ownership);
    const editors = integrationEditorsOf(owner.field)
      .map((ref): PrincipalEditor => {
        const file = permissions.container(ref)?.source.file ?? model.permissionSetGroups.find((group) => group.name === ref.name)?.source.file;
        return { ref, systems: ownership.systemsOf(ref), ...(file ? { file } : {}) };
      })
      .sort((a, b) => compare(`${a.ref.type}:${a.ref.name}`, `${b.ref.type}:${b.ref.name}`));
    const foreign = writes.filter((write) => !sameKey(write.system, owner.system));
    const ownerWrites =
      writes.some((write) => sameKey(write.system, owner.system)) ||
      editors.some((editor) => editor.systems.some((system) => sameKey(system, owner.system)));
    if (!owner.external && foreign.length === 0) continue;
    const verdict: Verdict | undefined = foreign.length === 0 ? undefined : ownerWrites ? 'sor/multiple-writers' : 'sor/foreign-field-write';
    result.push({ owner, writes, editors, foreign, ownerWrites, ...(verdict ? { verdict } : {}) });
  }
  return result.sort((a, b) => compare(a.owner.field, b.owner.field));
}

/** Active automation writing the field, one entry per write edge; platform re-fires and roll-ups left out. */
function writesOf(field: string, context: RuleContext, ownership: FieldOwnership): AutomationWrite[] {
  const { queries, model } = context;
  const found = queries
    .writersOf(field)
    .filter(({ automation, edge }) => automation.active !== false && edge.implicit !== 'workflow-refire' && automation.automationType !== 'roll-up-summary')
    .map(({ automation, edge }): AutomationWrite => {
      const declaredFor = ownership.writerSystemsOf(automation, edge);
      const trigger = queries.recordTriggerOf(automation);
      const firesOn = trigger ? [(trigger.events ?? []).join(', '), trigger.criteria ? `when ${trigger.criteria}` : ''].filter(Boolean).join(' ') : undefined;
      const element = elementOf(automation, edge, field, model);
      return {
        automation,
        edge,
        declaredFor,
        system: declaredFor[0] ?? SALESFORCE,
        ...(element ? { element } : {}),
        everySave: runsOnEverySave(automation, model),
        ...(firesOn ? { firesOn } : {}),
      };
    });
  // A subflow with no trigger of its own writes only when a parent calls it: the parent's write (with the
  // subflow on its path) already says so.
  const called = new Set(found.flatMap((write) => (write.edge.path ?? []).slice(1).map((step) => step.toLowerCase())));
  return found
    .filter((write) => !(called.has(write.automation.name.toLowerCase()) && queries.recordTriggerOf(write.automation) === undefined))
    .sort((a, b) => compare(a.automation.id, b.automation.id) || compare(a.edge.evidence.file, b.edge.evidence.file) || (a.edge.evidence.line ?? 0) - (b.edge.evidence.line ?? 0));
}

/**
 * Runs on every save: a record-triggered flow that fires on update with no filters, formula or
 * change-only condition, or a workflow rule evaluated on all changes with no criteria. Apex and Process
 * Builder are never counted: their conditions are in code or decision elements this rule does not read.
 */
export function runsOnEverySave(automation: GraphNode, model: MetadataModel): boolean {
  if (automation.automationType === 'flow' && !automation.name.includes('/')) {
    const trigger = findFlow(model, automation.name)?.trigger;
    if (trigger?.kind !== 'record' || !/update/i.test(trigger.recordTriggerType ?? '')) return false;
    return trigger.filters.length === 0 && !trigger.filterFormula && !trigger.requiresRecordChanged;
  }
  if (automation.automationType === 'workflow-rule') {
    const rule = findWorkflowRule(model, automation.name);
    if (!rule || !/^onallchanges$/i.test(rule.triggerType ?? '')) return false;
    return rule.criteriaItems.length === 0 && (!rule.formula || /^\s*true\s*$/i.test(rule.formula));
  }
  return false;
}

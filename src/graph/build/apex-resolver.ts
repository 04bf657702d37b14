import {
  type ApexCall,
  type ApexCodeBlock,
  type ApexDml,
  type ApexTriggerModel,
  type MetadataModel,
  type SourceRef,
} from '../../metadata/model.js';
import type { WriteOperation } from '../types.js';
import { accessChangeNote } from './access-objects.js';
import { ApexCallTargets, type CallTarget } from './apex-call-targets.js';
import { EffectList, type Context, type Resolved } from './apex-effect-list.js';
import type { MethodRef } from './apex-hierarchy.js';
import { dmlTargetType } from './apex-return-types.js';
import { chainCutNote } from './chain-limits.js';
import { hiddenCall, hiddenNote, managedNamespaces } from './hidden-code.js';
import type { ApexEffect, ApexEffectResolver, ReachedCall } from './effects.js';

/**
 * A method in one calling context: the runtime class of `this` and the classes its parameters hold,
 * when the method's calls depend on them (virtual `this.m()`, calls on a parameter). Methods whose
 * calls depend on neither have one node whatever the caller, so the memo stays one entry per method.
 */
type MethodNode = { ref: MethodRef; thisClass: string; bindings?: ReadonlyArray<string | null>; key: string };

/** A callee reached from a call (or an enqueued job), with how sure the edge is. */
type Callee = { node: MethodNode; target: CallTarget; call?: ApexCall; line: number };

/**
 * Follows Apex from triggers and invocable actions through the project's own classes (trigger →
 * handler → service, transitively, through inherited methods, overrides, interface implementations and
 * handlers named in custom metadata), and says what the code reached can do. Each method node's effects
 * are computed once and prefixed with the caller's path; recursion between methods ends the walk.
 */
export function createApexEffectResolver(model: MetadataModel): ApexEffectResolver {
  const targets = ApexCallTargets.of(model);
  const triggers = new Map(model.apexTriggers.map((trigger) => [trigger.name.toLowerCase(), trigger]));
  const classes = new Map(model.apexClasses.map((cls) => [cls.name.toLowerCase(), cls]));
  const memo = new Map<string, Resolved>();
  const inProgress = new Set<string>();
  const cutNotes = new Set<string>();
  const namespaces = managedNamespaces(model);
  const inProject = (className: string): boolean => targets.hierarchy.has(className);

  const nodeOf = (target: CallTarget, argClasses: ApexCall['argClasses']): MethodNode => {
    const { ref } = target;
    const usesThis = ref.method.calls.some((call) => call.qualifier === undefined || /^(this|super)$/i.test(call.qualifier));
    const usesParams = ref.method.calls.some((call) => call.receiverParam !== undefined);
    const thisClass = usesThis ? target.thisClass : ref.typeName;
    const bindings = usesParams && argClasses ? argClasses.map((name) => (name && targets.hierarchy.nameOf(name)) ?? null) : undefined;
    return { ref, thisClass, ...(bindings ? { bindings } : {}), key: `${ref.key}@${thisClass.toLowerCase()}|${(bindings ?? []).join(',').toLowerCase()}` };
  };

  /** The methods a block calls or enqueues, in the order blockEffects uses them. */
  const calleesOf = (block: ApexCodeBlock, from: MethodNode | undefined): Callee[] => {
    const site = from ? { typeName: from.ref.typeName, thisClass: from.thisClass, ...(from.bindings ? { bindings: from.bindings } : {}) } : {};
    const jobs = block.async
      .filter((job) => job.kind !== 'platform-event' && job.kind !== 'future' && job.target)
      .flatMap((job) => targets.execute(job.target!).map((target) => ({ node: nodeOf(target, undefined), target, line: job.line })));
    const calls = block.calls.flatMap((call) => targets.targets(call, site).map((target) => ({ node: nodeOf(target, call.argClasses), target, call, line: call.line })));
    return [...jobs, ...calls];
  };

  /**
   * Works out the effects of every method node a block reaches, callees before callers, with an
   * explicit stack: a call chain thousands of methods long must not overflow the JavaScript one. A
   * node met again while it is still open (a call cycle) counts as doing nothing there: its effects
   * are already on the path, as in the recursive definition.
   */
  const resolveMethods = (roots: MethodNode[]): void => {
    const stack: Array<{ node: MethodNode; callees: Callee[]; next: number }> = [];
    const open = (node: MethodNode): void => {
      if (memo.has(node.key) || inProgress.has(node.key)) return;
      inProgress.add(node.key);
      stack.push({ node, callees: calleesOf(node.ref.method, node), next: 0 });
    };
    for (const root of roots) {
      open(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        if (frame.next < frame.callees.length) {
          open(frame.callees[frame.next++]!.node);
          continue;
        }
        stack.pop();
        const { node } = frame;
        const isAsync = node.ref.method.annotations.includes('future');
        const resolved = blockEffects(node.ref.method, node.ref.cls.source.file, { path: [node.ref.display], inLoop: false, async: isAsync, guards: [] }, frame.callees);
        inProgress.delete(node.key);
        memo.set(node.key, resolved);
      }
    }
  };

  /** A callee's effects, already resolved (empty inside a call cycle). */
  const methodEffects = (node: MethodNode): Resolved => memo.get(node.key) ?? { effects: [] };

  const blockEffects = (block: ApexCodeBlock, file: string, context: Context, callees: Callee[]): Resolved => {
    const out = new EffectList();
    const guardsBefore = (line: number): string[] =>
      [...new Set([...context.guards, ...block.guardChecks.filter((check) => check.line <= line).map((check) => check.member)])].sort();
    const here = (line: number, inLoop: boolean): Context => ({ ...context, inLoop: context.inLoop || inLoop, guards: guardsBefore(line) });

    const dmlTypes = block.dml.map((dml) => dmlTargetType(dml, targets.hierarchy));
    block.dml.forEach((dml, index) => {
      const object = dmlTypes[index]!;
      const fields = fieldsFor(block, dml, object);
      const write = { kind: 'writes' as const, object, fields, operation: operationOf(dml), targetsTriggeringRecord: /^trigger\.(new|old)/i.test(dml.expression) };
      out.add(effect(here(dml.line, dml.inLoop), file, dml.line, write, object === 'unknown' ? 'possible' : 'certain'));
      const access = accessChangeNote(object, fields);
      if (access) out.add(effect(here(dml.line, dml.inLoop), file, dml.line, { kind: 'changes-access', object, note: access }));
    });
    // Assignments no DML of the same type saves here: who sets the field, without a save of their own.
    const saved = new Set(dmlTypes.map((type) => type.toLowerCase()));
    const unsaved = new Map<string, { fields: Set<string>; line: number }>();
    for (const assignment of block.fieldAssignments) {
      if (assignment.sobjectType === 'unknown' || saved.has(assignment.sobjectType.toLowerCase())) continue;
      const entry = unsaved.get(assignment.sobjectType) ?? { fields: new Set<string>(), line: assignment.line };
      entry.fields.add(`${assignment.sobjectType}.${assignment.field}`);
      unsaved.set(assignment.sobjectType, entry);
    }
    for (const [object, entry] of unsaved) {
      const write = { kind: 'writes' as const, object, fields: [...entry.fields].sort(), operation: 'update' as const, targetsTriggeringRecord: false, inMemory: true };
      out.add(effect(here(entry.line, false), file, entry.line, write));
    }
    for (const query of block.soql) {
      for (const object of query.objects.slice(0, 1)) {
        out.add(effect(here(query.line, query.inLoop), file, query.line, { kind: 'reads', object, fields: query.fields.map((field) => `${object}.${field}`).sort() }));
      }
    }
    // `@future(callout=true)` marks the method; its HTTP send is the callout itself: report one, not both.
    const hasSend = block.callouts.some((callout) => callout.kind === 'http' || callout.kind === 'webservice-callout');
    for (const callout of block.callouts.filter((candidate) => !(hasSend && candidate.kind === 'future-callout'))) {
      const target = callout.kind === 'email' ? 'email' : `apex:${context.path[context.path.length - 1] ?? 'callout'}`;
      const note = callout.kind === 'email' ? 'notify (Messaging.sendEmail)' : `${callout.kind} callout`;
      out.add(effect(here(callout.line, false), file, callout.line, { kind: 'calls-out', target, note }));
    }
    for (const job of block.async) {
      if (job.kind === 'platform-event') {
        out.add(effect({ ...here(job.line, false), async: true }, file, job.line, { kind: 'publishes', event: job.target ?? 'unknown' }, job.target ? 'certain' : 'possible'));
        continue;
      }
      if (job.kind === 'future') continue; // the method itself is async; its callers record the enqueue
      const target = job.target ? `${job.target}.execute` : 'unknown';
      out.add(effect(here(job.line, false), file, job.line, { kind: 'enqueues', target, note: job.kind }));
      for (const callee of callees.filter((candidate) => !candidate.call && candidate.line === job.line)) out.addFrom(methodEffects(callee.node), { ...here(job.line, false), async: true });
    }
    for (const callee of callees) {
      const { call, target, node } = callee;
      if (!call) continue;
      // A registry's loop runs once per handler, not per record: it multiplies nothing the limits count.
      const inLoop = call.loopVariable && target.polymorphic ? call.loopVariable.outerInLoop : call.inLoop;
      const callContext = here(call.line, inLoop);
      const edge = { confidence: target.confidence, ...(target.onlyFor ? { onlyFor: target.onlyFor } : {}) };
      if (node.ref.method.annotations.includes('future')) {
        out.add(effect(callContext, file, call.line, { kind: 'enqueues', target: node.ref.display, note: node.ref.method.futureCallout ? 'future (callout)' : 'future' }, target.confidence));
        out.addFrom(methodEffects(node), { ...callContext, async: true }, edge);
      } else {
        out.addFrom(methodEffects(node), callContext, edge);
      }
    }
    // Calls no project method answers: code out of sight is an explicit unknown, never dropped.
    const answered = new Set(callees.map((callee) => callee.call));
    for (const call of block.calls) {
      if (answered.has(call)) continue;
      const hidden = hiddenCall(call, namespaces, inProject);
      if (!hidden) continue;
      const body = { kind: 'calls-not-visible' as const, target: hidden.target, objects: hidden.objects, note: hiddenNote(hidden) };
      out.add(effect(here(call.line, call.inLoop), file, call.line, body, 'possible'));
    }
    return out.resolved(block.triggerObjects);
  };

  /** An entry point's effects; a chain it had to cut becomes one note naming the entry. */
  const entryEffects = (entry: string, resolved: Resolved, object?: string): ApexEffect[] => {
    if (resolved.cut) cutNotes.add(chainCutNote('Apex call', entry, resolved.cut));
    const lower = object?.toLowerCase();
    return resolved.effects
      .filter((candidate) => !lower || !candidate.onlyFor || candidate.onlyFor.includes(lower))
      .map(({ onlyFor: _onlyFor, consumed: _consumed, ...rest }: ApexEffect & { consumed?: boolean }) => rest as ApexEffect);
  };

  const effectsOfTrigger = (trigger: ApexTriggerModel): ApexEffect[] => {
    const callees = calleesOf(trigger.body, undefined);
    resolveMethods(callees.map((callee) => callee.node));
    const resolved = blockEffects(trigger.body, trigger.source.file, { path: [trigger.name], inLoop: false, async: false, guards: [] }, callees);
    return entryEffects(`trigger ${trigger.name}`, resolved, trigger.object);
  };

  const invocable = (className: string): MethodNode[] => {
    const cls = classes.get(className.toLowerCase());
    const method = cls?.methods.find((candidate) => candidate.annotations.includes('invocablemethod'));
    if (!cls || !method) return [];
    return targets.hierarchy.lookup(cls.name, method.name).map((ref) => nodeOf({ ref, thisClass: ref.typeName, confidence: 'certain', polymorphic: false }, undefined));
  };

  /** Every call edge from the entry through the method nodes it reaches (each node's calls listed once), depth first. */
  const reached = (start: { id: string; block: ApexCodeBlock; file: string; node?: MethodNode }): ReachedCall[] => {
    const calls: ReachedCall[] = [];
    const seen = new Set<string>();
    type Frame = { fromId: string; file: string; callees: Callee[]; next: number };
    const stack: Frame[] = [{ fromId: start.id, file: start.file, callees: calleesOf(start.block, start.node), next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.callees.length) {
        stack.pop();
        continue;
      }
      const { node, line } = frame.callees[frame.next++]!;
      const toId = `apex-method:${node.ref.display}`;
      calls.push({ from: frame.fromId, to: toId, file: frame.file, line, toSource: { file: node.ref.cls.source.file, line: node.ref.method.line } });
      if (seen.has(node.key)) continue;
      seen.add(node.key);
      stack.push({ fromId: toId, file: node.ref.cls.source.file, callees: calleesOf(node.ref.method, node), next: 0 });
    }
    return calls;
  };

  return {
    triggerEffects: (name) => {
      const trigger = triggers.get(name.toLowerCase());
      return trigger ? effectsOfTrigger(trigger) : [];
    },
    invocableEffects: (className) =>
      invocable(className).flatMap((node) => {
        resolveMethods([node]);
        return entryEffects(`invocable ${node.ref.display}`, methodEffects(node));
      }),
    reachedMethods: (entry) => {
      if ('trigger' in entry) {
        const trigger = triggers.get(entry.trigger.toLowerCase());
        return trigger ? reached({ id: `apex-trigger:${trigger.name}`, block: trigger.body, file: trigger.source.file }) : [];
      }
      return invocable(entry.invocableClass).flatMap((node) => reached({ id: `apex-method:${node.ref.display}`, block: node.ref.method, file: node.ref.cls.source.file, node }));
    },
    chainCuts: () => [...cutNotes].sort(),
  };
}

/** Fields assigned on the DML's SObject type in the same block: what the write most likely changes. */
function fieldsFor(block: ApexCodeBlock, dml: ApexDml, object: string): string[] {
  if (object === 'unknown' || dml.operation === 'delete' || dml.operation === 'undelete') return [];
  const type = object.toLowerCase();
  return [...new Set(block.fieldAssignments.filter((assignment) => assignment.sobjectType.toLowerCase() === type).map((assignment) => `${object}.${assignment.field}`))].sort();
}

function operationOf(dml: ApexDml): WriteOperation {
  return dml.operation === 'insert' ? 'create' : dml.operation;
}

type EffectBody = ApexEffect extends infer E ? (E extends ApexEffect ? Omit<E, 'path' | 'evidence' | 'confidence' | 'async' | 'inLoop' | 'guards'> : never) : never;

function effect(context: Context, file: string, line: number, body: EffectBody, confidence: ApexEffect['confidence'] = 'certain'): ApexEffect {
  const evidence: SourceRef = { file, line };
  return { ...body, path: context.path, evidence, confidence, async: context.async, inLoop: context.inLoop, guards: context.guards } as ApexEffect;
}

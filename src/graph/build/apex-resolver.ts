import {
  type ApexClassModel,
  type ApexCodeBlock,
  type ApexDml,
  type ApexMethodModel,
  type ApexTriggerModel,
  type MetadataModel,
  type SourceRef,
} from '../../metadata/model.js';
import type { WriteOperation } from '../types.js';
import { accessChangeNote } from './access-objects.js';
import { chainCutNote, MAX_CHAIN_STEPS } from './chain-limits.js';
import type { ApexEffect, ApexEffectResolver, ReachedCall } from './effects.js';

type MethodRef = { cls: ApexClassModel; method: ApexMethodModel; key: string; display: string };

/** Where a block sits on the call path from the entry point: what every effect below it inherits. */
type Context = {
  path: string[];
  inLoop: boolean;
  async: boolean;
  guards: string[];
};

/**
 * Follows Apex from triggers and invocable actions through the project's own classes (trigger →
 * handler → service, transitively), and says what the code reached can do. Each method's effects are
 * computed once and prefixed with the caller's path; recursion between methods ends the walk.
 */
export function createApexEffectResolver(model: MetadataModel): ApexEffectResolver {
  const methods = indexMethods(model.apexClasses);
  const triggers = new Map(model.apexTriggers.map((trigger) => [trigger.name.toLowerCase(), trigger]));
  const classes = new Map(model.apexClasses.map((cls) => [cls.name.toLowerCase(), cls]));
  const memo = new Map<string, Resolved>();
  const inProgress = new Set<string>();
  const cutNotes = new Set<string>();

  const resolveCall = (className: string | undefined, method: string): MethodRef[] => {
    if (!className) return [];
    return methods.get(`${className}.${method}`.toLowerCase()) ?? [];
  };

  /** The methods a block calls or enqueues, in the order blockEffects uses them. */
  const calleesOf = (block: ApexCodeBlock, cls: ApexClassModel | undefined): MethodRef[] => [
    ...block.async.filter((job) => job.kind !== 'platform-event' && job.kind !== 'future' && job.target).flatMap((job) => resolveCall(job.target, 'execute')),
    ...block.calls.flatMap((call) => resolveCall(callClass(call, cls), call.method)),
  ];

  /**
   * Works out the effects of every method a block reaches, callees before callers, with an explicit
   * stack: a call chain thousands of methods long must not overflow the JavaScript one. A method met
   * again while it is still open (a call cycle) counts as doing nothing there: its effects are already
   * on the path, as in the recursive definition.
   */
  const resolveMethods = (roots: MethodRef[]): void => {
    const stack: Array<{ ref: MethodRef; callees: MethodRef[]; next: number }> = [];
    const open = (ref: MethodRef): void => {
      if (memo.has(ref.key) || inProgress.has(ref.key)) return;
      inProgress.add(ref.key);
      stack.push({ ref, callees: calleesOf(ref.method, ref.cls), next: 0 });
    };
    for (const root of roots) {
      open(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        if (frame.next < frame.callees.length) {
          open(frame.callees[frame.next++]!);
          continue;
        }
        stack.pop();
        const isAsync = frame.ref.method.annotations.includes('future');
        const resolved = blockEffects(frame.ref.method, frame.ref.cls.source.file, frame.ref.cls, { path: [frame.ref.display], inLoop: false, async: isAsync, guards: [] });
        inProgress.delete(frame.ref.key);
        memo.set(frame.ref.key, resolved);
      }
    }
  };

  /** A callee's effects, already resolved (empty inside a call cycle). */
  const methodEffects = (ref: MethodRef): Resolved => memo.get(ref.key) ?? { effects: [] };

  const blockEffects = (block: ApexCodeBlock, file: string, cls: ApexClassModel | undefined, context: Context): Resolved => {
    const out = new EffectList();
    const guardsBefore = (line: number): string[] =>
      [...new Set([...context.guards, ...block.guardChecks.filter((check) => check.line <= line).map((check) => check.member)])].sort();
    const here = (line: number, inLoop: boolean): Context => ({ ...context, inLoop: context.inLoop || inLoop, guards: guardsBefore(line) });

    for (const dml of block.dml) {
      const fields = fieldsFor(block, dml);
      const write = { kind: 'writes' as const, object: dml.sobjectType, fields, operation: operationOf(dml), targetsTriggeringRecord: /^trigger\.(new|old)/i.test(dml.expression) };
      out.add(effect(here(dml.line, dml.inLoop), file, dml.line, write, dml.sobjectType === 'unknown' ? 'possible' : 'certain'));
      const access = accessChangeNote(dml.sobjectType, fields);
      if (access) out.add(effect(here(dml.line, dml.inLoop), file, dml.line, { kind: 'changes-access', object: dml.sobjectType, note: access }));
    }
    // Assignments no DML of the same type saves here: who sets the field, without a save of their own.
    const saved = new Set(block.dml.map((dml) => dml.sobjectType.toLowerCase()));
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
      const executed = job.target ? resolveCall(job.target, 'execute') : [];
      for (const ref of executed) out.addFrom(methodEffects(ref), { ...here(job.line, false), async: true });
    }
    for (const call of block.calls) {
      for (const ref of resolveCall(callClass(call, cls), call.method)) {
        const callContext = here(call.line, call.inLoop);
        if (ref.method.annotations.includes('future')) {
          out.add(effect(callContext, file, call.line, { kind: 'enqueues', target: ref.display, note: ref.method.futureCallout ? 'future (callout)' : 'future' }));
          out.addFrom(methodEffects(ref), { ...callContext, async: true });
        } else {
          out.addFrom(methodEffects(ref), callContext);
        }
      }
    }
    return out.resolved();
  };

  /** An entry point's effects; a chain it had to cut becomes one note naming the entry. */
  const entryEffects = (entry: string, resolved: Resolved): ApexEffect[] => {
    if (resolved.cut) cutNotes.add(chainCutNote('Apex call', entry, resolved.cut));
    return resolved.effects;
  };

  const effectsOfTrigger = (trigger: ApexTriggerModel): ApexEffect[] => {
    resolveMethods(calleesOf(trigger.body, undefined));
    return entryEffects(`trigger ${trigger.name}`, blockEffects(trigger.body, trigger.source.file, undefined, { path: [trigger.name], inLoop: false, async: false, guards: [] }));
  };

  const invocable = (className: string): MethodRef[] => {
    const cls = classes.get(className.toLowerCase());
    const method = cls?.methods.find((candidate) => candidate.annotations.includes('invocablemethod'));
    return cls && method ? resolveCall(cls.name, method.name) : [];
  };

  /** Every call edge from the entry through the methods it reaches (each method's calls listed once), depth first. */
  const reached = (start: { id: string; block: ApexCodeBlock; file: string; cls?: ApexClassModel }): ReachedCall[] => {
    const calls: ReachedCall[] = [];
    const seen = new Set<string>();
    type Frame = { fromId: string; file: string; targets: Array<{ ref: MethodRef; line: number | undefined }>; next: number };
    const frameOf = (fromId: string, block: ApexCodeBlock, file: string, cls: ApexClassModel | undefined): Frame => ({
      fromId,
      file,
      next: 0,
      targets: [
        ...block.calls.map((call) => ({ className: callClass(call, cls), method: call.method, line: call.line })),
        ...block.async.filter((job) => job.kind !== 'platform-event' && job.kind !== 'future' && job.target).map((job) => ({ className: job.target, method: 'execute', line: job.line })),
      ].flatMap((target) => resolveCall(target.className, target.method).map((ref) => ({ ref, line: target.line }))),
    });
    const stack = [frameOf(start.id, start.block, start.file, start.cls)];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.targets.length) {
        stack.pop();
        continue;
      }
      const { ref, line } = frame.targets[frame.next++]!;
      const toId = `apex-method:${ref.display}`;
      calls.push({ from: frame.fromId, to: toId, file: frame.file, line, toSource: { file: ref.cls.source.file, line: ref.method.line } });
      if (seen.has(ref.key)) continue;
      seen.add(ref.key);
      stack.push(frameOf(toId, ref.method, ref.cls.source.file, ref.cls));
    }
    return calls;
  };

  return {
    triggerEffects: (name) => {
      const trigger = triggers.get(name.toLowerCase());
      return trigger ? effectsOfTrigger(trigger) : [];
    },
    invocableEffects: (className) =>
      invocable(className).flatMap((ref) => {
        resolveMethods([ref]);
        return entryEffects(`invocable ${ref.display}`, methodEffects(ref));
      }),
    reachedMethods: (entry) => {
      if ('trigger' in entry) {
        const trigger = triggers.get(entry.trigger.toLowerCase());
        return trigger ? reached({ id: `apex-trigger:${trigger.name}`, block: trigger.body, file: trigger.source.file }) : [];
      }
      return invocable(entry.invocableClass).flatMap((ref) => {
        const id = `apex-method:${ref.display}`;
        return reached({ id, block: ref.method, file: ref.cls.source.file, cls: ref.cls });
      });
    },
    chainCuts: () => [...cutNotes].sort(),
  };
}

/** The class a call goes to: named, or the caller's own for an unqualified or `this.` call. */
function callClass(call: ApexCodeBlock['calls'][number], cls: ApexClassModel | undefined): string | undefined {
  return call.className ?? (call.qualifier === undefined || /^this$/i.test(call.qualifier) ? cls?.name : undefined);
}

/** A method's (or entry's) effects, and the first chain that had to be cut at MAX_CHAIN_STEPS. */
type Resolved = { effects: ApexEffect[]; cut?: string[] };

/**
 * Effects as they are collected for one block: the same statement reached along two call paths through
 * the same callee is one effect (the first path found), so diamonds of shared helpers stay linear, not
 * exponential. Paths through different callees stay apart: a trigger's handler method (`afterInsert`,
 * `afterUpdate`) decides the step the effect runs in.
 */
class EffectList {
  private readonly effects: ApexEffect[] = [];
  private readonly keys = new Set<string>();
  private cut: string[] | undefined;

  public add(next: ApexEffect): void {
    const key = effectKey(next);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.effects.push(next);
  }

  /** A callee's effects as seen from a caller: the caller's path in front, its loop/async/guards added. */
  public addFrom(callee: Resolved, caller: Context): void {
    if (callee.cut && !this.cut) this.cut = [...caller.path, ...callee.cut].slice(0, MAX_CHAIN_STEPS + 1);
    for (const inner of callee.effects) {
      if (caller.path.length + inner.path.length > MAX_CHAIN_STEPS) {
        this.cut ??= [...caller.path, ...inner.path].slice(0, MAX_CHAIN_STEPS + 1);
        continue;
      }
      this.add({
        ...inner,
        path: [...caller.path, ...inner.path],
        async: inner.async || caller.async,
        inLoop: inner.inLoop || caller.inLoop,
        guards: caller.guards.length === 0 ? inner.guards : [...new Set([...caller.guards, ...inner.guards])].sort(),
      });
    }
  }

  public resolved(): Resolved {
    return this.cut ? { effects: this.effects, cut: this.cut } : { effects: this.effects };
  }
}

/** Everything that tells two effects apart except the path they were reached by, beyond its first call. */
function effectKey(effect: ApexEffect): string {
  const { path, evidence, guards, ...rest } = effect;
  return `${path[1] ?? ''}|${evidence.file}:${evidence.line ?? ''}|${guards.join(',')}|${JSON.stringify(rest, Object.keys(rest).sort())}`;
}

function indexMethods(classes: ApexClassModel[]): Map<string, MethodRef[]> {
  const index = new Map<string, MethodRef[]>();
  const add = (key: string, ref: MethodRef): void => {
    const list = index.get(key) ?? [];
    if (!list.some((existing) => existing.key === ref.key)) list.push(ref);
    index.set(key, list);
  };
  for (const cls of classes) {
    if (cls.isTest) continue;
    cls.methods.forEach((method, position) => {
      const display = `${cls.name}.${method.name}`;
      const ref = { cls, method, key: `${display}#${position}`.toLowerCase(), display };
      add(display.toLowerCase(), ref);
      // Inner-class methods are `Inner.m` in the outer class: callers name them `Inner.m` or `Outer.Inner.m`.
      if (method.name.includes('.')) add(method.name.toLowerCase(), ref);
    });
  }
  return index;
}

/** Fields assigned on the DML's SObject type in the same block: what the write most likely changes. */
function fieldsFor(block: ApexCodeBlock, dml: ApexDml): string[] {
  if (dml.sobjectType === 'unknown' || dml.operation === 'delete' || dml.operation === 'undelete') return [];
  const type = dml.sobjectType.toLowerCase();
  return [...new Set(block.fieldAssignments.filter((assignment) => assignment.sobjectType.toLowerCase() === type).map((assignment) => `${dml.sobjectType}.${assignment.field}`))].sort();
}

function operationOf(dml: ApexDml): WriteOperation {
  return dml.operation === 'insert' ? 'create' : dml.operation;
}

type EffectBody = ApexEffect extends infer E ? (E extends ApexEffect ? Omit<E, 'path' | 'evidence' | 'confidence' | 'async' | 'inLoop' | 'guards'> : never) : never;

function effect(context: Context, file: string, line: number, body: EffectBody, confidence: ApexEffect['confidence'] = 'certain'): ApexEffect {
  const evidence: SourceRef = { file, line };
  return { ...body, path: context.path, evidence, confidence, async: context.async, inLoop: context.inLoop, guards: context.guards } as ApexEffect;
}

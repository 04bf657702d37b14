import type { SourceRef } from '../../metadata/model.js';
import type { Confidence, WriteOperation } from '../types.js';

/**
 * What running a piece of Apex can do, found by following its calls through the project's own classes.
 * An entry automation (trigger, flow action) turns each effect into an edge of its own, with the path.
 */
export type ApexEffect =
  | (EffectBase & {
      kind: 'writes';
      object: string;
      fields: string[];
      operation: WriteOperation;
      targetsTriggeringRecord: boolean;
      /** Field assignments with no DML of that type in the same method: `Trigger.new` in a before
       * trigger, or records a caller saves. They change values but are not a save of their own. */
      inMemory?: boolean;
      /** In-memory assignments a save further up the path (or beside them) already carries in its fields. */
      consumed?: boolean;
    })
  | (EffectBase & { kind: 'reads'; object: string; fields: string[] })
  | (EffectBase & { kind: 'calls-out'; target: string; note: string })
  | (EffectBase & { kind: 'publishes'; event: string })
  | (EffectBase & { kind: 'enqueues'; target: string; note: string })
  | (EffectBase & { kind: 'changes-access'; object: string; note: string })
  /** A call into code the project does not hold: `target` is `ns.Class.method`; `objects` are the record types passed to it. */
  | (EffectBase & { kind: 'calls-not-visible'; target: string; objects: string[]; note: string });

type EffectBase = {
  /** Chain from the entry point to the statement: `AccountTrigger`, `AccountTriggerHandler.afterUpdate`, `AccountService.sync:42`. */
  path: string[];
  evidence: SourceRef;
  confidence: Confidence;
  /** The statement runs in a later transaction (reached through @future or a queueable). */
  async: boolean;
  /** Inside a loop (in the statement's method or in any caller on the path). */
  inLoop: boolean;
  /** Static guard members checked on the path before the statement (`AccountTriggerHandler.isRunning`). */
  guards: string[];
  /**
   * Lower-case objects whose triggers alone can run the statement (a handler casting Trigger.new to its
   * object, a class a metadata record registers for an object); absent: any. Used inside the resolver.
   */
  onlyFor?: string[];
};

/** Follows Apex from entry points; built once per review over the model's classes and triggers. */
export interface ApexEffectResolver {
  /** Effects of a trigger's body, following calls. */
  triggerEffects(triggerName: string): ApexEffect[];
  /** Effects of a flow's `apex` action: the class's @InvocableMethod, following calls. */
  invocableEffects(className: string): ApexEffect[];
  /** The graph node ids of the methods a trigger or class reaches, for `calls` edges (entry first). */
  reachedMethods(entry: { trigger: string } | { invocableClass: string }): ReachedCall[];
  /** Notes for the entry points whose call chains were cut at MAX_CHAIN_STEPS, sorted. */
  chainCuts(): string[];
}

/** A call from one node to a method node: where the call is, and where the called method is declared. */
export type ReachedCall = {
  from: string;
  to: string;
  /** The call site. */
  file: string;
  line?: number;
  /** The called method's declaration. */
  toSource?: SourceRef;
}

/**
 * Effects as they are collected for one Apex block (a method in one calling context, or a trigger
 * body): deduplicated by statement, prefixed with the caller's path, weakened by the caller's
 * confidence, restricted to the trigger objects the code can run for, and with field assignments a
 * block leaves unsaved joined to the save of the same object made next to them.
 */
import type { Confidence } from '../types.js';
import { MAX_CHAIN_STEPS } from './chain-limits.js';
import type { ApexEffect } from './effects.js';

/** Where a block sits on the call path from the entry point: what every effect below it inherits. */
export type Context = {
  path: string[];
  inLoop: boolean;
  async: boolean;
  guards: string[];
};

/** A method's (or entry's) effects, and the first chain that had to be cut at MAX_CHAIN_STEPS. */
export type Resolved = { effects: ApexEffect[]; cut?: string[] };

/** How sure a callee's effects are seen from a caller, and which trigger objects the callee runs for. */
export type CallEdge = { confidence: Confidence; onlyFor?: string[] };

const RANK: Record<Confidence, number> = { certain: 2, likely: 1, possible: 0 };

export function weakest(a: Confidence, b: Confidence): Confidence {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Both restrictions at once: undefined is no restriction; an empty list is a path that never runs. */
export function intersect(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.filter((object) => b.includes(object));
}

export class EffectList {
  private readonly effects: ApexEffect[] = [];
  private readonly keys = new Set<string>();
  private cut: string[] | undefined;

  /**
   * The same statement reached along two call paths through the same first call is one effect (the first
   * path found): diamonds of shared helpers stay linear. Paths through different callees stay apart: a
   * trigger's handler method (`afterInsert`, `afterUpdate`) decides the step the effect runs in.
   */
  public add(next: ApexEffect): void {
    if (next.onlyFor && next.onlyFor.length === 0) return;
    const key = effectKey(next);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.effects.push(next);
  }

  /** A callee's effects as seen from a caller: the caller's path in front, its loop/async/guards added. */
  public addFrom(callee: Resolved, caller: Context, edge: CallEdge = { confidence: 'certain' }): void {
    if (callee.cut && !this.cut) this.cut = [...caller.path, ...callee.cut].slice(0, MAX_CHAIN_STEPS + 1);
    for (const inner of callee.effects) {
      if (caller.path.length + inner.path.length > MAX_CHAIN_STEPS) {
        this.cut ??= [...caller.path, ...inner.path].slice(0, MAX_CHAIN_STEPS + 1);
        continue;
      }
      const onlyFor = intersect(inner.onlyFor, edge.onlyFor);
      this.add({
        ...inner,
        path: [...caller.path, ...inner.path],
        async: inner.async || caller.async,
        inLoop: inner.inLoop || caller.inLoop,
        guards: caller.guards.length === 0 ? inner.guards : [...new Set([...caller.guards, ...inner.guards])].sort(),
        confidence: weakest(inner.confidence, edge.confidence),
        ...(onlyFor ? { onlyFor } : {}),
      });
    }
  }

  /**
   * The block's effects. Assignments left unsaved (in memory) on an object that this block also saves
   * (its own DML, or DML in a method it calls) are the fields that save writes: a helper fills the
   * records, its caller saves them, or the other way round. They are joined once, where both meet.
   * `triggerObjects`: the block casts Trigger.new to these objects, so all it does happens only there.
   */
  public resolved(triggerObjects?: string[]): Resolved {
    const pending = new Map<string, Set<string>>();
    for (const effect of this.effects) {
      if (effect.kind !== 'writes' || !effect.inMemory || effect.consumed) continue;
      const key = effect.object.toLowerCase();
      pending.set(key, new Set([...(pending.get(key) ?? []), ...effect.fields]));
    }
    const saves = (effect: ApexEffect): boolean =>
      effect.kind === 'writes' && !effect.inMemory && effect.object !== 'unknown' && effect.operation !== 'delete' && effect.operation !== 'undelete';
    const saved = new Set(this.effects.filter(saves).map((effect) => (effect.kind === 'writes' ? effect.object.toLowerCase() : '')));
    const restrict = triggerObjects && triggerObjects.length > 0 ? triggerObjects.map((object) => object.toLowerCase()) : undefined;
    const effects: ApexEffect[] = [];
    for (const effect of this.effects) {
      let next = effect;
      if (effect.kind === 'writes' && saved.has(effect.object.toLowerCase())) {
        const extra = pending.get(effect.object.toLowerCase());
        if (effect.inMemory && !effect.consumed) next = { ...effect, consumed: true };
        else if (saves(effect) && extra && extra.size > 0) next = { ...effect, fields: [...new Set([...effect.fields, ...extra])].sort() };
      }
      if (restrict) {
        const onlyFor = intersect(next.onlyFor, restrict);
        if (onlyFor && onlyFor.length === 0) continue;
        next = { ...next, ...(onlyFor ? { onlyFor } : {}) };
      }
      effects.push(next);
    }
    return this.cut ? { effects, cut: this.cut } : { effects };
  }
}

/** Everything that tells two effects apart except the path they were reached by. */
function effectKey(effect: ApexEffect): string {
  const { path, evidence, guards, ...rest } = effect;
  return `${path[1] ?? ''}|${evidence.file}:${evidence.line ?? ''}|${guards.join(',')}|${JSON.stringify(rest, Object.keys(rest).sort())}`;
}

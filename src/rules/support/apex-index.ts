import { ApexCallTargets } from '../../graph/build/apex-call-targets.js';
import type { ApexCall, ApexClassModel, ApexCodeBlock, ApexMethodModel, ApexTriggerModel, MetadataModel } from '../../metadata/model.js';

/** A piece of Apex that holds statements: a class method or a trigger body. */
export type ApexOwner = {
  /** Stable and unique: `ClassName.method(Type1,Type2)` or `trigger:Name`. */
  key: string;
  /** How a reviewer reads it: `ClassName.method` or the trigger name. */
  display: string;
  block: ApexCodeBlock;
  file: string;
  line?: number;
  cls?: ApexClassModel;
  method?: ApexMethodModel;
  trigger?: ApexTriggerModel;
};

/** A statement a rule looks for: where it is and how it reads (`insert tasks (Task)`). */
export type Statement = { line: number; text: string };

/** The first statement a call leads to: the chain of methods (`A.m → B.n`), the statement and its owner. */
export type Reach = { path: string[]; owner: ApexOwner; statement: Statement };

/** How deep a call chain is followed: deeper chains are rare and the walk stays cheap. */
export const MAX_CALL_DEPTH = 10;

/**
 * The project's Apex as rules need it: every non-test method and trigger, calls resolved the way the
 * graph's resolver resolves them (static, typed and `this` calls into the project's classes).
 */
export class ApexIndex {
  public readonly owners: ApexOwner[];
  private readonly byName = new Map<string, ApexOwner[]>();
  private readonly byMethod = new Map<ApexMethodModel, ApexOwner>();
  private readonly reachMemo = new Map<string, Reach | null>();
  private readonly targets: ApexCallTargets;

  public constructor(model: MetadataModel) {
    this.targets = ApexCallTargets.of(model);
    const owners: ApexOwner[] = [];
    for (const cls of model.apexClasses) {
      if (cls.isTest) continue;
      for (const method of cls.methods) {
        const display = `${cls.name}.${method.name}`;
        const owner: ApexOwner = {
          key: `${display}(${method.parameters.map((parameter) => parameter.type).join(',')})`,
          display,
          block: method,
          file: cls.source.file,
          line: method.line,
          cls,
          method,
        };
        owners.push(owner);
        this.byMethod.set(method, owner);
        this.add(display, owner);
        // Inner-class methods are `Inner.m` in the outer class: callers name them `Inner.m` or `Outer.Inner.m`.
        if (method.name.includes('.')) this.add(method.name, owner);
      }
    }
    for (const trigger of model.apexTriggers) {
      owners.push({ key: `trigger:${trigger.name}`, display: trigger.name, block: trigger.body, file: trigger.source.file, ...(trigger.source.line !== undefined ? { line: trigger.source.line } : {}), trigger });
    }
    this.owners = owners;
  }

  /** Methods a call can land on (overloads, inherited methods, overrides and implementations included). */
  public resolve(call: ApexCall, from: ApexOwner): ApexOwner[] {
    return this.targetsOf(call, from).map((target) => target.owner);
  }

  /**
   * Whether a call runs once per iteration: a call on a handler registry's loop variable that picks
   * among several classes runs once per handler, which the limits do not count as a loop over data.
   */
  public callInLoop(call: ApexCall, from: ApexOwner): boolean {
    if (!call.inLoop || !call.loopVariable) return call.inLoop;
    return this.targetsOf(call, from).some((target) => target.polymorphic) ? call.loopVariable.outerInLoop : call.inLoop;
  }

  private targetsOf(call: ApexCall, from: ApexOwner): Array<{ owner: ApexOwner; polymorphic: boolean }> {
    const dot = from.method?.name.lastIndexOf('.') ?? -1;
    const typeName = from.cls && from.method ? (dot === -1 ? from.cls.name : `${from.cls.name}.${from.method.name.slice(0, dot)}`) : undefined;
    const out: Array<{ owner: ApexOwner; polymorphic: boolean }> = [];
    for (const target of this.targets.targets(call, typeName ? { typeName } : {})) {
      const owner = this.byMethod.get(target.ref.method);
      if (owner && !out.some((entry) => entry.owner === owner)) out.push({ owner, polymorphic: target.polymorphic });
    }
    return out;
  }

  public named(qualified: string): ApexOwner[] {
    return this.byName.get(qualified.toLowerCase()) ?? [];
  }

  /** The @InvocableMethod of a class (what a flow's Apex action runs). */
  public invocable(className: string): ApexOwner | undefined {
    const lower = className.toLowerCase();
    return this.owners.find((owner) => owner.cls?.name.toLowerCase() === lower && owner.method?.annotations.includes('invocablemethod'));
  }

  /**
   * The nearest statement `pick` selects in `start` or in what it calls in the same transaction
   * (breadth first, @future methods left out: they run later), or undefined. Cycle-safe and bounded.
   */
  public reach(start: ApexOwner, kind: string, pick: (block: ApexCodeBlock) => Statement[]): Reach | undefined {
    const memoKey = `${kind}|${start.key}`;
    const cached = this.reachMemo.get(memoKey);
    if (cached !== undefined) return cached ?? undefined;
    let found: Reach | undefined;
    const seen = new Set<string>([start.key]);
    let frontier: Array<{ owner: ApexOwner; path: string[] }> = [{ owner: start, path: [start.display] }];
    for (let depth = 0; depth <= MAX_CALL_DEPTH && frontier.length > 0 && !found; depth++) {
      const next: typeof frontier = [];
      for (const { owner, path } of frontier) {
        const statement = [...pick(owner.block)].sort((a, b) => a.line - b.line)[0];
        if (statement) {
          found = { path, owner, statement };
          break;
        }
        for (const call of [...owner.block.calls].sort((a, b) => a.line - b.line)) {
          for (const callee of this.resolve(call, owner)) {
            if (seen.has(callee.key) || isFuture(callee)) continue;
            seen.add(callee.key);
            next.push({ owner: callee, path: [...path, callee.display] });
          }
        }
      }
      frontier = next;
    }
    this.reachMemo.set(memoKey, found ?? null);
    return found;
  }

  private add(name: string, owner: ApexOwner): void {
    const key = name.toLowerCase();
    const list = this.byName.get(key) ?? [];
    if (!list.includes(owner)) list.push(owner);
    this.byName.set(key, list);
  }
}

/** A @future method runs in a later transaction: its statements never count against the caller's. */
export function isFuture(owner: ApexOwner): boolean {
  return owner.method?.annotations.includes('future') === true;
}

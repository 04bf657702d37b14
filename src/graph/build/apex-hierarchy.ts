/**
 * The project's Apex types (classes, interfaces, inner types) and what a call on one can run: the
 * method found on the class or inherited from the nearest ancestor, and for a receiver whose class is
 * only declared (an interface, a virtual base class) the overrides and implementations in the project.
 * Walks over the hierarchy are iterative and bounded by a seen set: cyclic or very deep `extends`
 * chains in broken code end the walk, never the stack.
 */
import type { ApexClassModel, ApexMethodModel } from '../../metadata/model.js';
import { appendAll } from '../../shared/arrays.js';
import { compare } from '../../shared/compare.js';

export type MethodRef = { cls: ApexClassModel; method: ApexMethodModel; key: string; display: string; typeName: string };

type ApexType = {
  name: string;
  cls: ApexClassModel;
  superclass?: string;
  interfaces: string[];
  isInterface: boolean;
  isAbstract: boolean;
  /** Methods by lower-case simple name (overloads together). */
  methods: Map<string, MethodRef[]>;
};

/** A method a call can land on, the class `this` is inside it, and whether that is certain. */
export type DispatchTarget = { ref: MethodRef; thisClass: string; sure: boolean };

export class ApexHierarchy {
  private readonly types = new Map<string, ApexType>();
  /** Lower-case type name → the types that extend or implement it directly. */
  private readonly children = new Map<string, string[]>();

  public constructor(classes: readonly ApexClassModel[]) {
    for (const cls of classes) {
      if (cls.isTest) continue;
      const outer: ApexType = { name: cls.name, cls, interfaces: cls.interfaces, isInterface: cls.isInterface, isAbstract: cls.isAbstract === true, methods: new Map(), ...(cls.superclass ? { superclass: cls.superclass } : {}) };
      this.types.set(cls.name.toLowerCase(), outer);
      for (const inner of cls.innerTypes ?? []) {
        this.types.set(inner.name.toLowerCase(), { name: inner.name, cls, interfaces: inner.interfaces, isInterface: inner.isInterface, isAbstract: inner.isAbstract, methods: new Map(), ...(inner.superclass ? { superclass: inner.superclass } : {}) });
      }
      cls.methods.forEach((method, position) => {
        const dot = method.name.lastIndexOf('.');
        const typeName = dot === -1 ? cls.name : `${cls.name}.${method.name.slice(0, dot)}`;
        const display = `${cls.name}.${method.name}`;
        const ref: MethodRef = { cls, method, key: `${display}#${position}`.toLowerCase(), display, typeName };
        const type = this.types.get(typeName.toLowerCase());
        if (!type) return;
        const simple = method.name.slice(dot + 1).toLowerCase();
        type.methods.set(simple, [...(type.methods.get(simple) ?? []), ref]);
      });
    }
    for (const type of this.types.values()) {
      for (const parent of [type.superclass, ...type.interfaces]) {
        const key = parent && this.resolveName(parent, type.cls)?.toLowerCase();
        if (key) this.children.set(key, [...(this.children.get(key) ?? []), type.name]);
      }
    }
    for (const list of this.children.values()) list.sort(compare);
  }

  public has(name: string): boolean {
    return this.types.has(name.toLowerCase());
  }

  /** The type's name as the project spells it (`Outer.Inner`). */
  public nameOf(name: string): string | undefined {
    return this.types.get(name.toLowerCase())?.name;
  }

  /** Whether `name` is `ancestor` or extends or implements it, transitively. */
  public isSubtype(name: string, ancestor: string): boolean {
    const target = ancestor.toLowerCase();
    return this.ancestors(name).some((type) => type.name.toLowerCase() === target);
  }

  /** What `className.method` runs on an object of exactly that class: its own method or the nearest inherited one. */
  public lookup(className: string, method: string): MethodRef[] {
    const simple = method.toLowerCase();
    for (const type of this.superclassChain(className)) {
      const found = (type.methods.get(simple) ?? []).filter((ref) => !ref.method.isAbstract);
      if (found.length > 0) return found;
      if ((type.methods.get(simple) ?? []).length > 0) return []; // declared abstract: an override runs
    }
    return [];
  }

  /**
   * What a call on a receiver declared as `className` can run. Exact (the object's class is known): the
   * lookup from that class. Otherwise the lookup from the class itself (when it can be instantiated)
   * and from every concrete class extending or implementing it; only the declared class's own target
   * is certain, a subclass's override or an interface's implementation is one possibility among several.
   */
  public dispatch(className: string, method: string, exact: boolean): DispatchTarget[] {
    const declared = this.types.get(className.toLowerCase());
    if (!declared) return [];
    const own = declared.isInterface ? [] : this.lookup(declared.name, method);
    if (exact || own.some((ref) => ref.method.isStatic)) return own.map((ref) => ({ ref, thisClass: declared.name, sure: true }));
    const out: DispatchTarget[] = [];
    const seen = new Set<string>();
    const add = (target: DispatchTarget): void => {
      const key = `${target.ref.key}@${target.thisClass.toLowerCase()}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(target);
    };
    if (!declared.isAbstract) for (const ref of own) add({ ref, thisClass: declared.name, sure: true });
    const concrete = this.subtypes(declared.name).filter((type) => !type.isInterface && !type.isAbstract);
    for (const type of concrete) for (const ref of this.lookup(type.name, method)) add({ ref, thisClass: type.name, sure: false });
    // A single implementation of an interface or abstract class is the one that runs, when any does.
    if (out.length === 1 && (declared.isInterface || declared.isAbstract)) out[0] = { ...out[0]!, sure: false };
    return out;
  }

  /** Types extending or implementing `name`, transitively (not `name` itself), sorted by name. */
  public subtypes(name: string): ApexType[] {
    const out: ApexType[] = [];
    const seen = new Set<string>([name.toLowerCase()]);
    const queue = [...(this.children.get(name.toLowerCase()) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      const key = next.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const type = this.types.get(key);
      if (!type) continue;
      out.push(type);
      appendAll(queue, this.children.get(key) ?? []);
    }
    return out.sort((a, b) => compare(a.name, b.name));
  }

  /** The class, its superclass, and so on up (cycle-safe). */
  private superclassChain(name: string): ApexType[] {
    const chain: ApexType[] = [];
    const seen = new Set<string>();
    let type = this.types.get(name.toLowerCase());
    while (type && !seen.has(type.name.toLowerCase())) {
      seen.add(type.name.toLowerCase());
      chain.push(type);
      const parent = type.superclass ? this.resolveName(type.superclass, type.cls) : undefined;
      type = parent ? this.types.get(parent.toLowerCase()) : undefined;
    }
    return chain;
  }

  /** Every supertype (classes and interfaces), breadth first, cycle-safe. */
  private ancestors(name: string): ApexType[] {
    const out: ApexType[] = [];
    const seen = new Set<string>();
    const queue = [name];
    while (queue.length > 0) {
      const type = this.types.get(queue.shift()!.toLowerCase());
      if (!type || seen.has(type.name.toLowerCase())) continue;
      seen.add(type.name.toLowerCase());
      out.push(type);
      for (const parent of [type.superclass, ...type.interfaces]) {
        const resolved = parent ? this.resolveName(parent, type.cls) : undefined;
        if (resolved) queue.push(resolved);
      }
    }
    return out;
  }

  /** A written type name as a project type: as is, or an inner type of the writing class's file. */
  private resolveName(written: string, from: ApexClassModel): string | undefined {
    const bare = written.replace(/<.*$/, '').trim();
    if (this.types.has(bare.toLowerCase())) return this.types.get(bare.toLowerCase())!.name;
    const inner = this.types.get(`${from.name}.${bare}`.toLowerCase());
    return inner?.name;
  }
}

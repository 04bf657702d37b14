/**
 * Names in scope while walking one code block: local variables (block-scoped), the current class's
 * fields and the static fields of enclosing classes. Apex names are case-insensitive, so every map is
 * keyed by the lower-case name.
 */
import type { ApexDynamicSource } from '../model.js';
import type { TypeRef } from './types.js';

export type FieldInfo = {
  kind: 'field';
  /** As declared. */
  name: string;
  type: TypeRef;
  isStatic: boolean;
  owner: ClassInfo;
};

/** What a class declares, collected from its member declarations before any body is walked. */
export type ClassInfo = {
  /** `Outer` or `Outer.Inner`. */
  name: string;
  simpleName: string;
  superclass?: string;
  interfaces: string[];
  fields: Map<string, FieldInfo>;
  inner: Map<string, ClassInfo>;
  /** Lower-case names of the enums declared in the class. */
  enums: Set<string>;
  /** Return types of the class's methods by lower-case name; null when overloads disagree. */
  returns: Map<string, TypeRef | null>;
  outer?: ClassInfo;
};

export function newClassInfo(simpleName: string, outer?: ClassInfo): ClassInfo {
  return {
    name: outer ? `${outer.name}.${simpleName}` : simpleName,
    simpleName,
    interfaces: [],
    fields: new Map(),
    inner: new Map(),
    enums: new Set(),
    returns: new Map(),
    outer,
  };
}

/**
 * What a local is known to hold beyond its declared type: an instance of exactly one class (`new X()`),
 * a method parameter (by position), a for-each variable over Apex objects (at a loop depth), or the
 * pieces of `Type.forName(...).newInstance()`: a class name, a Type, an instance of that Type.
 */
export type Origin =
  | { kind: 'instance'; className: string }
  | { kind: 'param'; index: number }
  | { kind: 'loop'; depth: number }
  | { kind: 'name' | 'type' | 'dynamic'; source: ApexDynamicSource };

export type LocalInfo = { kind: 'local'; name: string; type: TypeRef; origin?: Origin };

export type Variable = LocalInfo | FieldInfo;

/** Block-scoped locals over the class's fields. */
export class Scope {
  private readonly frames: Array<Map<string, LocalInfo>> = [new Map()];

  public constructor(private readonly cls?: ClassInfo) {}

  public push(): void {
    this.frames.push(new Map());
  }

  public pop(): void {
    if (this.frames.length > 1) this.frames.pop();
  }

  public declare(name: string, type: TypeRef, origin?: Origin): void {
    this.frames[this.frames.length - 1]!.set(name.toLowerCase(), { kind: 'local', name, type, ...(origin ? { origin } : {}) });
  }

  /** An assignment to a local: what it holds now (undefined: nothing beyond its type). */
  public reassign(name: string, origin: Origin | undefined): void {
    const key = name.toLowerCase();
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const local = this.frames[index]!.get(key);
      if (!local) continue;
      if (origin) local.origin = origin;
      else delete local.origin;
      return;
    }
  }

  /** A local, a field of the current class, or a static field of an enclosing class. */
  public lookup(name: string): Variable | undefined {
    const key = name.toLowerCase();
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const local = this.frames[index]!.get(key);
      if (local) return local;
    }
    return this.field(key);
  }

  public isVariable(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  private field(key: string): Variable | undefined {
    let cls = this.cls;
    let staticOnly = false;
    while (cls) {
      const field = cls.fields.get(key);
      if (field && (!staticOnly || field.isStatic)) return field;
      cls = cls.outer;
      staticOnly = true;
    }
    return undefined;
  }
}

/** The outermost class of a file. */
export function rootOf(cls: ClassInfo): ClassInfo {
  let root = cls;
  while (root.outer) root = root.outer;
  return root;
}

/**
 * Resolves a class name as written to a class of this file (`Inner` → `Outer.Inner`, `outer` → `Outer`);
 * any other name is returned as written.
 */
export function resolveClassName(name: string, cls: ClassInfo | undefined): string {
  if (!cls) return name;
  const root = rootOf(cls);
  const parts = name.split('.');
  const first = parts[0]!.toLowerCase();
  if (first === root.simpleName.toLowerCase()) {
    let target = root;
    for (const part of parts.slice(1)) {
      const next = target.inner.get(part.toLowerCase());
      if (!next) return name;
      target = next;
    }
    return target.name;
  }
  if (parts.length === 1) {
    // An inner class seen from inside the file: the current class's own inner classes, then its siblings.
    for (let scope: ClassInfo | undefined = cls; scope; scope = scope.outer) {
      const inner = scope.inner.get(first);
      if (inner) return inner.name;
      if (scope.simpleName.toLowerCase() === first) return scope.name;
    }
  }
  return name;
}

/** The class of this file a (resolved) name refers to, if any. */
export function findClass(name: string, cls: ClassInfo | undefined): ClassInfo | undefined {
  if (!cls) return undefined;
  const resolved = resolveClassName(name, cls);
  const root = rootOf(cls);
  if (resolved.toLowerCase() === root.name.toLowerCase()) return root;
  const parts = resolved.split('.');
  if (parts[0]!.toLowerCase() !== root.simpleName.toLowerCase()) return undefined;
  let target: ClassInfo | undefined = root;
  for (const part of parts.slice(1)) target = target?.inner.get(part.toLowerCase());
  return target;
}

/** An enum declared in this class or an enclosing one (`Color` in `Color.RED`). */
export function isEnumInScope(name: string, cls: ClassInfo | undefined): boolean {
  const key = name.toLowerCase();
  for (let scope = cls; scope; scope = scope.outer) if (scope.enums.has(key)) return true;
  return false;
}

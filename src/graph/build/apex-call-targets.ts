/**
 * Where an Apex call goes, in the project's own classes: the graph's effect resolver and the rules'
 * Apex index both ask here, so they always agree. A call resolves by what the code says about its
 * receiver: an exact class (`new X()`), `this` inside a method whose runtime class the caller knows, a
 * parameter the caller passed an exact class to, a `Type.forName` whose class name comes from custom
 * metadata records, or, failing all that, the declared type with its overrides and implementations.
 */
import type { ApexCall, CustomMetadataRecordModel, MetadataModel } from '../../metadata/model.js';
import type { Confidence } from '../types.js';
import { ApexHierarchy, type MethodRef } from './apex-hierarchy.js';
import { compare } from '../../shared/compare.js';

/** Where the calling code runs: its declaring type, the runtime class of `this`, the classes its parameters hold. */
export type CallSite = { typeName?: string; thisClass?: string; bindings?: ReadonlyArray<string | null> };

export type CallTarget = {
  ref: MethodRef;
  /** The runtime class of `this` inside the target. */
  thisClass: string;
  confidence: Confidence;
  /** The target runs only in triggers of these objects (lower case): a handler registered for them. */
  onlyFor?: string[];
  /** Chosen among several classes at run time (a registry's handlers, an interface's implementations). */
  polymorphic: boolean;
};

const CACHE = new WeakMap<MetadataModel, ApexCallTargets>();

export class ApexCallTargets {
  public readonly hierarchy: ApexHierarchy;
  private readonly records: readonly CustomMetadataRecordModel[];
  private readonly triggerObjects: Set<string>;

  private constructor(model: MetadataModel) {
    this.hierarchy = new ApexHierarchy(model.apexClasses);
    this.records = model.customMetadataRecords ?? [];
    this.triggerObjects = new Set(model.apexTriggers.map((trigger) => trigger.object.toLowerCase()));
  }

  /** One per model: built once, shared by the graph and the rules. */
  public static of(model: MetadataModel): ApexCallTargets {
    let targets = CACHE.get(model);
    if (!targets) {
      targets = new ApexCallTargets(model);
      CACHE.set(model, targets);
    }
    return targets;
  }

  public targets(call: ApexCall, site: CallSite): CallTarget[] {
    const qualifier = call.qualifier?.toLowerCase();
    const className = call.className ?? this.typePath(call.qualifier) ?? (qualifier === undefined || qualifier === 'this' ? site.typeName : undefined);
    if (!className) return [];
    const exactly = (name: string, thisClass: string, confidence: Confidence = 'certain'): CallTarget[] =>
      this.hierarchy.lookup(name, call.method).map((ref) => ({ ref, thisClass: ref.method.isStatic ? ref.typeName : thisClass, confidence, polymorphic: false }));
    const ownType = site.typeName !== undefined && className.toLowerCase() === site.typeName.toLowerCase();
    if (qualifier === 'super') return exactly(className, site.thisClass ?? className);
    if ((qualifier === undefined || qualifier === 'this') && ownType && site.thisClass) return exactly(site.thisClass, site.thisClass);
    const bound = call.receiverParam !== undefined ? site.bindings?.[call.receiverParam] : undefined;
    if (bound && this.hierarchy.has(bound)) return exactly(bound, bound);
    if (call.exact) return exactly(className, className);
    if (call.dynamic) return this.dynamicTargets(call, className);
    return this.hierarchy
      .dispatch(className, call.method, false)
      .map((target) => ({ ref: target.ref, thisClass: target.thisClass, confidence: target.sure ? 'certain' : 'possible', polymorphic: !target.sure }));
  }

  /** `System.enqueueJob(new Job())`: the job's execute. */
  public execute(className: string): CallTarget[] {
    return this.hierarchy.lookup(className, 'execute').map((ref) => ({ ref, thisClass: className, confidence: 'certain', polymorphic: false }));
  }

  /**
   * `(Handler) Type.forName(name).newInstance()`: a literal name is that class; a name read from a
   * custom metadata field is one of the classes that field names in the project's records (likely);
   * with no such record, any class implementing the cast type (possible).
   */
  private dynamicTargets(call: ApexCall, castType: string): CallTarget[] {
    const source = call.dynamic!;
    const cast = this.hierarchy.has(castType) ? castType : undefined;
    const fits = (name: string): boolean => this.hierarchy.has(name) && (!cast || this.hierarchy.isSubtype(name, cast));
    if (source.className !== undefined) {
      const name = this.hierarchy.nameOf(source.className);
      return name && fits(name) ? this.likely(name, call.method, undefined) : [];
    }
    const named = new Map<string, Set<string> | null>();
    for (const record of this.records) {
      if (source.sobject && record.type.toLowerCase() !== source.sobject.toLowerCase()) continue;
      const value = record.values.find((entry) => (source.field ? entry.field.toLowerCase() === source.field.toLowerCase() : fits(entry.value)));
      const name = value ? this.hierarchy.nameOf(value.value) : undefined;
      if (!name || !fits(name)) continue;
      const objects = record.values.map((entry) => entry.value.toLowerCase()).filter((text) => this.triggerObjects.has(text));
      const before = named.get(name);
      // A record that names no object registers the class for every trigger.
      named.set(name, objects.length === 0 || before === null ? null : new Set([...(before ?? []), ...objects]));
    }
    if (named.size > 0) {
      return [...named.entries()]
        .sort(([a], [b]) => compare(a, b))
        .flatMap(([name, objects]) => this.likely(name, call.method, objects ? [...objects].sort() : undefined));
    }
    if (!cast) return [];
    return this.hierarchy
      .dispatch(cast, call.method, false)
      .map((target) => ({ ref: target.ref, thisClass: target.thisClass, confidence: 'possible' as const, polymorphic: true }));
  }

  private likely(name: string, method: string, onlyFor: string[] | undefined): CallTarget[] {
    return this.hierarchy.lookup(name, method).map((ref) => ({ ref, thisClass: name, confidence: 'likely' as const, polymorphic: true, ...(onlyFor ? { onlyFor } : {}) }));
  }

  /** `Outer.Inner.build()` from another file: a dotted qualifier that names a project type. */
  private typePath(qualifier: string | undefined): string | undefined {
    if (!qualifier || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/.test(qualifier)) return undefined;
    return this.hierarchy.nameOf(qualifier);
  }
}

/**
 * Code the project does not hold: a managed package's classes (`npsp.TDTM_Runnable.run()`) and
 * invocable actions (`ns__SendInvoice`), and static calls to classes that are not in the project. Such
 * calls are kept in the graph as explicit unknowns ("may write Account; code not visible"), never
 * dropped: a release reviewer must see that a chain passes through code nobody here can read.
 */
import type { ApexCall, MetadataModel } from '../../metadata/model.js';
import { isBuiltinTypeName, isSObjectTypeName, isSystemNamespace } from '../../metadata/apex/known-types.js';

/** `npe01__OppPayment__c` → `npe01`; `npsp__Batch__c.npsp__Amount__c` → `npsp`. */
const NAMESPACED = /^([a-z][a-z0-9]{0,14})__[a-z0-9_]+?__[a-z]+$/i;

/**
 * Namespace prefixes of managed packages the project depends on: those its objects, fields and custom
 * metadata records are named with. A prefix the metadata never uses is not guessed from code alone.
 */
export function managedNamespaces(model: MetadataModel): Set<string> {
  const namespaces = new Set<string>();
  const note = (name: string | undefined): void => {
    const match = name ? NAMESPACED.exec(name) : null;
    if (match) namespaces.add(match[1]!.toLowerCase());
  };
  for (const object of model.objects) {
    note(object.name);
    for (const field of object.fields) note(field.fullName.slice(field.fullName.indexOf('.') + 1));
  }
  for (const record of model.customMetadataRecords ?? []) note(record.type);
  return namespaces;
}

/** A call the resolver found no project method for, as code out of sight: its target and why, or undefined. */
export type HiddenCall = { target: string; namespace?: string; objects: string[] };

export function hiddenCall(call: ApexCall, namespaces: ReadonlySet<string>, inProject: (className: string) => boolean): HiddenCall | undefined {
  const named = call.className ?? call.qualifier;
  if (!named || /^(this|super)$/i.test(named)) return undefined;
  const segments = named.split('.');
  const first = segments[0]!.toLowerCase();
  const objects = call.argObjects ?? [];
  if (segments.length >= 2 && namespaces.has(first) && segments.every((segment) => /^[A-Za-z_]\w*$/.test(segment))) {
    return { target: `${named}.${call.method}`, namespace: segments[0]!, objects };
  }
  // A static call `Foo.bar()` to a class that is not in the project (nor a platform class or record type).
  const staticCall = call.className !== undefined && call.qualifier !== undefined && call.qualifier.toLowerCase() === call.className.toLowerCase();
  if (!staticCall || segments.length !== 1 || inProject(named)) return undefined;
  if (isSystemNamespace(named) || isBuiltinTypeName(named) || isSObjectTypeName(named)) return undefined;
  return { target: `${named}.${call.method}`, objects };
}

/** `may write Account, Contact; code not visible (managed package npsp)`. */
export function hiddenNote(hidden: Pick<HiddenCall, 'namespace' | 'objects'>): string {
  const where = hidden.namespace ? `managed package ${hidden.namespace}` : 'not in the project';
  const what = hidden.objects.length > 0 ? `may write ${hidden.objects.join(', ')}` : 'effects unknown';
  return `${what}; code not visible (${where})`;
}

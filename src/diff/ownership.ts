/**
 * Ownership drift: fields on both sides whose system of record differs, and components on both sides
 * whose owner or expiry differs. A component on one side only is automation or metadata drift, not
 * an ownership change, so it is left to the other sections.
 */
import { type ComponentOwnership, resolveComponentOwnership } from '../policy/component-ownership.js';
import { resolveFieldOwnership } from '../policy/ownership.js';
import { compare } from './evidence.js';
import type { DiffSide } from './side.js';
import type { OwnershipDiff } from './types.js';

export function diffOwnership(a: DiffSide, b: DiffSide): OwnershipDiff[] {
  const diffs: OwnershipDiff[] = [];
  const fieldsB = new Map(b.model.objects.flatMap((object) => object.fields).map((field) => [field.fullName.toLowerCase(), field]));
  const ownersA = resolveFieldOwnership(a.model, a.policy);
  const ownersB = resolveFieldOwnership(b.model, b.policy);
  for (const fieldA of a.model.objects.flatMap((object) => object.fields)) {
    const fieldB = fieldsB.get(fieldA.fullName.toLowerCase());
    if (!fieldB) continue;
    const ownerA = ownersA.ownerOf(fieldA.fullName);
    const ownerB = ownersB.ownerOf(fieldB.fullName);
    if (ownerA.system.toLowerCase() === ownerB.system.toLowerCase()) continue;
    diffs.push({
      kind: 'system-of-record',
      type: 'CustomField',
      name: fieldA.fullName,
      a: { value: ownerA.system, source: ownerA.source, ref: ownerA.source === 'policy' && a.policy.file ? { file: a.policy.file, ...(ownerA.line !== undefined ? { line: ownerA.line } : {}) } : fieldA.source },
      b: { value: ownerB.system, source: ownerB.source, ref: ownerB.source === 'policy' && b.policy.file ? { file: b.policy.file, ...(ownerB.line !== undefined ? { line: ownerB.line } : {}) } : fieldB.source },
    });
  }
  const componentsB = new Map(resolveComponentOwnership(b.model, b.policy).map((component) => [keyOf(component), component]));
  for (const componentA of resolveComponentOwnership(a.model, a.policy)) {
    const componentB = componentsB.get(keyOf(componentA));
    if (!componentB) continue;
    if ((componentA.owner ?? '') !== (componentB.owner ?? '')) {
      diffs.push({ kind: 'owner', type: componentA.type, name: componentA.name, a: valueOf(componentA.owner, componentA.ownerSource, componentA.ownerRef ?? at(componentA)), b: valueOf(componentB.owner, componentB.ownerSource, componentB.ownerRef ?? at(componentB)) });
    }
    if ((componentA.expires ?? '') !== (componentB.expires ?? '')) {
      diffs.push({ kind: 'expiry', type: componentA.type, name: componentA.name, a: valueOf(componentA.expires, componentA.expiresSource, componentA.expiresRef ?? at(componentA)), b: valueOf(componentB.expires, componentB.expiresSource, componentB.expiresRef ?? at(componentB)) });
    }
  }
  return diffs.sort((x, y) => compare(x.type, y.type) || compare(x.name, y.name) || compare(x.kind, y.kind));
}

function keyOf(component: ComponentOwnership): string {
  return `${component.type}:${component.name.toLowerCase()}`;
}

function at(component: ComponentOwnership): { file: string; line?: number } {
  return { file: component.file, ...(component.line !== undefined ? { line: component.line } : {}) };
}

function valueOf(value: string | undefined, source: string | undefined, ref: { file: string; line?: number }): OwnershipDiff['a'] {
  return { ...(value !== undefined ? { value } : {}), ...(source ? { source } : {}), ref };
}

import type { MetadataModel } from '../../metadata/model.js';
import type { Evidenced } from './evidenced.js';
import { isWritableField } from './signals.js';
import { appendAll } from '../../shared/arrays.js';

/**
 * Shortens a system's owned fields to globs where that is exact today: `Object.*` when it owns every
 * writable field of a custom object, `Object.PREFIX_*` when it owns every field of the object with that
 * name prefix (two or more). Standard objects never get `Object.*`: it would claim Name, OwnerId, ...
 */
export function compressToGlobs(owned: Evidenced[], model: MetadataModel): Evidenced[] {
  const byObject = new Map<string, Evidenced[]>();
  for (const entry of owned) {
    const object = entry.name.slice(0, entry.name.indexOf('.'));
    byObject.set(object, [...(byObject.get(object) ?? []), entry]);
  }
  const result: Evidenced[] = [];
  for (const [objectName, entries] of byObject) {
    const object = model.objects.find((candidate) => candidate.name === objectName);
    const all = object?.fields ?? [];
    const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
    const writable = all.filter(isWritableField);
    if (object?.custom && entries.length >= 2 && writable.every((field) => names.has(field.fullName.toLowerCase()))) {
      result.push({ name: `${objectName}.*`, evidence: summary(entries, `every writable field (${entries.length})`) });
      continue;
    }
    const byPrefix = new Map<string, Evidenced[]>();
    for (const entry of entries) {
      const prefix = prefixOf(entry.name.slice(objectName.length + 1));
      if (prefix) byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), entry]);
    }
    const globbed = new Set<Evidenced>();
    for (const [prefix, group] of byPrefix) {
      const others = all.filter((field) => field.name.toLowerCase().startsWith(prefix.toLowerCase()) && !names.has(field.fullName.toLowerCase()));
      if (group.length < 2 || others.length > 0) continue;
      result.push({ name: `${objectName}.${prefix}*`, evidence: summary(group, `${group.length} fields named ${prefix}*`) });
      for (const entry of group) globbed.add(entry);
    }
    appendAll(result, entries.filter((entry) => !globbed.has(entry)));
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `ERP_Invoice_Number__c` → `ERP_`; a one-word name (`Amount__c`) has no prefix. */
function prefixOf(name: string): string | undefined {
  const base = name.replace(/__c$/i, '');
  const index = base.indexOf('_');
  return index >= 2 && index < base.length - 1 ? base.slice(0, index + 1) : undefined;
}

function summary(entries: Evidenced[], what: string): string {
  const reasons = [...new Set(entries.map((entry) => entry.evidence))].sort();
  return `${what}; ${reasons.join('; ')}`;
}

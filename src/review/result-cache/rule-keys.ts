import { createHash } from 'node:crypto';
import type { Rule } from '../../rules/rule.js';
import { compare } from '../../shared/compare.js';
import type { InputDigest } from './input-digest.js';

/**
 * Types a rule's findings depend on through the loader, beyond those it reads itself: the model of one
 * type is shaped by others. Which Apex classes are parsed at all follows triggers, flows and custom
 * metadata records (handler registries name classes) into the code; an object's model holds its fields
 * and validation rules; effective permissions merge profiles, permission sets, muting sets and groups.
 */
const SHAPED_BY: Readonly<Record<string, readonly string[]>> = {
  ApexClass: ['ApexTrigger', 'Flow', 'CustomMetadata'],
  CustomObject: ['CustomField', 'ValidationRule'],
  CustomField: ['CustomObject'],
  ValidationRule: ['CustomObject'],
  PermissionSet: ['MutingPermissionSet', 'PermissionSetGroup', 'Profile'],
  PermissionSetGroup: ['MutingPermissionSet', 'PermissionSet', 'Profile'],
  MutingPermissionSet: ['PermissionSet', 'PermissionSetGroup', 'Profile'],
  Profile: ['MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup'],
};

/** Every type whose files can change what a rule reading `reads` finds: `reads`, closed under SHAPED_BY. */
export function typesBehind(reads: readonly string[]): string[] {
  const types = new Set<string>();
  const pending = [...reads];
  for (let type = pending.pop(); type !== undefined; type = pending.pop()) {
    if (types.has(type)) continue;
    types.add(type);
    for (const more of SHAPED_BY[type] ?? []) pending.push(more);
  }
  return [...types].sort(compare);
}

/**
 * One key per rule: what every rule depends on (`common`: the review date, the policy, the integration
 * inputs, the build, the flags) and the content of the files of the types behind the rule's reads. A
 * rule whose key is the last run's has the last run's findings: nothing it can see has changed.
 */
export function ruleKeysOf(rules: readonly Rule[], digest: InputDigest, common: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const rule of rules) {
    const hash = createHash('sha256').update(`${common}\n${rule.meta.id}\n`);
    for (const type of typesBehind(rule.meta.reads)) hash.update(`${type} ${digest.byType[type] ?? 'none'}\n`);
    keys[rule.meta.id] = hash.digest('hex');
  }
  return keys;
}

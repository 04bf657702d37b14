/**
 * A first `systems` section from what the metadata says: systems named by field tags, integration
 * principals and field descriptions (the vocabulary in data/system-vocabulary.json), each with the fields
 * it appears to own and the evidence. Sure guesses become `owns` entries; weaker ones stay comments.
 */
import type { CustomFieldModel, MetadataModel, PermissionContainerModel, PermissionSetGroupModel } from '../../metadata/model.js';
import type { PrincipalRef } from '../../permissions/grants.js';
import { PermissionIndex } from '../../permissions/permission-index.js';
import { resolveFieldOwnership, SALESFORCE } from '../ownership.js';
import { EMPTY_POLICY } from '../policy.js';
import { compressToGlobs } from './globs.js';
import { fieldSignals, holdsRecords, isWritableField, principalSignals } from './signals.js';
import { vocabularySystem } from './vocabulary.js';
import { appendAll } from '../../shared/arrays.js';
import type { Evidenced } from './evidenced.js';
import { compare } from '../../shared/compare.js';

export type { Evidenced } from './evidenced.js';

export type DraftSystem = {
  key: string;
  label: string;
  /** Why the system is in the draft. */
  evidence: string[];
  /** Globs and field names it owns, each with its evidence. */
  owns: Evidenced[];
  /** Fields that may be its own, left as comments for a person to decide. */
  maybe: Evidenced[];
  permissionSets: Evidenced[];
  profiles: Evidenced[];
  users: Evidenced[];
};

export type PolicyDraft = {
  sourceDirs: string[];
  systems: DraftSystem[];
  /** Fields that look integrated but name no system. */
  unassigned: Evidenced[];
  defaultOwner: string;
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

export function buildPolicyDraft(model: MetadataModel): PolicyDraft {
  // Tags and `Integration user:` statements are read the same way the review reads them without a policy.
  const ownership = resolveFieldOwnership(model, EMPTY_POLICY);
  const permissions = new PermissionIndex(model);
  const systems = new Map<string, DraftSystem>();
  const systemFor = (key: string, label: string, why: string): DraftSystem => {
    let system = systems.get(key);
    if (!system) {
      system = { key, label, evidence: [], owns: [], maybe: [], permissionSets: [], profiles: [], users: [] };
      systems.set(key, system);
    }
    if (!system.evidence.includes(why)) system.evidence.push(why);
    return system;
  };

  // Integration principals first: they name the systems most reliably.
  const principalSystem = new Map<string, string>();
  for (const [type, container] of principals(model)) {
    const signals = principalSignals(container);
    if (!signals.integration) continue;
    const ref = { type, name: container.name } as PrincipalRef;
    const key = ownership.systemsOf(ref)[0] ?? signals.system?.key ?? keyFromName(container.name);
    const system = systemFor(key, labelOf(key, ownership.labelOf(key)), `integration ${type} ${container.name}`);
    const entry = { name: container.name, evidence: signals.evidence.join('; ') };
    if (type === 'Profile') system.profiles.push(entry);
    else system.permissionSets.push(entry);
    for (const user of new Set(container.description?.match(EMAIL) ?? [])) {
      if (!system.users.some((existing) => existing.name === user)) system.users.push({ name: user, evidence: `named in the description of ${type} ${container.name}` });
    }
    principalSystem.set(`${type}:${container.name}`, key);
  }

  const definite = new Map<string, Evidenced[]>();
  const unassigned: Evidenced[] = [];
  const fields = model.objects.filter(holdsRecords).flatMap((object) => object.fields.filter(isWritableField));
  for (const field of fields) {
    const owner = ownership.ownerOf(field.fullName);
    const signals = fieldSignals(field, ownership, permissions);
    const editors = [...new Set(signals.integrationEditors.map((editor) => principalSystem.get(`${editor.type}:${editor.name}`) ?? editor.system).filter((key): key is string => key !== undefined))];
    if (owner.source === 'description' && owner.system !== SALESFORCE) {
      systemFor(owner.system, labelOf(owner.system, ownership.labelOf(owner.system)), 'System of record tags in field descriptions');
      push(definite, owner.system, { name: field.fullName, evidence: `description: "System of record: ${owner.tag ?? ''}"` });
      continue;
    }
    if (owner.source === 'description') continue;
    const named = signals.named;
    const namedKey = named ? (ownership.resolveSystemName(named.label) ?? named.key) : undefined;
    if (named && namedKey && (named.where === 'API name' || signals.externalId)) {
      systemFor(namedKey, labelOf(namedKey, named.label), `field names and descriptions that name ${named.label}`);
      push(definite, namedKey, { name: field.fullName, evidence: `${signals.externalId ? 'external ID; ' : ''}${named.where} names ${named.label}` });
      continue;
    }
    const guess = namedKey ?? (editors.length === 1 ? editors[0] : undefined);
    const why = [
      signals.externalId ? 'external ID' : '',
      named ? `${named.where} names ${named.label}` : '',
      editors.length > 0 ? `editable by ${integrationNames(signals.integrationEditors)}` : '',
      mentionsOutside(field) ? 'its text says the value comes from outside Salesforce' : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (guess) {
      if (named && namedKey === guess) systemFor(guess, labelOf(guess, named.label), `field descriptions that name ${named.label}`);
      systems.get(guess)?.maybe.push({ name: field.fullName, evidence: why });
    } else if (signals.externalId) {
      unassigned.push({ name: field.fullName, evidence: why });
    }
  }

  for (const [key, owned] of definite) appendAll(systems.get(key)!.owns, compressToGlobs(owned, model));
  const sorted = [...systems.values()]
    .map((system) => ({
      ...system,
      evidence: [...system.evidence].sort(compare),
      maybe: system.maybe.sort((a, b) => compare(a.name, b.name)),
      permissionSets: system.permissionSets.sort((a, b) => compare(a.name, b.name)),
      profiles: system.profiles.sort((a, b) => compare(a.name, b.name)),
      users: system.users.sort((a, b) => compare(a.name, b.name)),
    }))
    .sort((a, b) => compare(a.key, b.key));
  return { sourceDirs: [...model.sourceDirs], systems: sorted, unassigned: unassigned.sort((a, b) => compare(a.name, b.name)), defaultOwner: SALESFORCE };
}

function principals(model: MetadataModel): Array<[PrincipalRef['type'], PermissionContainerModel | PermissionSetGroupModel]> {
  return [
    ...model.permissionSets.map((set): [PrincipalRef['type'], PermissionContainerModel] => ['PermissionSet', set]),
    ...model.permissionSetGroups.map((group): [PrincipalRef['type'], PermissionSetGroupModel] => ['PermissionSetGroup', group]),
    ...model.profiles.map((profile): [PrincipalRef['type'], PermissionContainerModel] => ['Profile', profile]),
  ];
}

/** `SAP_Integration` → `sap`, `Data_Loader_Sync_User` → `data-loader`: what is left after the integration words. */
function keyFromName(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word && !['integration', 'integrations', 'sync', 'user', 'users', 'profile', 'api', 'only', 'permission', 'set', 'access', 'connector'].includes(word));
  return words.join('-') || 'integration';
}

function labelOf(key: string, fallback: string): string {
  return fallback !== key ? fallback : (vocabularySystem(key)?.label ?? key);
}

function integrationNames(editors: Array<{ type: string; name: string }>): string {
  return editors.map((editor) => `${editor.type} ${editor.name}`).join(', ');
}

/** Help text or description that says the value comes from outside Salesforce. */
function mentionsOutside(field: CustomFieldModel): boolean {
  return /external system|outside salesforce|from the erp|upsert key/i.test(`${field.description ?? ''} ${field.inlineHelpText ?? ''}`);
}

function push(map: Map<string, Evidenced[]>, key: string, value: Evidenced): void {
  map.set(key, [...(map.get(key) ?? []), value]);
}

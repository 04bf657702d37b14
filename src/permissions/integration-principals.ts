import type { MetadataModel, PermissionContainerModel, SourceRef } from '../metadata/model.js';
import type { LoadedPolicy } from '../policy/policy.js';
import { STANDARD_PROFILE_FILES, type UserAssignments } from './assignments.js';
import type { PrincipalRef } from './grants.js';
import { detectIntegration, detectUsername, integrationReasons } from './integration-detection.js';
import { containsSequence, words } from './integration-vocabulary.js';
import type { PermissionIndex } from './permission-index.js';
import { compare } from '../shared/compare.js';

export type PrincipalType = 'Profile' | 'PermissionSet' | 'PermissionSetGroup' | 'User';

/** A profile, permission set, group or user that an integration (not a person) logs in with. */
export type IntegrationPrincipal = {
  /** `PermissionSet:SAP_Integration`, `User:sap.integration@acme.com` */
  id: string;
  type: PrincipalType;
  name: string;
  label?: string;
  /** Declared in the policy (`systems.<s>.integration`), or detected from the metadata. */
  origin: 'declared' | 'detected';
  /** Key of the system it works for, when known. */
  system?: string;
  /** Why it is an integration principal, one reason each. */
  reasons: string[];
  source?: SourceRef;
  /** The containers whose grants it holds: itself, or a user's profile, permission sets and groups. */
  refs: PrincipalRef[];
  /** Names it should hold that the project does not define (so their grants are unknown). */
  missing: string[];
};

/** A system of record, as the ownership map names it. */
export type KnownSystem = { key: string; label: string };

export type PrincipalInput = {
  model: MetadataModel;
  permissions: PermissionIndex;
  policy: LoadedPolicy;
  systems: readonly KnownSystem[];
  /** The ownership map's say on a principal's systems (policy, `Integration user:` tag); tried first. */
  systemsOf?: (principal: { type: PrincipalType; name: string }) => string[];
  /** From `--assignments`: users and what they hold, and the file (a user's source). */
  users?: readonly UserAssignments[];
  usersFile?: string;
};

const TYPE_ORDER: PrincipalType[] = ['Profile', 'PermissionSet', 'PermissionSetGroup', 'User'];

/**
 * Every integration principal: declared in the policy, or detected (integration-detection.ts: ApiUserOnly,
 * the integration licences, integration vocabulary in the name, label or description, but not a Service
 * Cloud "Service User" alone; with `--assignments`, users on such a profile or named like an
 * integration). `integrationExclude` removes detected ones only: a declaration is explicit and wins.
 */
export function findIntegrationPrincipals(input: PrincipalInput): IntegrationPrincipal[] {
  const { model, permissions, policy } = input;
  const declared = declaredPrincipals(input);
  const byId = new Map(declared.map((principal) => [principal.id.toLowerCase(), principal]));
  const excluded = (type: PrincipalType, name: string): boolean =>
    (policy.policy.integrationExclude ?? []).some((pattern) => excludes(pattern, type, name));

  const containers: Array<['Profile' | 'PermissionSet', PermissionContainerModel]> = [
    ...model.profiles.map((profile): ['Profile', PermissionContainerModel] => ['Profile', profile]),
    ...model.permissionSets.map((set): ['PermissionSet', PermissionContainerModel] => ['PermissionSet', set]),
  ];
  for (const [type, container] of containers) {
    const id = `${type}:${container.name}`;
    if (byId.has(id.toLowerCase()) || excluded(type, container.name)) continue;
    const reasons = integrationReasons(detectIntegration(container));
    if (reasons.length === 0) continue;
    const system =
      input.systemsOf?.({ type, name: container.name })[0] ??
      systemOf([integrationUserPhrase(container.description), container.name, container.label, container.description], input.systems);
    byId.set(id.toLowerCase(), {
      id,
      type,
      name: container.name,
      ...(container.label !== undefined ? { label: container.label } : {}),
      origin: 'detected',
      ...(system ? { system } : {}),
      reasons,
      source: container.source,
      refs: [{ type, name: container.name }],
      missing: [],
    });
  }
  for (const group of model.permissionSetGroups) {
    const id = `PermissionSetGroup:${group.name}`;
    if (byId.has(id.toLowerCase()) || excluded('PermissionSetGroup', group.name)) continue;
    const reasons = integrationReasons(detectIntegration(group));
    if (reasons.length === 0) continue;
    const system =
      input.systemsOf?.({ type: 'PermissionSetGroup', name: group.name })[0] ??
      systemOf([integrationUserPhrase(group.description), group.name, group.label, group.description], input.systems);
    byId.set(id.toLowerCase(), {
      id,
      type: 'PermissionSetGroup',
      name: group.name,
      ...(group.label !== undefined ? { label: group.label } : {}),
      origin: 'detected',
      ...(system ? { system } : {}),
      reasons,
      source: group.source,
      refs: [{ type: 'PermissionSetGroup', name: group.name }],
      missing: [],
    });
  }
  for (const user of input.users ?? []) {
    const id = `User:${user.username}`;
    const existing = byId.get(id.toLowerCase());
    const holdings = { ...userHoldings(user, permissions), ...(input.usersFile ? { source: { file: input.usersFile, line: user.line } } : {}) };
    if (existing) {
      // A declared user: what it holds comes from the export.
      Object.assign(existing, holdings, { name: user.username, id });
      continue;
    }
    if (excluded('User', user.username)) continue;
    const profile = holdings.refs.find((ref) => ref.type === 'Profile');
    const profilePrincipal = profile ? byId.get(`profile:${profile.name}`.toLowerCase()) : undefined;
    const named = detectUsername(user.username);
    const reasons = [
      ...(profilePrincipal ? [`its profile ${profilePrincipal.name} is an integration profile`] : []),
      // A "service user" name counts on a user whose profile already says integration, never alone.
      ...(profilePrincipal || named.integration ? named.signals.map((signal) => (signal.kind === 'vocabulary' ? `username matches ${quoteList(signal.terms)}` : '')).filter(Boolean) : []),
    ];
    if (reasons.length === 0) continue;
    const heldSystems = [
      ...new Set(holdings.refs.map((ref) => byId.get(`${ref.type}:${ref.name}`.toLowerCase())?.system).filter((key): key is string => key !== undefined)),
    ];
    const system = profilePrincipal?.system ?? (heldSystems.length === 1 ? heldSystems[0] : systemOf([user.username], input.systems));
    byId.set(id.toLowerCase(), {
      id,
      type: 'User',
      name: user.username,
      origin: 'detected',
      ...(system ? { system } : {}),
      reasons,
      ...holdings,
    });
  }
  return [...byId.values()].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || compare(a.name.toLowerCase(), b.name.toLowerCase()) || compare(a.name, b.name),
  );
}

/** Principals named under `systems.<s>.integration` in the policy. */
function declaredPrincipals(input: PrincipalInput): IntegrationPrincipal[] {
  const { policy, permissions, model } = input;
  const found: IntegrationPrincipal[] = [];
  const seen = new Set<string>();
  for (const key of Object.keys(policy.policy.systems ?? {}).sort(compare)) {
    const integration = policy.policy.systems?.[key]?.integration ?? {};
    const lists: Array<['permissionSets' | 'profiles' | 'users', Array<PrincipalRef['type']>]> = [
      ['profiles', ['Profile']],
      ['permissionSets', ['PermissionSet', 'PermissionSetGroup']],
      ['users', []],
    ];
    for (const [list, types] of lists) {
      (integration[list] ?? []).forEach((name, index) => {
        const line = policy.lineOf(['systems', key, 'integration', list, index]);
        const where = `${policy.file ?? 'the policy'}${line !== undefined ? `:${line}` : ''}`;
        const reason = `systems.${key}.integration.${list} in ${where}`;
        const ref = types.length > 0 ? permissions.resolve(name, types) : undefined;
        const type: PrincipalType = list === 'users' ? 'User' : (ref?.type as PrincipalType | undefined) ?? (list === 'profiles' ? 'Profile' : 'PermissionSet');
        const actualName = ref?.name ?? name;
        const id = `${type}:${actualName}`;
        if (seen.has(id.toLowerCase())) return;
        seen.add(id.toLowerCase());
        const container = ref ? containerModel(model, ref) : undefined;
        found.push({
          id,
          type,
          name: actualName,
          ...(container?.label !== undefined ? { label: container.label } : {}),
          origin: 'declared',
          system: key,
          reasons: [reason],
          ...(container ? { source: container.source } : {}),
          refs: ref ? [ref] : [],
          missing: ref || type === 'User' ? [] : [`${type}:${name}`],
        });
      });
    }
  }
  return found;
}

function containerModel(model: MetadataModel, ref: PrincipalRef): { label?: string; source: SourceRef } | undefined {
  if (ref.type === 'PermissionSetGroup') return model.permissionSetGroups.find((group) => group.name === ref.name);
  return (ref.type === 'Profile' ? model.profiles : model.permissionSets).find((container) => container.name === ref.name);
}

/** What a user holds, resolved against the project; names the project lacks are `missing`. */
function userHoldings(user: UserAssignments, permissions: PermissionIndex): Pick<IntegrationPrincipal, 'refs' | 'missing'> {
  const refs: PrincipalRef[] = [];
  const missing: string[] = [];
  if (user.profile) {
    const alias = STANDARD_PROFILE_FILES[user.profile.toLowerCase()];
    const ref = permissions.resolve(user.profile, ['Profile']) ?? (alias ? permissions.resolve(alias, ['Profile']) : undefined);
    if (ref) refs.push(ref);
    else missing.push(`Profile:${user.profile}`);
  }
  for (const name of user.permissionSets) {
    const ref = permissions.resolve(name, ['PermissionSet']);
    if (ref) refs.push(ref);
    else missing.push(`PermissionSet:${name}`);
  }
  for (const name of user.permissionSetGroups) {
    const ref = permissions.resolve(name, ['PermissionSetGroup']);
    if (ref) refs.push(ref);
    else missing.push(`PermissionSetGroup:${name}`);
  }
  return { refs, missing };
}

/** `Integration user: SAP middleware ...` (the sample's convention): the most precise hint of a system. */
function integrationUserPhrase(description: string | undefined): string | undefined {
  return description?.match(/integration user:\s*([^.;]*)/i)?.[1];
}

/** The first known system named in the texts (earliest text first, then earliest position). */
export function systemOf(texts: ReadonlyArray<string | undefined>, systems: readonly KnownSystem[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const found = words(text);
    let best: { key: string; at: number } | undefined;
    for (const system of systems) {
      for (const name of [system.key, system.label]) {
        const needle = words(name);
        for (let at = 0; at < found.length; at++) {
          if (!containsSequence(found.slice(at, at + needle.length), needle)) continue;
          if (!best || at < best.at) best = { key: system.key, at };
          break;
        }
      }
    }
    if (best) return best.key;
  }
  return undefined;
}

/** `Name`, `Type:Name`, with `*` wildcards, case-insensitive. */
function excludes(pattern: string, type: PrincipalType, name: string): boolean {
  const typed = /^(Profile|PermissionSet|PermissionSetGroup|User):(.+)$/i.exec(pattern);
  if (typed && typed[1]!.toLowerCase() !== type.toLowerCase()) return false;
  const glob = (typed ? typed[2]! : pattern).trim();
  const regex = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return regex.test(name);
}

const quoteList = (terms: string[]): string => terms.map((term) => `"${term}"`).join(', ');

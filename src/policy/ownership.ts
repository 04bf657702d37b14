/**
 * Systems of record: which system owns each field, and who writes for which system. The policy decides
 * first (`systems.<s>.owns` globs, most specific glob wins), then a field description tag
 * (`System of record: SAP`, `SoR: billing`), else the default owner. Integration principals come from the
 * policy (`systems.<s>.integration`), then from `Integration user: <system>` in a permission set, group or
 * profile description. Pure (model and policy in, answers out) and shared by the sor, perm and hygiene rules.
 */
import type { GraphEdge, GraphNode } from '../graph/types.js';
import type { CustomFieldModel, MetadataModel, PermissionContainerModel, PermissionSetGroupModel } from '../metadata/model.js';
import type { PrincipalRef } from '../permissions/grants.js';
import { systemsNamedIn, vocabularySystem } from './init/vocabulary.js';
import type { LoadedPolicy } from './policy.js';
import { appendAll, maxOf } from '../shared/arrays.js';
import { compare } from '../shared/compare.js';

/** The system of every field nobody claims, unless the policy's `defaultOwner` says otherwise. */
export const SALESFORCE = 'salesforce';

export type OwnershipSource = 'policy' | 'description' | 'default';

export type SystemIntegrationInfo = { permissionSets: string[]; profiles: string[]; users: string[]; automations: string[] };

export type SystemInfo = {
  key: string;
  label: string;
  /** `policy`: a `systems` entry; `description`: named only by field tags or integration-user descriptions. */
  declaredIn: 'policy' | 'description';
  integration: SystemIntegrationInfo;
};

export type FieldOwner = {
  /** `Object.Field`, spelled as in the metadata when the project defines the field. */
  field: string;
  object: string;
  /** The owner's system key (`sap`, `billing`), or the default owner. */
  system: string;
  source: OwnershipSource;
  /** `policy`: the glob that decided, where it sits in the policy and its line. */
  pattern?: string;
  policyPath?: Array<string | number>;
  line?: number;
  /** The description tag's value as written (`SAP`), when the description has one. */
  tag?: string;
  /** The system the tag names (it may differ from `system` when the policy decided). */
  tagSystem?: string;
  /** Owned by a system other than the default owner. */
  external: boolean;
};

export type PrincipalLike = PrincipalRef | { type: 'User'; name: string };

export type IntegrationPrincipal = {
  type: PrincipalLike['type'];
  name: string;
  /** Unset when a description says `Integration user:` but names no system we know. */
  system?: string;
  source: 'policy' | 'description';
  /** Policy line, for `source: policy`. */
  line?: number;
};

/** A policy glob of `systems.<s>.owns`, compiled. */
export type OwnsPattern = { system: string; pattern: string; path: Array<string | number>; line?: number; regex: RegExp; specificity: number };

/** Two systems' globs claim a field equally specifically: the policy cannot say who owns it. */
export type OwnershipOverlap = { field: string; patterns: OwnsPattern[] };

/** Label words too common to name a system on their own. */
const GENERIC_WORDS = new Set(['the', 'our', 'new', 'old', 'system', 'legacy', 'main', 'core']);

const SOR_TAG = /(?<![A-Za-z0-9])(?:system[\s_-]+of[\s_-]+record|SoR)\s*[:=]\s*([^.;\n]+)/i;
const INTEGRATION_TAG = /(?<![A-Za-z0-9])integration[\s_-]+user\s*:\s*([^.;,(\n]+)/i;

/** Resolves ownership once per model and policy (rules, sections and renderers share the answer). */
export function resolveFieldOwnership(model: MetadataModel, policy: LoadedPolicy): FieldOwnership {
  let byPolicy = CACHE.get(model);
  if (!byPolicy) CACHE.set(model, (byPolicy = new WeakMap()));
  let ownership = byPolicy.get(policy);
  if (!ownership) byPolicy.set(policy, (ownership = new FieldOwnership(model, policy)));
  return ownership;
}

const CACHE = new WeakMap<MetadataModel, WeakMap<LoadedPolicy, FieldOwnership>>();

export class FieldOwnership {
  /** The owner of unclaimed fields (`defaultOwner`, else `salesforce`). */
  public readonly defaultOwner: string;
  /** Whether the policy states `defaultOwner` (an explicit decision for every unclaimed field). */
  public readonly defaultDeclared: boolean;
  private readonly systemsByKey = new Map<string, SystemInfo>();
  private readonly patterns: OwnsPattern[] = [];
  private readonly fields = new Map<string, CustomFieldModel>();
  private readonly owners = new Map<string, FieldOwner>();
  /** The same answers by the spelling asked for: rules ask millions of times, mostly with the model's spelling. */
  private readonly ownersAsWritten = new Map<string, FieldOwner>();
  private owned?: readonly FieldOwner[];
  private readonly overlapsByField = new Map<string, OwnershipOverlap>();
  private readonly policyPrincipals = new Map<string, { systems: string[]; line?: number; type: PrincipalLike['type']; name: string; listed: boolean }>();
  private readonly describedPrincipals = new Map<string, { system?: string; type: PrincipalLike['type']; name: string }>();
  private readonly writerSpecs: Array<{ system: string; type: string; regex: RegExp }> = [];
  private readonly flowNames: Set<string>;

  public constructor(
    private readonly model: MetadataModel,
    private readonly policy: LoadedPolicy,
  ) {
    const declared = policy.policy;
    this.defaultOwner = declared.defaultOwner ?? SALESFORCE;
    this.defaultDeclared = declared.defaultOwner !== undefined;
    this.flowNames = new Set(model.flows.map((flow) => flow.name.toLowerCase()));
    for (const object of model.objects) for (const field of object.fields) this.fields.set(field.fullName.toLowerCase(), field);
    for (const key of Object.keys(declared.systems ?? {}).sort(compare)) this.addPolicySystem(key);
    this.addDescribedSystems();
  }

  /** Every system: the policy's, then those only descriptions name; sorted by key. */
  public systems(): SystemInfo[] {
    return [...this.systemsByKey.values()].sort((a, b) => compare(a.key, b.key));
  }

  public system(key: string): SystemInfo | undefined {
    return this.systemsByKey.get(key.toLowerCase());
  }

  /** How a system reads in a report: its label, `Salesforce` for the default owner, else the key. */
  public labelOf(key: string): string {
    const system = this.system(key);
    if (system) return system.label;
    return sameKey(key, SALESFORCE) ? 'Salesforce' : (vocabularySystem(key.toLowerCase())?.label ?? key);
  }

  /** The owner of `Object.Field` (any field, also one the project does not define), and why. */
  public ownerOf(field: string): FieldOwner {
    const asWritten = this.ownersAsWritten.get(field);
    if (asWritten) return asWritten;
    const key = field.toLowerCase();
    let owner = this.owners.get(key);
    if (!owner) {
      owner = this.decide(field);
      this.owners.set(key, owner);
    }
    this.ownersAsWritten.set(field, owner);
    return owner;
  }

  /** Fields the project defines that a system other than the default owner owns, sorted. */
  public ownedFields(): readonly FieldOwner[] {
    this.owned ??= [...this.fields.values()].map((field) => this.ownerOf(field.fullName)).filter((owner) => owner.external).sort((a, b) => compare(a.field, b.field));
    return this.owned;
  }

  /** Fields whose description tag names another system than the policy's glob: the policy wins. */
  public disagreements(): FieldOwner[] {
    return [...this.fields.values()]
      .map((field) => this.ownerOf(field.fullName))
      .filter((owner) => owner.source === 'policy' && owner.tagSystem !== undefined && !sameKey(owner.tagSystem, owner.system))
      .sort((a, b) => compare(a.field, b.field));
  }

  /** Fields that globs of two systems claim equally specifically (the first system by key wins). */
  public overlaps(): OwnershipOverlap[] {
    for (const field of this.fields.values()) this.ownerOf(field.fullName);
    return [...this.overlapsByField.values()].sort((a, b) => compare(a.field, b.field));
  }

  /** The policy's `owns` globs, compiled, in policy order per system (systems by key). */
  public ownsPatterns(): readonly OwnsPattern[] {
    return this.patterns;
  }

  /** The systems a principal integrates: the policy's say, else its description's `Integration user:`. */
  public systemsOf(principal: PrincipalLike): string[] {
    const key = principalKey(principal);
    const declared = this.policyPrincipals.get(key);
    if (declared) return declared.systems;
    const described = this.describedPrincipals.get(key);
    return described?.system ? [described.system] : [];
  }

  /** Whether the policy or the principal's description makes it an integration principal. */
  public isIntegration(principal: PrincipalLike): boolean {
    const key = principalKey(principal);
    return this.policyPrincipals.has(key) || this.describedPrincipals.has(key);
  }

  /** Every integration principal, by system, type and name. */
  public integrationPrincipals(): IntegrationPrincipal[] {
    const list: IntegrationPrincipal[] = [];
    for (const entry of this.policyPrincipals.values()) {
      if (!entry.listed) continue;
      for (const system of entry.systems) list.push({ type: entry.type, name: entry.name, system, source: 'policy', ...(entry.line !== undefined ? { line: entry.line } : {}) });
    }
    for (const [key, entry] of this.describedPrincipals) {
      if (this.policyPrincipals.has(key)) continue;
      list.push({ type: entry.type, name: entry.name, ...(entry.system ? { system: entry.system } : {}), source: 'description' });
    }
    return list.sort((a, b) => compare(a.system ?? '~', b.system ?? '~') || compare(a.type, b.type) || compare(a.name, b.name));
  }

  /** Whether `automation` (with the write `edge`: its Apex path, subflows) is declared as `system`'s writer. */
  public isDeclaredWriter(system: string, automation: GraphNode, edge?: GraphEdge): boolean {
    return this.writerSystemsOf(automation, edge).some((candidate) => sameKey(candidate, system));
  }

  /** The systems whose `integration.automations` name this automation or anything on the write's path. */
  public writerSystemsOf(automation: GraphNode, edge?: GraphEdge): string[] {
    if (this.writerSpecs.length === 0) return [];
    const identities = this.identitiesOf(automation, edge);
    const systems = new Set<string>();
    for (const spec of this.writerSpecs) {
      if (identities.some((identity) => identity.type === spec.type && spec.regex.test(identity.name))) systems.add(spec.system);
    }
    return [...systems].sort(compare);
  }

  /** Resolves a name as written (a tag, a label) to a system key: policy systems, then the vocabulary. */
  public resolveSystemName(text: string): string | undefined {
    const wanted = normalize(text);
    if (wanted.length === 0) return undefined;
    for (const system of this.systemsByKey.values()) if (aliasesOf(system).includes(wanted)) return system.key;
    if (wanted === normalize(this.defaultOwner)) return this.defaultOwner;
    // A longer phrase (`SAP middleware`, `billing system sync`) that names a known system as a word.
    const words = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
    for (const system of this.systems()) {
      const first = firstWord(system.label);
      if (words.includes(system.key.toLowerCase()) || (first.length >= 3 && !GENERIC_WORDS.has(first) && words.includes(first))) return system.key;
    }
    const named = systemsNamedIn(text)[0];
    if (named) {
      const known = this.systems().find((system) => sameKey(system.key, named.key) || systemsNamedIn(system.label)[0]?.key === named.key);
      return known?.key ?? named.key;
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------

  private addPolicySystem(key: string): void {
    const declared = this.policy.policy.systems?.[key] ?? {};
    const integration = declared.integration ?? {};
    const info: SystemInfo = {
      key,
      label: declared.label ?? vocabularySystem(key.toLowerCase())?.label ?? key,
      declaredIn: 'policy',
      integration: {
        permissionSets: [...(integration.permissionSets ?? [])],
        profiles: [...(integration.profiles ?? [])],
        users: [...(integration.users ?? [])],
        automations: [...(integration.automations ?? [])],
      },
    };
    this.systemsByKey.set(key.toLowerCase(), info);
    (declared.owns ?? []).forEach((pattern, index) => {
      const path = ['systems', key, 'owns', index];
      this.patterns.push({ system: key, pattern, path, line: this.policy.lineOf(path), regex: globToRegExp(pattern), specificity: specificityOf(pattern) });
    });
    const principal = (type: PrincipalLike['type'], section: string, names: string[]): void =>
      names.forEach((name, index) => {
        // A permission set group may be listed with the permission sets: it is assigned the same way.
        const types: Array<PrincipalLike['type']> = type === 'PermissionSet' ? ['PermissionSet', 'PermissionSetGroup'] : [type];
        const listedAs = type === 'PermissionSet' && this.isGroupOnly(name) ? 'PermissionSetGroup' : type;
        for (const each of types) {
          const entryKey = principalKey({ type: each, name } as PrincipalLike);
          const entry = this.policyPrincipals.get(entryKey) ?? { systems: [], line: this.policy.lineOf(['systems', key, 'integration', section, index]), type: each, name, listed: each === listedAs };
          if (!entry.systems.includes(key)) entry.systems.push(key);
          this.policyPrincipals.set(entryKey, entry);
        }
      });
    principal('PermissionSet', 'permissionSets', info.integration.permissionSets);
    principal('Profile', 'profiles', info.integration.profiles);
    principal('User', 'users', info.integration.users);
    for (const spec of info.integration.automations) {
      const colon = spec.indexOf(':');
      if (colon <= 0) continue;
      this.writerSpecs.push({ system: key, type: automationType(spec.slice(0, colon)), regex: globToRegExp(spec.slice(colon + 1), true) });
    }
  }

  /** A name under `permissionSets` that only a permission set group of the project has. */
  private isGroupOnly(name: string): boolean {
    const lower = name.toLowerCase();
    return this.model.permissionSetGroups.some((group) => group.name.toLowerCase() === lower) && !this.model.permissionSets.some((set) => set.name.toLowerCase() === lower);
  }

  /** Systems that only field tags and integration-user descriptions name (no `systems` entry). */
  private addDescribedSystems(): void {
    const tagged = [...this.fields.values()].sort((a, b) => compare(a.fullName, b.fullName));
    for (const field of tagged) {
      const tag = sorTagOf(field.description);
      if (tag === undefined) continue;
      const key = this.resolveSystemName(tag) ?? slug(tag);
      if (key.length > 0 && !this.systemsByKey.has(key.toLowerCase()) && !sameKey(key, this.defaultOwner)) {
        this.systemsByKey.set(key.toLowerCase(), describedSystem(key, tag));
      }
    }
    const containers: Array<[PrincipalLike['type'], PermissionContainerModel | PermissionSetGroupModel]> = [
      ...this.model.permissionSets.map((set): [PrincipalLike['type'], PermissionContainerModel] => ['PermissionSet', set]),
      ...this.model.profiles.map((profile): [PrincipalLike['type'], PermissionContainerModel] => ['Profile', profile]),
      ...this.model.permissionSetGroups.map((group): [PrincipalLike['type'], PermissionSetGroupModel] => ['PermissionSetGroup', group]),
    ];
    for (const [type, container] of containers) {
      const match = INTEGRATION_TAG.exec(container.description ?? '');
      if (!match) continue;
      const said = match[1]!.trim();
      let system = this.resolveSystemName(said);
      if (system === undefined) {
        const named = systemsNamedIn(said)[0];
        if (named) system = named.key;
      }
      if (system !== undefined && !this.systemsByKey.has(system.toLowerCase()) && !sameKey(system, this.defaultOwner)) {
        this.systemsByKey.set(system.toLowerCase(), describedSystem(system, vocabularySystem(system)?.label ?? said));
      }
      this.describedPrincipals.set(principalKey({ type, name: container.name } as PrincipalLike), { type, name: container.name, ...(system ? { system } : {}) });
    }
  }

  private decide(written: string): FieldOwner {
    const model = this.fields.get(written.toLowerCase());
    const field = model?.fullName ?? written;
    const object = field.slice(0, Math.max(0, field.indexOf('.')));
    const tag = sorTagOf(model?.description);
    const tagSystem = tag !== undefined ? (this.resolveSystemName(tag) ?? slug(tag)) : undefined;
    const tagged = tag !== undefined ? { tag, tagSystem: tagSystem! } : {};
    const matches = this.patterns.filter((pattern) => pattern.regex.test(field));
    if (matches.length > 0) {
      const best = maxOf(matches.map((pattern) => pattern.specificity));
      const winners = matches.filter((pattern) => pattern.specificity === best);
      const chosen = winners[0]!;
      if (new Set(winners.map((pattern) => pattern.system.toLowerCase())).size > 1) this.overlapsByField.set(field.toLowerCase(), { field, patterns: winners });
      return {
        field,
        object,
        system: chosen.system,
        source: 'policy',
        pattern: chosen.pattern,
        policyPath: chosen.path,
        ...(chosen.line !== undefined ? { line: chosen.line } : {}),
        ...tagged,
        external: !sameKey(chosen.system, this.defaultOwner),
      };
    }
    if (tagSystem !== undefined) {
      return { field, object, system: tagSystem, source: 'description', ...tagged, external: !sameKey(tagSystem, this.defaultOwner) };
    }
    return { field, object, system: this.defaultOwner, source: 'default', external: false };
  }

  /** `Type:Name` identities of a write: the automation, and the flows and Apex classes on its path. */
  private identitiesOf(automation: GraphNode, edge: GraphEdge | undefined): Array<{ type: string; name: string }> {
    const list: Array<{ type: string; name: string }> = [];
    const name = automation.name;
    switch (automation.automationType) {
      case 'flow':
      case 'process-builder':
        list.push({ type: 'flow', name: name.split('/')[0]! });
        break;
      case 'apex-trigger':
        list.push({ type: 'apextrigger', name });
        break;
      case 'apex-method':
        appendAll(list, classesOf(name));
        break;
      case 'workflow-rule':
        list.push({ type: 'workflowrule', name });
        for (const update of this.fieldUpdatesOf(name, edge)) list.push({ type: 'workflowfieldupdate', name: update });
        break;
      case 'workflow-field-update':
        list.push({ type: 'workflowfieldupdate', name });
        break;
      default:
        break;
    }
    for (const step of edge?.path ?? []) {
      const bare = step.replace(/:\d+$/, '');
      if (this.flowNames.has(bare.toLowerCase())) list.push({ type: 'flow', name: bare });
      else if (bare.includes('.')) appendAll(list, classesOf(bare));
    }
    return list;
  }

  /** The field updates of a workflow rule that write the edge's fields (`Object.Update_Name`). */
  private fieldUpdatesOf(ruleName: string, edge: GraphEdge | undefined): string[] {
    const written = new Set((edge?.fields ?? []).map((field) => field.toLowerCase().split('.').pop()!));
    const names: string[] = [];
    for (const workflow of this.model.workflows) {
      const rule = workflow.rules.find((candidate) => candidate.fullName === ruleName);
      if (!rule) continue;
      for (const action of [...rule.actions, ...rule.timeTriggerActions]) {
        if (action.type.toLowerCase() !== 'fieldupdate') continue;
        const update = this.model.workflows.flatMap((each) => each.fieldUpdates).find((candidate) => candidate.object === rule.object && candidate.name === action.name);
        if (update && (written.size === 0 || written.has(update.field.toLowerCase()))) names.push(update.fullName);
      }
    }
    return names;
  }
}

/** The value of a `System of record: X` / `SoR: X` tag in a description. */
export function sorTagOf(description: string | undefined): string | undefined {
  const match = description ? SOR_TAG.exec(description) : null;
  const value = match?.[1]?.trim();
  return value && value.length > 0 ? value : undefined;
}

/** The value of an `Integration user: X` statement in a principal's description. */
export function integrationTagOf(description: string | undefined): string | undefined {
  const match = description ? INTEGRATION_TAG.exec(description) : null;
  const value = match?.[1]?.trim();
  return value && value.length > 0 ? value : undefined;
}

/**
 * A policy glob on `Object.Field` (or a name glob with `anyChar`): `*` is any run of characters but a
 * dot (any run at all in names), `?` one character; case-insensitive like Salesforce API names.
 */
export function globToRegExp(glob: string, anyChar = false): RegExp {
  const star = anyChar ? '.*' : '[^.]*';
  const one = anyChar ? '.' : '[^.]';
  const body = glob
    .trim()
    .split('')
    .map((char) => (char === '*' ? star : char === '?' ? one : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 'i');
}

export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function specificityOf(pattern: string): number {
  const literal = pattern.replace(/[*?]/g, '').length;
  return /[*?]/.test(pattern) ? literal : 10_000 + literal;
}

function automationType(type: string): string {
  const lower = type.trim().toLowerCase().replace(/[\s_-]+/g, '');
  return lower === 'processbuilder' ? 'flow' : lower;
}

function classesOf(step: string): Array<{ type: string; name: string }> {
  // `Outer.Inner.method` names both `Outer.Inner` and `Outer`.
  const parts = step.split('.').slice(0, -1);
  return parts.map((_part, index) => ({ type: 'apexclass', name: parts.slice(0, index + 1).join('.') }));
}

function principalKey(principal: PrincipalLike): string {
  return `${principal.type}:${principal.name}`.toLowerCase();
}

function describedSystem(key: string, label: string): SystemInfo {
  return { key, label, declaredIn: 'description', integration: { permissionSets: [], profiles: [], users: [], automations: [] } };
}

/** Every spelling of a system that a tag may use: key, label, label before `(`, the `(...)` part, first word. */
function aliasesOf(system: SystemInfo): string[] {
  const label = system.label;
  const paren = /\(([^)]+)\)/.exec(label)?.[1];
  return [system.key, label, label.replace(/\(.*\)/, ''), ...(paren ? [paren] : [])].map(normalize).filter((alias) => alias.length > 0);
}

function firstWord(label: string): string {
  return label.toLowerCase().split(/[^a-z0-9]+/).find(Boolean) ?? '';
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

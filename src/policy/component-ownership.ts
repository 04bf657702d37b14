/**
 * Who owns each component, and when it expires. Sources, in order (the first that has an answer wins,
 * for the owner and the expiry separately):
 * 1. the policy's `owners:` registry: the first entry whose `Type:NameGlob` matches and that sets the value;
 * 2. tags in the description: `Owner: <team or person>`, `Expires: YYYY-MM-DD` or `Review by: YYYY-MM-DD`;
 * 3. for custom fields, the native `businessOwnerGroup`, then `businessOwnerUser` (owner only).
 * A field whose `businessStatus` is DeprecateCandidate is `retiring`.
 * Apex, profiles, standard objects and standard fields are left out: they carry no description.
 */
import type { MetadataModel, SourceRef } from '../metadata/model.js';
import type { LoadedPolicy, OwnerEntry } from './policy.js';
import { compare } from '../shared/compare.js';

export const OWNERSHIP_TYPES = ['CustomField', 'CustomObject', 'Flow', 'PermissionSet', 'PermissionSetGroup', 'ValidationRule', 'WorkflowRule'] as const;
export type OwnershipType = (typeof OWNERSHIP_TYPES)[number];

export type OwnerSource = 'policy' | 'description' | 'businessOwnerGroup' | 'businessOwnerUser';
export type ExpirySource = 'policy' | 'description';

export type ComponentOwnership = {
  type: OwnershipType;
  /** API name; `Object.Name` for fields, validation rules and workflow rules. */
  name: string;
  file: string;
  line?: number;
  /** The object it belongs to (a flow's triggering object), when there is one. */
  object?: string;
  label?: string;
  description?: string;
  /** Custom fields: the objects a lookup or master-detail points at. */
  references?: string[];
  /** A Flow that is a Process Builder process (registry entries may say `ProcessBuilder:`). */
  processBuilder?: boolean;
  owner?: string;
  ownerSource?: OwnerSource;
  /** Where the owner was read: the policy entry's line, or the component's file. */
  ownerRef?: SourceRef;
  /** YYYY-MM-DD */
  expires?: string;
  expiresSource?: ExpirySource;
  /** `Expires` or `Review by`, when the date came from the description. */
  expiresTag?: string;
  expiresRef?: SourceRef;
  /** Marked DeprecateCandidate (`businessStatus`): scheduled to retire. */
  retiring?: boolean;
};

type Candidate = Omit<ComponentOwnership, 'owner' | 'ownerSource' | 'ownerRef' | 'expires' | 'expiresSource' | 'expiresTag' | 'expiresRef' | 'retiring'> & {
  ownerGroup?: string;
  ownerUser?: string;
  businessStatus?: string;
};

// Rules and the report section all ask for the same model and policy: resolve once.
const cache = new WeakMap<MetadataModel, WeakMap<LoadedPolicy, readonly ComponentOwnership[]>>();

/** Every component the ownership rules check, with its owner and expiry and where each came from; sorted by type, then name. */
export function resolveComponentOwnership(model: MetadataModel, policy: LoadedPolicy): readonly ComponentOwnership[] {
  let byPolicy = cache.get(model);
  if (!byPolicy) cache.set(model, (byPolicy = new WeakMap()));
  let resolved = byPolicy.get(policy);
  if (!resolved) {
    resolved = candidatesOf(model).map((candidate) => resolve(candidate, policy));
    byPolicy.set(policy, resolved);
  }
  return resolved;
}

function resolve(candidate: Candidate, policy: LoadedPolicy): ComponentOwnership {
  const { ownerGroup, ownerUser, businessStatus, ...component } = candidate;
  const here: SourceRef = { file: component.file, ...(component.line !== undefined ? { line: component.line } : {}) };
  const entries = policy.policy.owners ?? [];
  const entryRef = (index: number): SourceRef => {
    const line = policy.lineOf(['owners', index]);
    return { file: policy.file ?? 'arch-review.yml', ...(line !== undefined ? { line } : {}) };
  };
  const tags = parseOwnershipTags(component.description);
  const result: ComponentOwnership = { ...component };

  const ownerEntry = entries.findIndex((entry) => entry.owner?.trim() && entryMatches(entry, component));
  if (ownerEntry >= 0) {
    result.owner = entries[ownerEntry]!.owner!.trim();
    result.ownerSource = 'policy';
    result.ownerRef = entryRef(ownerEntry);
  } else {
    const [owner, ownerSource] = tags.owner ? [tags.owner, 'description' as const] : ownerGroup ? [ownerGroup, 'businessOwnerGroup' as const] : ownerUser ? [ownerUser, 'businessOwnerUser' as const] : [];
    if (owner && ownerSource) {
      result.owner = owner;
      result.ownerSource = ownerSource;
      result.ownerRef = here;
    }
  }

  const expiryEntry = entries.findIndex((entry) => entry.expires !== undefined && isIsoDate(entry.expires) && entryMatches(entry, component));
  if (expiryEntry >= 0) {
    result.expires = entries[expiryEntry]!.expires;
    result.expiresSource = 'policy';
    result.expiresRef = entryRef(expiryEntry);
  } else if (tags.expires) {
    result.expires = tags.expires;
    result.expiresSource = 'description';
    result.expiresTag = tags.expiresTag;
    result.expiresRef = here;
  }

  if (businessStatus?.toLowerCase() === 'deprecatecandidate') result.retiring = true;
  return result;
}

/** `Type:NameGlob` against a component: type and name compare case-insensitively, as Salesforce API names do. */
export function entryMatches(entry: Pick<OwnerEntry, 'match'>, component: Pick<ComponentOwnership, 'type' | 'name' | 'processBuilder'>): boolean {
  const colon = entry.match.indexOf(':');
  if (colon <= 0) return false;
  const type = entry.match.slice(0, colon).trim().toLowerCase();
  const typeMatches = type === component.type.toLowerCase() || (type === 'processbuilder' && component.processBuilder === true);
  return typeMatches && globMatches(entry.match.slice(colon + 1).trim(), component.name);
}

/** `*` is any run of characters, `?` one character; everything else is literal. */
export function globMatches(glob: string, name: string): boolean {
  const pattern = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`, 'i').test(name);
}

export type OwnershipTags = { owner?: string; expires?: string; expiresTag?: string };

// The owner runs to the end of its sentence (`. `), a `;`, a line end, or the next tag.
const OWNER_TAG = /\bowner\s*:\s*(.+?)(?=\.\s|\.$|;|,?\s*\b(?:expires|review by)\s*:|[\r\n]|$)/i;
const DATE_TAG = /\b(expires|review by)\s*:\s*(\d{4}-\d{2}-\d{2})(?!\d)/gi;

/**
 * The `Owner:` and `Expires:`/`Review by:` tags of a description, case-insensitive, anywhere in the text.
 * With several dates the earliest wins: the first deadline is the one that matters.
 */
export function parseOwnershipTags(description: string | undefined): OwnershipTags {
  if (!description) return {};
  const tags: OwnershipTags = {};
  const owner = OWNER_TAG.exec(description)?.[1]?.trim().replace(/[.,:;]+$/, '').trim();
  if (owner) tags.owner = owner;
  for (const match of description.matchAll(DATE_TAG)) {
    const date = match[2]!;
    if (!isIsoDate(date) || (tags.expires !== undefined && tags.expires <= date)) continue;
    tags.expires = date;
    tags.expiresTag = match[1]!.toLowerCase() === 'expires' ? 'Expires' : 'Review by';
  }
  return tags;
}

/** The description with its ownership tags taken out, so a team called `migration-team` does not make a component look temporary. */
export function withoutOwnershipTags(description: string | undefined): string {
  if (!description) return '';
  return description.replace(new RegExp(OWNER_TAG.source, 'gi'), ' ').replace(DATE_TAG, ' ');
}

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function candidatesOf(model: MetadataModel): Candidate[] {
  const list: Candidate[] = [];
  const add = (candidate: Candidate): void => {
    list.push(Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)) as Candidate);
  };
  for (const flow of model.flows) {
    add({ type: 'Flow', name: flow.name, ...at(flow.source), object: flow.trigger.object, label: flow.label, description: flow.description, processBuilder: flow.isProcessBuilder || undefined });
  }
  for (const object of model.objects) {
    if (object.custom && object.source) add({ type: 'CustomObject', name: object.name, ...at(object.source), object: object.name, label: object.label, description: object.description });
    for (const field of object.fields) {
      if (!field.custom) continue;
      add({
        type: 'CustomField',
        name: field.fullName,
        ...at(field.source),
        object: field.object,
        label: field.label,
        description: field.description,
        references: field.referenceTo.length > 0 ? [...field.referenceTo].sort() : undefined,
        ownerGroup: field.classification.businessOwnerGroup?.trim() || undefined,
        ownerUser: field.classification.businessOwnerUser?.trim() || undefined,
        businessStatus: field.classification.businessStatus,
      });
    }
    for (const rule of object.validationRules) add({ type: 'ValidationRule', name: rule.fullName, ...at(rule.source), object: rule.object, description: rule.description });
  }
  for (const workflow of model.workflows) {
    for (const rule of workflow.rules) add({ type: 'WorkflowRule', name: rule.fullName, ...at(rule.source), object: rule.object, description: rule.description });
  }
  for (const set of model.permissionSets) add({ type: 'PermissionSet', name: set.name, ...at(set.source), label: set.label, description: set.description });
  for (const group of model.permissionSetGroups) add({ type: 'PermissionSetGroup', name: group.name, ...at(group.source), label: group.label, description: group.description });
  return list.sort((a, b) => compare(a.type, b.type) || compare(a.name, b.name) || compare(a.file, b.file));
}

function at(source: SourceRef): { file: string; line?: number } {
  return { file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) };
}

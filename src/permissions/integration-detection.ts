/**
 * The one reading of "is this principal an integration's?", from the metadata alone. The permission
 * rules (integration-principals.ts) and `sf arch policy init` (policy/init/signals.ts) both ask it, so
 * a principal the review treats as an integration is the one the draft policy proposes, and the other
 * way round. Each caller words the signals for its reader (a finding's reasons, a YAML comment).
 *
 * Signals that decide alone: `ApiUserOnly`, an integration-only licence, the *Minimum Access - API Only
 * Integrations* profile, `Integration user: <system>` in the description, or an integration word (the
 * `terms` of src/rules/data/integration-vocabulary.json) in the name, label or description.
 *
 * Signals that only agree: an ambiguous word (`ambiguousTerms`: Service Cloud calls agents' profiles
 * "Service User" and "Service Agent", and they are people), and access to an external credential
 * principal (named credentials are also per-user). Two of those together make an integration; either
 * alone does not. The policy (`systems.<s>.integration`) decides above all of this, in the callers.
 */
import type { PermissionContainerModel, PermissionSetGroupModel } from '../metadata/model.js';
import { integrationTagOf } from '../policy/ownership.js';
import { ambiguousIntegrationTerms, integrationTerms } from './integration-vocabulary.js';

export type IntegrationSignal =
  | { kind: 'api-user-only' }
  | { kind: 'licence'; license: string; profile: boolean }
  | { kind: 'api-only-profile' }
  | { kind: 'integration-tag'; tag: string }
  | { kind: 'vocabulary'; where: 'name' | 'label' | 'description' | 'username'; terms: string[]; ambiguous: boolean }
  | { kind: 'external-credential'; principals: string[] };

export type IntegrationDetection = {
  integration: boolean;
  /** Every signal found, decisive or not, in a fixed order (the order reasons are shown in). */
  signals: IntegrationSignal[];
};

export const INTEGRATION_LICENSES: readonly string[] = ['salesforce integration', 'salesforce api integration'];
const API_ONLY_PROFILE = 'minimum access - api only integrations';

/** Whether the signal makes an integration on its own. */
export function isDecisive(signal: IntegrationSignal): boolean {
  if (signal.kind === 'vocabulary') return !signal.ambiguous;
  return signal.kind !== 'external-credential';
}

/** An integration when one signal decides, or when two signals that cannot decide alone agree. */
function decide(signals: IntegrationSignal[]): IntegrationDetection {
  const agreeing = new Set(signals.filter((signal) => !isDecisive(signal)).map((signal) => signal.kind));
  return { integration: signals.some(isDecisive) || agreeing.size >= 2, signals };
}

/** A profile, permission set, muting set or group: read once per model object (asked for every editor of every field). */
export function detectIntegration(container: PermissionContainerModel | PermissionSetGroupModel): IntegrationDetection {
  let detection = DETECTIONS.get(container);
  if (!detection) DETECTIONS.set(container, (detection = decide(containerSignals(container))));
  return detection;
}

const DETECTIONS = new WeakMap<PermissionContainerModel | PermissionSetGroupModel, IntegrationDetection>();

function containerSignals(container: PermissionContainerModel | PermissionSetGroupModel): IntegrationSignal[] {
  const signals: IntegrationSignal[] = [];
  if ('userPermissions' in container) {
    if (container.userPermissions.includes('ApiUserOnly')) signals.push({ kind: 'api-user-only' });
    if (container.license && INTEGRATION_LICENSES.includes(container.license.toLowerCase())) {
      signals.push({ kind: 'licence', license: container.license, profile: container.kind === 'Profile' });
    }
    if (container.kind === 'Profile' && container.name.toLowerCase() === API_ONLY_PROFILE) signals.push({ kind: 'api-only-profile' });
  }
  const tag = integrationTagOf(container.description);
  if (tag !== undefined) signals.push({ kind: 'integration-tag', tag });
  const name = vocabulary('name', container.name, []);
  const label = vocabulary('label', container.label, name);
  // The tag is the precise reading of the description: its word "integration" is not a second signal.
  const description = tag === undefined ? vocabulary('description', container.description, []) : [];
  for (const found of [name, label, description]) for (const signal of found) signals.push(signal);
  const principals = 'externalCredentialPrincipals' in container ? (container.externalCredentialPrincipals ?? []) : [];
  if (principals.length > 0) signals.push({ kind: 'external-credential', principals: [...principals] });
  return signals;
}

/** A username from `--assignments`: only words can say it is an integration's (its profile is asked separately). */
export function detectUsername(username: string): IntegrationDetection {
  return decide(vocabulary('username', username, []));
}

/** The decisive and the ambiguous terms in one text, less those already found in `seen` (a label repeating its name). */
function vocabulary(where: 'name' | 'label' | 'description' | 'username', text: string | undefined, seen: readonly IntegrationSignal[]): IntegrationSignal[] {
  const already = new Set(seen.flatMap((signal) => (signal.kind === 'vocabulary' ? signal.terms : [])));
  const signals: IntegrationSignal[] = [];
  const terms = integrationTerms(text).filter((term) => !already.has(term));
  if (terms.length > 0) signals.push({ kind: 'vocabulary', where, terms, ambiguous: false });
  const ambiguous = ambiguousIntegrationTerms(text).filter((term) => !already.has(term));
  if (ambiguous.length > 0) signals.push({ kind: 'vocabulary', where, terms: ambiguous, ambiguous: true });
  return signals;
}

/** A signal as a finding's reason: `has ApiUserOnly (API only user)`, `name matches "integration"`. */
export function reasonText(signal: IntegrationSignal): string {
  switch (signal.kind) {
    case 'api-user-only':
      return 'has ApiUserOnly (API only user)';
    case 'licence':
      return `${signal.profile ? 'user license' : 'licence'} ${signal.license}`;
    case 'api-only-profile':
      return 'the Minimum Access - API Only Integrations profile';
    case 'integration-tag':
      return `description says "Integration user: ${signal.tag}"`;
    case 'vocabulary':
      return `${signal.where} matches ${quoteList(signal.terms)}${signal.ambiguous ? ' (a Service Cloud term too: counted because another signal agrees)' : ''}`;
    case 'external-credential':
      return `has access to external credential principal${signal.principals.length === 1 ? '' : 's'} ${signal.principals.join(', ')}`;
  }
}

/** The reasons of an integration (empty when it is none: a lone ambiguous word is no reason). */
export function integrationReasons(detection: IntegrationDetection): string[] {
  return detection.integration ? detection.signals.map(reasonText) : [];
}

const quoteList = (terms: readonly string[]): string => terms.map((term) => `"${term}"`).join(', ');

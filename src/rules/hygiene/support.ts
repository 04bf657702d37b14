import { type ComponentOwnership, type OwnerSource, resolveComponentOwnership } from '../../policy/component-ownership.js';
import type { FindingComponent, FindingEvidence } from '../../review/finding.js';
import type { RuleContext } from '../rule.js';

/** The components the hygiene rules check; with `--object`, only those on the objects reviewed. */
export function componentsInScope(context: Pick<RuleContext, 'model' | 'policy' | 'objects'>): readonly ComponentOwnership[] {
  const all = resolveComponentOwnership(context.model, context.policy);
  return context.objects.length === 0 ? all : all.filter((component) => component.object !== undefined && context.objects.includes(component.object));
}

export function findingComponent(component: Pick<ComponentOwnership, 'type' | 'name' | 'file' | 'line'>): FindingComponent {
  return { type: component.type, name: component.name, file: component.file, ...(component.line !== undefined ? { line: component.line } : {}) };
}

/** `Flow Pilot_Case_Routing`, `Process Builder Contact_Defaults`. */
export function displayName(component: Pick<ComponentOwnership, 'type' | 'name' | 'processBuilder'>): string {
  return `${component.processBuilder ? 'Process Builder' : component.type} ${component.name}`;
}

export const OWNER_SOURCE_LABELS: Record<OwnerSource, string> = {
  policy: "the policy's owners registry",
  description: 'the description',
  businessOwnerGroup: 'businessOwnerGroup',
  businessOwnerUser: 'businessOwnerUser',
};

/** `owner marketing-ops (from the description)`, or `no owner`. */
export function ownerPhrase(component: Pick<ComponentOwnership, 'owner' | 'ownerSource'>): string {
  return component.owner ? `owner ${component.owner} (from ${OWNER_SOURCE_LABELS[component.ownerSource!]})` : 'no owner';
}

export function evidenceAt(text: string, ref: { file: string; line?: number } | undefined): FindingEvidence {
  return { text, ...(ref ? { file: ref.file, ...(ref.line !== undefined ? { line: ref.line } : {}) } : {}) };
}

const MAX_DESCRIPTION = 200;

/** The description as evidence (cut to 200 characters: the file has the rest), or that there is none. */
export function descriptionEvidence(component: Pick<ComponentOwnership, 'description' | 'file' | 'line'>): FindingEvidence {
  const text = component.description;
  if (!text) return evidenceAt('no description', component);
  return evidenceAt(`description: ${text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`}`, component);
}

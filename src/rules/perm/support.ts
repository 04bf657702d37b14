import type { MetadataModel, SourceRef } from '../../metadata/model.js';
import { sourceContainers } from '../../permissions/effective.js';
import type { IntegrationPrincipal } from '../../permissions/integration-principals.js';
import type { FindingComponent, FindingEvidence } from '../../review/finding.js';
import type { RuleContext } from '../rule.js';
import type { OwnershipPort } from './ownership-port.js';

/** `PermissionSet SAP_Integration (declared, SAP S/4HANA)`, as a finding message names a principal. */
export function principalTitle(principal: IntegrationPrincipal, ownership: OwnershipPort): string {
  return `${principal.type} ${principal.name} (${principal.origin}, ${principal.system ? ownership.labelOf(principal.system) : 'system unknown'})`;
}

/** The principal as a finding component: its file, or the policy / assignments file that names it. */
export function principalComponent(principal: IntegrationPrincipal, context: RuleContext): FindingComponent {
  const source = principal.source;
  return {
    type: principal.type,
    name: principal.name,
    file: source?.file ?? context.policy.file ?? '',
    ...(source?.line !== undefined ? { line: source.line } : {}),
  };
}

/** Where a container (`PermissionSet:X`) is defined, when the project has it. */
export function containerSource(container: string, model: MetadataModel): SourceRef | undefined {
  const colon = container.indexOf(':');
  const type = container.slice(0, colon);
  const name = container.slice(colon + 1);
  switch (type) {
    case 'Profile':
      return model.profiles.find((profile) => profile.name === name)?.source;
    case 'PermissionSet':
      return model.permissionSets.find((set) => set.name === name)?.source;
    case 'PermissionSetGroup':
      return model.permissionSetGroups.find((group) => group.name === name)?.source;
    case 'MutingPermissionSet':
      return model.mutingPermissionSets.find((set) => set.name === name)?.source;
    default:
      return undefined;
  }
}

/** The containers to fix, other than the principal itself, as components (deduplicated, in order). */
export function sourceComponents(sources: readonly string[], principal: IntegrationPrincipal, model: MetadataModel): FindingComponent[] {
  const seen = new Set<string>([principal.id]);
  const components: FindingComponent[] = [];
  for (const container of sources.flatMap(sourceContainers)) {
    if (seen.has(container)) continue;
    seen.add(container);
    const source = containerSource(container, model);
    const colon = container.indexOf(':');
    components.push({ type: container.slice(0, colon), name: container.slice(colon + 1), file: source?.file ?? '', ...(source?.line !== undefined ? { line: source.line } : {}) });
  }
  return components;
}

/** `PermissionSet SAP_Integration`, `PermissionSetGroup G > PermissionSet P`, joined with `; `. */
export function sourcesText(sources: readonly string[]): string {
  return sources.map((source) => sourceContainers(source).map((container) => container.replace(':', ' ')).join(' > ')).join('; ');
}

/** Evidence pointing at the container that grants it (the innermost one: that is the file to edit). */
export function grantEvidence(text: string, sources: readonly string[], model: MetadataModel): FindingEvidence {
  const innermost = sources[0] ? sourceContainers(sources[0]).at(-1) : undefined;
  const source = innermost ? containerSource(innermost, model) : undefined;
  return { text, ...(source ? { file: source.file, ...(source.line !== undefined ? { line: source.line } : {}) } : {}) };
}

/** `Subscription__c.MRR__c` → `Subscription__c`. */
export function objectOf(field: string): string {
  return field.slice(0, Math.max(0, field.indexOf('.')));
}

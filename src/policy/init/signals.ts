/**
 * What makes a principal or a field look integrated, read from the metadata alone. `sf arch policy init`
 * drafts systems from these signals, and `sor/unowned-integration-field` suggests owners with them.
 */
import type { CustomFieldModel, CustomObjectModel, PermissionContainerModel, PermissionSetGroupModel } from '../../metadata/model.js';
import type { PrincipalRef } from '../../permissions/grants.js';
import type { PermissionIndex } from '../../permissions/permission-index.js';
import { type FieldOwnership, integrationTagOf } from '../ownership.js';
import { mentionsIntegration, type NamedSystem, systemOfApiName, systemsNamedIn } from './vocabulary.js';

export type PrincipalSignals = {
  integration: boolean;
  /** The system it integrates, when its name, label or description names one. */
  system?: NamedSystem;
  /** Why it looks like an integration, for a comment or a finding. */
  evidence: string[];
};

const INTEGRATION_LICENSES = /^salesforce (api )?integration$/i;

/** An integration principal: `Integration user:` in its description, an integration licence, API-only, or its name says so. */
export function principalSignals(container: PermissionContainerModel | PermissionSetGroupModel): PrincipalSignals {
  const evidence: string[] = [];
  const tag = integrationTagOf(container.description);
  if (tag !== undefined) evidence.push(`description: "Integration user: ${tag}"`);
  const license = 'license' in container ? container.license : undefined;
  if (license && INTEGRATION_LICENSES.test(license)) evidence.push(`licence ${license}`);
  if ('userPermissions' in container && container.userPermissions.includes('ApiUserOnly')) evidence.push('ApiUserOnly');
  const spaced = container.name.replace(/_/g, ' ');
  if (evidence.length === 0 && (mentionsIntegration(spaced) || mentionsIntegration(container.label))) evidence.push(`name "${container.label ?? container.name}"`);
  const system = [tag, container.label, spaced, container.description].map((text) => systemsNamedIn(text)[0]).find((named) => named !== undefined);
  return { integration: evidence.length > 0, ...(system ? { system } : {}), evidence };
}

export type FieldSignals = {
  externalId: boolean;
  /** A system named by the field's API name prefix, label, description or help text. */
  named?: NamedSystem & { where: string };
  /** Integration principals (policy, description or the signals above) with edit access. */
  integrationEditors: Array<PrincipalRef & { system?: string }>;
};

/** Fields nobody can write (formulas, roll-ups, auto numbers) have no system of record to declare. */
export function isWritableField(field: CustomFieldModel): boolean {
  return field.formula === undefined && field.rollup === undefined && !/^(autonumber|summary|formula)$/i.test(field.type ?? '');
}

/** Objects whose fields are data a system could own (not events, settings, metadata types). */
export function holdsRecords(object: CustomObjectModel): boolean {
  return object.kind === 'standard' || object.kind === 'custom';
}

export function fieldSignals(field: CustomFieldModel, ownership: FieldOwnership, permissions: PermissionIndex): FieldSignals {
  const prefixed = systemOfApiName(field.name);
  const named: FieldSignals['named'] = prefixed
    ? { key: prefixed.key, label: prefixed.label, word: field.name, index: 0, where: 'API name' }
    : ([
        ['label', field.label],
        ['description', field.description],
        ['help text', field.inlineHelpText],
      ] as const)
        .map(([where, text]) => {
          const first = systemsNamedIn(text)[0];
          return first ? { ...first, where } : undefined;
        })
        .find((found) => found !== undefined);
  const integrationEditors = permissions
    .editorsOf(field.fullName)
    .filter((ref) => ownership.isIntegration(ref) || isIntegrationContainer(ref, permissions))
    .map((ref) => {
      const systems = ownership.systemsOf(ref);
      return { ...ref, ...(systems[0] ? { system: systems[0] } : {}) };
    });
  return { externalId: field.externalId, ...(named ? { named } : {}), integrationEditors };
}

function isIntegrationContainer(ref: PrincipalRef, permissions: PermissionIndex): boolean {
  const container = permissions.container(ref);
  return container !== undefined && principalSignals(container).integration;
}

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
  let signals = SIGNALS.get(container);
  if (!signals) SIGNALS.set(container, (signals = readPrincipalSignals(container)));
  return signals;
}

/** Asked for every editor of every field: a principal's signals are read once. */
const SIGNALS = new WeakMap<PermissionContainerModel | PermissionSetGroupModel, PrincipalSignals>();

function readPrincipalSignals(container: PermissionContainerModel | PermissionSetGroupModel): PrincipalSignals {
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
  const integrationEditors: FieldSignals['integrationEditors'] = [];
  for (const ref of permissions.editorsOf(field.fullName)) {
    const editor = integrationEditor(ref, ownership, permissions);
    if (editor) integrationEditors.push(editor);
  }
  return { externalId: field.externalId, ...(named ? { named } : {}), integrationEditors };
}

/**
 * The editor as an integration (with its system), or null. Asked for every editor of every field
 * (profiles edit tens of thousands): answered once per principal, whose refs the index shares.
 */
function integrationEditor(ref: PrincipalRef, ownership: FieldOwnership, permissions: PermissionIndex): FieldSignals['integrationEditors'][number] | null {
  let byRef = EDITORS.get(ownership);
  if (!byRef) EDITORS.set(ownership, (byRef = new WeakMap()));
  let editor = byRef.get(ref);
  if (editor === undefined) {
    const integration = ownership.isIntegration(ref) || isIntegrationContainer(ref, permissions);
    const system = integration ? ownership.systemsOf(ref)[0] : undefined;
    editor = integration ? { ...ref, ...(system ? { system } : {}) } : null;
    byRef.set(ref, editor);
  }
  return editor;
}

const EDITORS = new WeakMap<FieldOwnership, WeakMap<PrincipalRef, FieldSignals['integrationEditors'][number] | null>>();

function isIntegrationContainer(ref: PrincipalRef, permissions: PermissionIndex): boolean {
  const container = permissions.container(ref);
  return container !== undefined && principalSignals(container).integration;
}

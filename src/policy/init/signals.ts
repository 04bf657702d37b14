/**
 * What makes a principal or a field look integrated, read from the metadata alone. `sf arch policy init`
 * drafts systems from these signals, and `sor/unowned-integration-field` suggests owners with them.
 */
import type { CustomFieldModel, CustomObjectModel, PermissionContainerModel, PermissionSetGroupModel } from '../../metadata/model.js';
import type { PrincipalRef } from '../../permissions/grants.js';
import { detectIntegration, type IntegrationSignal } from '../../permissions/integration-detection.js';
import type { PermissionIndex } from '../../permissions/permission-index.js';
import { type FieldOwnership, integrationTagOf } from '../ownership.js';
import { type NamedSystem, systemOfApiName, systemsNamedIn } from './vocabulary.js';

export type PrincipalSignals = {
  integration: boolean;
  /** The system it integrates, when its name, label or description names one. */
  system?: NamedSystem;
  /** Why it looks like an integration, for a comment or a finding. */
  evidence: string[];
};

/**
 * An integration principal, as the review's permission rules see it (permissions/integration-detection.ts:
 * one detection for both, so a Service Cloud "Service User" profile is proposed by neither).
 */
export function principalSignals(container: PermissionContainerModel | PermissionSetGroupModel): PrincipalSignals {
  let signals = SIGNALS.get(container);
  if (!signals) SIGNALS.set(container, (signals = readPrincipalSignals(container)));
  return signals;
}

/** Asked for every editor of every field: a principal's signals are read once. */
const SIGNALS = new WeakMap<PermissionContainerModel | PermissionSetGroupModel, PrincipalSignals>();

function readPrincipalSignals(container: PermissionContainerModel | PermissionSetGroupModel): PrincipalSignals {
  const detection = detectIntegration(container);
  const tag = integrationTagOf(container.description);
  const spaced = container.name.replace(/_/g, ' ');
  const system = [tag, container.label, spaced, container.description].map((text) => systemsNamedIn(text)[0]).find((named) => named !== undefined);
  return { integration: detection.integration, ...(system ? { system } : {}), evidence: detection.integration ? evidenceOf(detection.signals, container) : [] };
}

/**
 * The signals as a YAML comment reads them. Words are shown only when nothing firmer speaks (the name is
 * in the comment's line already): `description: "Integration user: SAP"; licence Salesforce Integration`.
 */
function evidenceOf(signals: readonly IntegrationSignal[], container: { name: string; label?: string }): string[] {
  const firm = signals.flatMap((signal): string[] => {
    switch (signal.kind) {
      case 'integration-tag':
        return [`description: "Integration user: ${signal.tag}"`];
      case 'licence':
        return [`licence ${signal.license}`];
      case 'api-user-only':
        return ['ApiUserOnly'];
      case 'api-only-profile':
        return ['the Minimum Access - API Only Integrations profile'];
      case 'external-credential':
        return [`external credential principal ${signal.principals.join(', ')}`];
      default:
        return [];
    }
  });
  // The old draft's order: the tag, then the licence, then ApiUserOnly.
  const order = (text: string): number => (text.startsWith('description') ? 0 : text.startsWith('licence') ? 1 : text === 'ApiUserOnly' ? 2 : 3);
  firm.sort((a, b) => order(a) - order(b));
  if (firm.some((text) => !text.startsWith('external'))) return firm;
  const words = signals.flatMap((signal) => (signal.kind === 'vocabulary' ? signal.terms : []));
  const named = signals.some((signal) => signal.kind === 'vocabulary' && (signal.where === 'name' || signal.where === 'label'));
  return [...firm, named ? `name "${container.label ?? container.name}"` : `description mentions ${words.map((word) => `"${word}"`).join(', ')}`];
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

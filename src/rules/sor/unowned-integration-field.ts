import type { CustomFieldModel, MetadataModel } from '../../metadata/model.js';
import { type FieldSignals, fieldSignals, holdsRecords, isWritableField } from '../../policy/init/signals.js';
import { type FieldOwnership, resolveFieldOwnership } from '../../policy/ownership.js';
import type { FindingEvidence } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { fieldComponent } from './support/describe.js';

const id = 'sor/unowned-integration-field';

/**
 * A writable field that looks integrated but whose owner nobody declared: no policy glob, no
 * `System of record:` tag. Looking integrated takes two of: an external ID, a system named by its name,
 * label, description or help text, edit access for an integration principal. Once the policy states
 * `defaultOwner`, that is a declaration for every unclaimed field; only the clearest case is still
 * reported then: an external ID (upsert key) an integration principal can edit.
 */
export const unownedIntegrationField: Rule = {
  meta: {
    id,
    category: 'sor',
    defaultSeverity: 'info',
    description: 'A field looks integrated (external ID, names a system, edited by an integration) but has no declared system of record.',
    docs: docsPath(id),
    reads: ['CustomField', 'CustomObject', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run({ model, policy, permissions, objects }) {
    const ownership = resolveFieldOwnership(model, policy);
    const findings: RuleFinding[] = [];
    for (const object of model.objects) {
      if (!holdsRecords(object) || (objects.length > 0 && !objects.includes(object.name))) continue;
      for (const field of object.fields) {
        if (!isWritableField(field) || ownership.ownerOf(field.fullName).source !== 'default') continue;
        const signals = fieldSignals(field, ownership, permissions);
        const editable = signals.integrationEditors.length > 0;
        const count = Number(signals.externalId) + Number(signals.named !== undefined) + Number(editable);
        const reported = ownership.defaultDeclared ? signals.externalId && editable : count >= 2;
        if (reported) findings.push(finding(field, signals, ownership, model));
      }
    }
    return findings;
  },
};

function finding(field: CustomFieldModel, signals: FieldSignals, ownership: FieldOwnership, model: MetadataModel): RuleFinding {
  const evidence: FindingEvidence[] = [];
  const reasons: string[] = [];
  if (signals.externalId) {
    reasons.push('an external ID');
    evidence.push({ text: `${field.fullName} is an external ID${field.unique ? ' (unique)' : ''}`, file: field.source.file, ...(field.source.line !== undefined ? { line: field.source.line } : {}) });
  }
  if (signals.named) {
    reasons.push(`its ${signals.named.where} names ${signals.named.label}`);
    evidence.push({ text: `${signals.named.where} names ${signals.named.label} ("${signals.named.word}")`, file: field.source.file });
  }
  for (const editor of signals.integrationEditors) {
    const file = editorFile(editor, model);
    evidence.push({ text: `${editor.type} ${editor.name}${editor.system ? ` (${ownership.labelOf(editor.system)} integration)` : ' (integration)'} can edit ${field.fullName}`, ...(file ? { file } : {}) });
  }
  if (signals.integrationEditors.length > 0) reasons.push(`${signals.integrationEditors.map((editor) => `${editor.type} ${editor.name}`).join(', ')} can edit it`);
  const suggested = suggestOwner(signals, ownership);
  const advice = suggested
    ? `Suggested owner: ${ownership.labelOf(suggested)}: add "${field.fullName}" to systems.${suggested}.owns in the policy, or "System of record: ${ownership.labelOf(suggested)}" to the field description.`
    : `Name its owner: add it to a system's owns in the policy, or "System of record: <system>" to the field description (or confirm ${ownership.labelOf(ownership.defaultOwner)} owns it with defaultOwner).`;
  return {
    severity: 'info',
    message: `${field.fullName} looks integrated (${reasons.join('; ')}) but no system of record is declared for it. ${advice}`,
    object: field.object,
    components: [fieldComponent(field.fullName, model)],
    evidence,
    identity: [field.fullName.toLowerCase()],
  };
}

/** The system its text names, else the one system whose integration can edit it. */
function suggestOwner(signals: FieldSignals, ownership: FieldOwnership): string | undefined {
  if (signals.named) return ownership.resolveSystemName(signals.named.label) ?? signals.named.key;
  const systems = [...new Set(signals.integrationEditors.map((editor) => editor.system).filter((system): system is string => system !== undefined))];
  return systems.length === 1 ? systems[0] : undefined;
}

function editorFile(editor: { type: string; name: string }, model: MetadataModel): string | undefined {
  const list = editor.type === 'Profile' ? model.profiles : editor.type === 'PermissionSetGroup' ? model.permissionSetGroups : model.permissionSets;
  return list.find((container) => container.name === editor.name)?.source.file;
}

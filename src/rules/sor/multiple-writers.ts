import type { FindingComponent } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { componentOf } from '../support/hops.js';
import { editorComponent, editorText, fieldComponent, firesOnEvidence, ownerEvidence, writeEvidence } from './support/describe.js';
import { type FieldWriters, fieldsWithVerdict } from './support/field-writers.js';

const id = 'sor/multiple-writers';

/**
 * A field written by two or more systems: automation writing for one system (Salesforce's own, or one
 * the policy declares) while the owner writes it too (its integration principal can edit it, or automation
 * declared for it writes it). The last writer wins. Two integrations that can merely edit a field, with no
 * automation involved, are `perm/integration-field-scope`'s business, not this rule's.
 */
export const multipleWriters: Rule = {
  meta: {
    id,
    category: 'sor',
    defaultSeverity: 'high',
    description: 'A field has writers from two or more systems: the last writer wins.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const { model, policy } = context;
    const { ownership, entries } = fieldsWithVerdict(context, id);
    const findings: RuleFinding[] = [];
    for (const entry of entries) {
      const { owner } = entry;
      const bySystem = writersBySystem(entry, (system) => ownership.labelOf(system));
      const ownerLabel = ownership.labelOf(owner.system);
      findings.push({
        severity: 'high',
        message:
          `${owner.field}, owned by ${ownerLabel}, has writers from ${bySystem.length} systems: ` +
          `${bySystem.map(({ label, writers }) => `${label} (${writers.join(', ')})`).join('; ')}. ` +
          `Whichever writes last wins, so ${ownerLabel}'s value can be silently replaced.`,
        object: owner.object,
        components: uniqueComponents([
          fieldComponent(owner.field, model),
          ...entry.foreign.map((write) => componentOf(write.automation)),
          ...entry.writes.filter((write) => !entry.foreign.includes(write)).map((write) => componentOf(write.automation)),
          ...entry.editors.map(editorComponent),
        ]),
        evidence: [
          ...entry.writes.map((write) => writeEvidence(write, owner.field)),
          ...entry.editors.map((editor) => ({ text: editorText(editor, owner.field, ownership), ...(editor.file ? { file: editor.file } : {}) })),
          ...firesOnEvidence(entry.foreign),
          ownerEvidence(owner, ownership, policy, model),
        ],
        identity: [owner.field.toLowerCase()],
      });
    }
    return findings;
  },
};

/** Every writer, grouped by the system it writes for; the owner first, then by label. */
function writersBySystem(entry: FieldWriters, labelOf: (system: string) => string): Array<{ label: string; writers: string[] }> {
  const groups = new Map<string, Set<string>>();
  const add = (system: string, writer: string): void => {
    const key = system.toLowerCase();
    groups.set(key, (groups.get(key) ?? new Set()).add(writer));
  };
  for (const write of entry.writes) add(write.system, `${componentOf(write.automation).type} ${write.automation.name} ${write.edge.inMemory ? 'assigns' : `${write.edge.operation ?? 'write'}s`} it`);
  for (const editor of entry.editors) for (const system of editor.systems.length > 0 ? editor.systems : ['integration']) add(system, `${editor.ref.type} ${editor.ref.name} can edit it`);
  const owner = entry.owner.system.toLowerCase();
  return [...groups.entries()]
    .map(([system, writers]) => ({ system, label: labelOf(system), writers: [...writers].sort() }))
    .sort((a, b) => Number(b.system === owner) - Number(a.system === owner) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function uniqueComponents(list: FindingComponent[]): FindingComponent[] {
  const seen = new Set<string>();
  return list.filter((component) => {
    const key = `${component.type}:${component.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

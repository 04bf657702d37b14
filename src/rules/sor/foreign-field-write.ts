import { sameKey } from '../../policy/ownership.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';
import { componentOf } from '../support/hops.js';
import { editorText, fieldComponent, firesOnEvidence, listOf, ownerEvidence, writeEvidence } from './support/describe.js';
import { fieldsWithVerdict } from './support/field-writers.js';

const id = 'sor/foreign-field-write';

/**
 * Automation not declared as the owner's writer writes a field another system owns, and the owner
 * cannot answer (its integration cannot edit the field): the field has been taken over. One finding per
 * field; critical when a writer runs on every save. When the owner's integration can edit the field too,
 * `sor/multiple-writers` reports it instead.
 */
export const foreignFieldWrite: Rule = {
  meta: {
    id,
    category: 'sor',
    defaultSeverity: 'high',
    description: 'An automation writes a field that another system owns, and the owning system cannot write it back.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run(context) {
    const { model, policy } = context;
    const { ownership, entries } = fieldsWithVerdict(context, id);
    const findings: RuleFinding[] = [];
    for (const entry of entries) {
      const { owner, foreign } = entry;
      const everySave = foreign.filter((write) => write.everySave);
      const onEverySave = new Set(everySave.map((write) => write.automation.id));
      const ownerLabel = ownership.labelOf(owner.system);
      // The writers that run on every save first: they decide the severity.
      const writers = [...new Map(foreign.map((write) => [write.automation.id, write.automation])).values()].sort(
        (a, b) => Number(onEverySave.has(b.id)) - Number(onEverySave.has(a.id)),
      );
      const who = listOf(writers.map((node) => `${componentOf(node).type} ${node.name}`));
      const takers = [...new Set(foreign.map((write) => write.system.toLowerCase()))];
      const taker = takers.length === 1 ? ownership.labelOf(takers[0]!) : 'several systems';
      const first = everySave[0];
      const when = first ? `on every ${first.automation.object ?? owner.object} save (${first.edge.inMemory ? 'before-save' : 'record-triggered'}, no entry criteria)` : 'when it runs';
      const others = entry.editors.filter((editor) => !editor.systems.some((system) => sameKey(system, owner.system)));
      findings.push({
        severity: first ? 'critical' : 'high',
        message:
          `${who} ${writers.length > 1 ? 'write' : 'writes'} ${owner.field}, which ${ownerLabel} owns, ${when}. ` +
          `No integration principal of ${ownerLabel} can edit the field, so ${taker} has taken over the field: ` +
          `${ownerLabel}'s value is overwritten and never written back.` +
          (others.length > 0 ? ` ${others.map((editor) => editorText(editor, owner.field, ownership)).join('; ')}.` : ''),
        object: owner.object,
        components: [...writers.map(componentOf), fieldComponent(owner.field, model)],
        evidence: [
          ...foreign.map((write) => writeEvidence(write, owner.field)),
          ...firesOnEvidence(foreign),
          ownerEvidence(owner, ownership, policy, model),
        ],
        identity: [owner.field.toLowerCase()],
      });
    }
    return findings;
  },
};

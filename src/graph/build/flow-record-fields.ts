/** Which fields a flow's record write saves when its element lists none: the ones assigned to the record it saves. */
import type { FlowElement, FlowModel } from '../../metadata/model.js';

/**
 * The variables whose field assignments a write of `reference` saves: the reference itself (and `$Record`
 * for the triggering record), and every record added to it when it is a collection (`Add` in an Assignment,
 * as loops build the list they update), followed through collections added to collections.
 */
export function recordVariables(flow: FlowModel, reference: string, triggeringRecord: boolean): string[] {
  const found = new Set<string>([stripBraces(reference).toLowerCase(), ...(triggeringRecord ? ['$record'] : [])]);
  const queue = [...found];
  const added = flow.elements.flatMap((element) => (element.kind === 'assignment' ? (element.assignments ?? []) : [])).filter((item) => /^add$/i.test(item.operator) && item.value !== undefined);
  for (let index = 0; index < queue.length; index++) {
    for (const item of added) {
      if (stripBraces(item.target).toLowerCase() !== queue[index]) continue;
      const variable = stripBraces(item.value!).toLowerCase();
      if (variable === '' || variable.includes('.') || found.has(variable)) continue;
      found.add(variable);
      queue.push(variable);
    }
  }
  return [...found];
}

function stripBraces(reference: string): string {
  const trimmed = reference.trim();
  return trimmed.startsWith('{!') && trimmed.endsWith('}') ? trimmed.slice(2, -1).trim() : trimmed;
}

/** Fields assigned to `<reference>.Field` by assignment elements, for references that stand for the record. */
export function recordAssignedFields(flow: FlowModel, references: string[]): string[] {
  return flow.elements.filter((element) => element.kind === 'assignment').flatMap((element) => recordFieldsOf(element, references));
}

export function recordFieldsOf(element: FlowElement, references: string[]): string[] {
  const wanted = new Set(references.map((reference) => reference.toLowerCase()));
  const fields: string[] = [];
  for (const item of element.assignments ?? []) {
    const target = item.target.trim();
    const dot = target.indexOf('.');
    if (dot <= 0) continue;
    const base = target.slice(0, dot);
    const field = target.slice(dot + 1);
    // `$Record.Account.Name` changes the related record in memory only; it is never saved.
    if (wanted.has(base.toLowerCase()) && field !== '' && !field.includes('.')) fields.push(field);
  }
  return fields;
}

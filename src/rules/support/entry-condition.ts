import { extractFormulaReferences } from '../../metadata/formula.js';
import type { MetadataModel } from '../../metadata/model.js';
import type { GraphNode } from '../../graph/types.js';

/**
 * What must be true for an automation to start, as far as recursion is concerned: does it run only
 * when the record changes (so a re-save that does not change those fields cannot start it again), and
 * which fields its entry criteria look at.
 */
export type EntryCondition = {
  /** Runs only when the record changes to meet its criteria, or only when named fields change. */
  changeOnly: boolean;
  /** `Object.Field` the criteria read (for change-only criteria: the fields whose change starts it). */
  fields: string[];
  /** Has entry criteria of any kind. */
  hasCriteria: boolean;
  /** How the criteria read, for the finding's reason. */
  description?: string;
};

const NONE: EntryCondition = { changeOnly: false, fields: [], hasCriteria: false };

export function entryCondition(automation: GraphNode, model: MetadataModel): EntryCondition {
  if (automation.automationType === 'flow' || automation.automationType === 'process-builder') {
    const flow = model.flows.find((candidate) => candidate.name === automation.name);
    const trigger = flow?.trigger;
    if (!trigger?.object) return NONE;
    const object = trigger.object;
    const fields = new Set<string>();
    let changeOnly = trigger.requiresRecordChanged;
    for (const filter of trigger.filters) {
      fields.add(`${object}.${filter.field}`);
      if (/^ischanged$/i.test(filter.operator)) changeOnly = true;
    }
    if (trigger.filterFormula) {
      const references = extractFormulaReferences(trigger.filterFormula);
      if (references.functions.includes('ISCHANGED')) changeOnly = true;
      for (const global of references.globals) {
        const match = /^\$Record\.([A-Za-z0-9_]+)$/i.exec(global);
        if (match) fields.add(`${object}.${match[1]}`);
      }
    }
    const hasCriteria = trigger.filters.length > 0 || Boolean(trigger.filterFormula);
    const parts = [
      ...(trigger.filters.length > 0 ? [trigger.filters.map((filter) => `${filter.field} ${filter.operator}${filter.value !== undefined ? ` ${filter.value}` : ''}`).join(trigger.filterLogic && trigger.filterLogic !== 'and' ? ` ${trigger.filterLogic} ` : ' AND ')] : []),
      ...(trigger.filterFormula ? [trigger.filterFormula] : []),
      ...(trigger.requiresRecordChanged ? ['only when the record changes to meet the criteria'] : []),
    ];
    return { changeOnly, fields: [...fields].sort(), hasCriteria, ...(parts.length > 0 ? { description: parts.join('; ') } : {}) };
  }
  if (automation.automationType === 'workflow-rule') {
    const rule = model.workflows.flatMap((workflow) => workflow.rules).find((candidate) => candidate.fullName === automation.name);
    if (!rule) return NONE;
    const fields = new Set<string>(rule.criteriaItems.map((item) => item.field.includes('.') ? item.field : `${rule.object}.${item.field}`));
    if (rule.formula) for (const field of extractFormulaReferences(rule.formula).fields) fields.add(field.includes('.') ? field : `${rule.object}.${field}`);
    const changeOnly = rule.triggerType === 'onCreateOrTriggeringUpdate' || rule.triggerType === 'onCreateOnly' || /ISCHANGED\s*\(/i.test(rule.formula ?? '');
    return { changeOnly, fields: [...fields].sort(), hasCriteria: fields.size > 0, description: `workflow ${rule.triggerType ?? ''}`.trim() };
  }
  return NONE;
}

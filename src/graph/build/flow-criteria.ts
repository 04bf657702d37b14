/** Flow criteria and schedules as a reviewer reads them (shared with workflow rules). */
import type { FlowFilter, FlowModel, FlowScheduledPath } from '../../metadata/model.js';

const FLOW_OPERATORS: Record<string, string> = {
  equalto: '=',
  notequalto: '!=',
  greaterthan: '>',
  greaterthanorequalto: '>=',
  lessthan: '<',
  lessthanorequalto: '<=',
  contains: 'contains',
  startswith: 'starts with',
  endswith: 'ends with',
  in: 'in',
  notin: 'not in',
};

/** One flow filter as `Field op value` (`Status__c != 'Closed'`, `Amount is changed`). */
export function renderFlowFilter(filter: FlowFilter): string {
  const operator = filter.operator.toLowerCase();
  const truthy = (filter.value ?? 'true').toLowerCase() !== 'false';
  if (operator === 'isnull') return `${filter.field} ${truthy ? 'is null' : 'is not null'}`;
  if (operator === 'isblank') return `${filter.field} ${truthy ? 'is blank' : 'is not blank'}`;
  if (operator === 'ischanged') return `${filter.field} ${truthy ? 'is changed' : 'is not changed'}`;
  if (operator === 'wasset') return `${filter.field} ${truthy ? 'was set' : 'was not set'}`;
  return `${filter.field} ${FLOW_OPERATORS[operator] ?? filter.operator} ${renderValue(filter.value)}`;
}

/** A value as a reviewer reads it: references and numbers/booleans as written, text quoted, blank as null. */
export function renderValue(value: string | undefined): string {
  if (value === undefined || value === '') return 'null';
  if (/^\{!.*\}$/.test(value) || /^-?\d+(\.\d+)?$/.test(value) || /^(true|false)$/i.test(value)) return value;
  return `'${value}'`;
}

/**
 * Conditions joined by their logic: `and`/absent → AND, `or` → OR, custom logic (`1 AND (2 OR 3)`)
 * with each number replaced by its condition. Undefined when there are no conditions.
 */
export function renderLogic(conditions: string[], logic: string | undefined): string | undefined {
  if (conditions.length === 0) return undefined;
  const lower = (logic ?? 'and').trim().toLowerCase();
  if (lower === 'and' || lower === '' || lower === 'formula') return conditions.join(' AND ');
  if (lower === 'or') return conditions.join(' OR ');
  return logic!
    .replace(/\band\b/gi, 'AND')
    .replace(/\bor\b/gi, 'OR')
    .replace(/\bnot\b/gi, 'NOT')
    .replace(/\d+/g, (number) => conditions[Number(number) - 1] ?? number);
}

/** A record trigger's entry criteria: filters with their logic, the filter formula, and the "changes to meet" rule. */
export function renderFlowCriteria(trigger: FlowModel['trigger']): string | undefined {
  const parts: string[] = [];
  const filters = renderLogic(trigger.filters.map(renderFlowFilter), trigger.filterLogic);
  if (filters !== undefined) parts.push(filters);
  if (trigger.filterFormula !== undefined) parts.push(trigger.filterFormula.trim());
  if (parts.length === 0) return undefined;
  const text = parts.length === 1 ? parts[0]! : parts.map((part) => `(${part})`).join(' AND ');
  return trigger.requiresRecordChanged ? `${text} (only when the record changes to meet the criteria)` : text;
}

/** When a scheduled path runs, relative to the triggering change or a date field. */
export function scheduledPathNote(path: FlowScheduledPath): string {
  if (path.pathType === 'AsyncAfterCommit') return 'run asynchronously';
  const number = path.offsetNumber ?? 0;
  const unit = path.offsetUnit ?? '';
  const anchor = path.recordField ?? (path.timeSource === 'RecordTriggerEvent' || path.timeSource === undefined ? 'the triggering change' : path.timeSource);
  return `${Math.abs(number)} ${unit} ${number < 0 ? 'before' : 'after'} ${anchor}`.replace(/\s+/g, ' ');
}

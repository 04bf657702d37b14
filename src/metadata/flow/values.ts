/**
 * Reading Flow `value`-shaped elements (`<value><stringValue>…</stringValue></value>`) and filters.
 * A value is kept as written: element references as `{!ref}`, literals as their text.
 */
import type { FlowFilter } from '../model.js';
import { children, obj, text } from '../xml.js';

/** The literal value kinds Flow metadata writes, in the order we look for them. */
const LITERAL_KEYS = ['stringValue', 'numberValue', 'booleanValue', 'dateValue', 'dateTimeValue'] as const;

/**
 * The value of a Flow `value` element: `{!ref}` for `elementReference`, the literal text for
 * string/number/boolean/date/dateTime values, else the text of whatever value kind it holds
 * (apexValue, formulaExpression, ...). Undefined when there is nothing to read.
 */
export function flowValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const direct = typeof value === 'string' ? value : undefined;
  if (direct !== undefined) return direct;
  const node = obj(value);
  const reference = text(node['elementReference']);
  if (reference !== undefined && reference !== '') return `{!${reference}}`;
  for (const key of LITERAL_KEYS) {
    const literal = text(node[key]);
    if (literal !== undefined) return literal;
  }
  for (const [key, inner] of Object.entries(node)) {
    if (key === 'processMetadataValues' || key.startsWith('@_')) continue;
    const literal = text(inner);
    if (literal !== undefined) return literal;
  }
  return undefined;
}

/** `<filters>` of a start element or a record element. */
export function readFilters(value: unknown): FlowFilter[] {
  return children(value).map((filter) => {
    const result: FlowFilter = { field: text(filter['field']) ?? '', operator: text(filter['operator']) ?? '' };
    const filterValue = flowValue(filter['value']);
    if (filterValue !== undefined) result.value = filterValue;
    return result;
  });
}

/** The `targetReference` of a connector element, or undefined when it has none. */
export function connectorTarget(value: unknown): string | undefined {
  const target = text(obj(value)['targetReference']);
  return target === undefined || target === '' ? undefined : target;
}

/** Text of a child element, undefined when absent or empty. */
export function optionalText(node: Record<string, unknown>, key: string): string | undefined {
  const value = text(node[key]);
  return value === undefined || value === '' ? undefined : value;
}

/** Whether `filters` hold `Id EqualTo {!<reference>}` for one of the given references (case-insensitive). */
export function hasIdFilterOn(filters: FlowFilter[], references: string[]): boolean {
  const wanted = new Set(references.map((reference) => `{!${reference}.id}`.toLowerCase()));
  return filters.some(
    (filter) =>
      filter.field.toLowerCase() === 'id' &&
      filter.operator.toLowerCase() === 'equalto' &&
      filter.value !== undefined &&
      wanted.has(filter.value.toLowerCase()),
  );
}

/** Drops keys whose value is undefined, so models stay small and compare cleanly. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

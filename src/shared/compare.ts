/**
 * Orders strings by UTF-16 code unit, not locale: the same input sorts the same way on every machine,
 * so reports stay byte-identical (localeCompare depends on the ICU data Node was built with).
 */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

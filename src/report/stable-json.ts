/**
 * JSON with object keys sorted recursively (by UTF-16 code unit, not locale) and array order kept, two
 * spaces: the same value always gives the same bytes, so reports diff cleanly between releases.
 * Like JSON.stringify, it drops undefined and function properties, writes them as `null` in arrays,
 * writes non-finite numbers as `null` and honours `toJSON`.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return write(value, '', ' '.repeat(indent)) ?? 'null';
}

function write(value: unknown, margin: string, step: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      throw new TypeError('stableStringify: BigInt has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const inner = margin + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${inner}${write(item, inner, step) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${margin}]`;
  }
  const entries = Object.keys(value as object)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => [key, write((value as Record<string, unknown>)[key], inner, step)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, text]) => `${inner}${JSON.stringify(key)}: ${text}`).join(',\n')}\n${margin}}`;
}

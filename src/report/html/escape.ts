/**
 * HTML that is safe by construction: `html` escapes every interpolated value unless it is already
 * SafeHtml, so text from metadata (labels, names, formulas, messages) can only ever become text. Values
 * go in element content or in double-quoted attributes, never in URLs, event handlers or styles.
 */
export class SafeHtml {
  public constructor(public readonly value: string) {}
  public toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text for element content or a quoted attribute: `& < > " '` become entities, control characters go. */
export function escapeHtml(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** Markup the renderer itself wrote (never metadata). */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Cuts text to `max` characters with an ellipsis (before escaping, so no entity is cut). */
export function truncate(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Escapes text from metadata for a Markdown table cell: a `|` or a newline in a label would
 * otherwise break the table, and HTML in a description would render on GitHub.
 */
export function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  return String(value)
    // Terminal escapes and other control characters never belong in a report.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\r?\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, '\\`')
    .replace(/\*/g, '\\*')
    .replace(/_/g, '\\_')
    .replace(/\[/g, '\\[')
    .replace(/]/g, '\\]');
}

/** Inline code for API names: backticks inside are dropped rather than escaped (Markdown has no escape there). */
export function code(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f`|]/g, '');
  return clean.length === 0 ? '' : `\`${clean}\``;
}

export function table(headers: string[], rows: string[][]): string {
  const head = `| ${headers.join(' | ')} |`;
  const rule = `| ${headers.map(() => '---').join(' | ')} |`;
  return [head, rule, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

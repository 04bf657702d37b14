/** Reads a Markdown report back with a real parser (markdown-it, as GitHub-flavoured as it gets). */
import MarkdownIt, { type Token } from 'markdown-it';

export const md = new MarkdownIt({ html: true, linkify: true });

export function tokens(markdown: string): Token[] {
  return md.parse(markdown, {});
}

/** Headings of one level, as their inline text. */
export function headings(markdown: string, level: 1 | 2 | 3): string[] {
  const all = tokens(markdown);
  const texts: string[] = [];
  all.forEach((token, index) => {
    if (token.type === 'heading_open' && token.tag === `h${level}`) texts.push(text(all[index + 1]!));
  });
  return texts;
}

/** What an inline token shows once rendered (escapes resolved), without markup. */
export function text(inline: Token): string {
  return (inline.children ?? []).map((child) => child.content).join('');
}

export type ParsedTable = {
  /** The heading (any level) the table is under. */
  under: string;
  header: string[];
  /** Body rows as markdown-it sees them. */
  rows: string[][];
  /** Cells per raw source line (header, delimiter row, body rows), split as a GFM parser splits them. */
  rawCellCounts: number[];
};

export function tables(markdown: string): ParsedTable[] {
  const all = tokens(markdown);
  const lines = markdown.split('\n');
  const result: ParsedTable[] = [];
  let under = '';
  for (let index = 0; index < all.length; index++) {
    const token = all[index]!;
    if (token.type === 'heading_open') under = text(all[index + 1]!);
    if (token.type !== 'table_open') continue;
    const table: ParsedTable = { under, header: [], rows: [], rawCellCounts: [] };
    let row: string[] | undefined;
    let inHead = false;
    for (index++; all[index]!.type !== 'table_close'; index++) {
      const inner = all[index]!;
      if (inner.type === 'thead_open') inHead = true;
      if (inner.type === 'thead_close') inHead = false;
      if (inner.type === 'tr_open') row = [];
      if (inner.type === 'inline' && row) row.push(inner.content);
      if (inner.type === 'tr_close' && row) {
        if (inHead) table.header = row;
        else table.rows.push(row);
        row = undefined;
      }
    }
    const [start, end] = token.map!;
    table.rawCellCounts = lines.slice(start, end).map((line) => splitRow(line).length);
    result.push(table);
  }
  return result;
}

/** Splits `| a | b \| c |` into cells the way markdown-it does: a `|` right after a backslash is text. */
function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === '|' && line[index - 1] !== '\\') {
      cells.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current);
  const trimmed = line.trim();
  if (trimmed.startsWith('|')) cells.shift();
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) cells.pop();
  return cells;
}

/** The contents of the ```mermaid fences. */
export function mermaidBlocks(markdown: string): string[] {
  return tokens(markdown)
    .filter((token) => token.type === 'fence' && token.info.trim() === 'mermaid')
    .map((token) => token.content);
}

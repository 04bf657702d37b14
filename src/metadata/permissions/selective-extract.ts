/**
 * A selective, single-pass reader for large, flat metadata XML (profiles and permission sets run to
 * 5–20 MB). Instead of building a full tree it walks the tags with indexOf, checks that they nest
 * properly, and keeps only the top-level elements it was asked for: scalar children of the root
 * (`<label>`) as text, and block children (`<fieldPermissions>`) as a map of their own child
 * elements' text. Everything else is walked over and dropped.
 *
 * Safety: the root element name is checked, a `<!DOCTYPE` is refused (no entity expansion, no
 * external entities), and only the predefined XML entities and numeric character references are
 * decoded.
 */

export type ExtractedBlock = Record<string, string>;

export type ExtractedDocument = {
  /** Text of the requested top-level scalar elements (first occurrence wins). */
  scalars: Record<string, string>;
  /** Requested top-level blocks, in document order, each as `child element name → text`. */
  blocks: Record<string, ExtractedBlock[]>;
};

export type ExtractRequest = {
  /** Top-level elements whose children are read, e.g. `fieldPermissions`. */
  blocks: readonly string[];
  /** Top-level elements read as text, e.g. `label`. */
  scalars: readonly string[];
};

const PREDEFINED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes `&amp; &lt; &gt; &quot; &apos;` and numeric references (`&#39;`, `&#x41;`). Unknown entities and invalid references stay as written. */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return whole;
      return String.fromCodePoint(code);
    }
    return PREDEFINED_ENTITIES[entity] ?? whole;
  });
}

/** 1-based line of an offset (only used to make error messages useful). */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line += 1;
  return line;
}

const isNameChar = (code: number): boolean =>
  // letters, digits, _ - . : and anything non-ASCII
  (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
  code === 95 || code === 45 || code === 46 || code === 58 || code > 127;

type Tag = {
  name: string;
  /** Offset just after the closing `>`. */
  end: number;
  selfClosing: boolean;
};

/** Reads a start tag at `start` (pointing at `<`). Attributes are skipped, quotes respected. */
function readStartTag(text: string, start: number): Tag {
  let position = start + 1;
  while (position < text.length && isNameChar(text.charCodeAt(position))) position += 1;
  const name = text.slice(start + 1, position);
  if (name.length === 0) throw new Error(`malformed XML: unexpected character after '<' at line ${lineOf(text, start)}`);
  let quote = '';
  for (; position < text.length; position += 1) {
    const ch = text[position]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return { name, end: position + 1, selfClosing: text[position - 1] === '/' };
    } else if (ch === '<') {
      break;
    }
  }
  throw new Error(`malformed XML: the start tag <${name}> at line ${lineOf(text, start)} is not closed with '>'`);
}

/** Reads an end tag at `start` (pointing at `</`). */
function readEndTag(text: string, start: number): Tag {
  const close = text.indexOf('>', start + 2);
  if (close === -1) throw new Error(`malformed XML: an end tag at line ${lineOf(text, start)} is not closed with '>'`);
  const name = text.slice(start + 2, close).trim();
  return { name, end: close + 1, selfClosing: false };
}

/** Skips a comment, processing instruction or CDATA section at `start`; returns the offset after it, or -1 when `start` is none of those. */
function skipSpecial(text: string, start: number): number {
  if (text.startsWith('<!--', start)) {
    const end = text.indexOf('-->', start + 4);
    if (end === -1) throw new Error(`malformed XML: the comment at line ${lineOf(text, start)} is not closed`);
    return end + 3;
  }
  if (text.startsWith('<?', start)) {
    const end = text.indexOf('?>', start + 2);
    if (end === -1) throw new Error(`malformed XML: the processing instruction at line ${lineOf(text, start)} is not closed`);
    return end + 2;
  }
  return -1;
}

/** Strips a BOM and refuses DOCTYPE declarations. */
function prepare(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim().length === 0) throw new Error('the file is empty');
  if (/<!DOCTYPE/i.test(text)) {
    throw new Error('DOCTYPE declarations are refused (entity expansion and external entities are not allowed in metadata)');
  }
  return text;
}

/** Finds the root element (first element after the prolog, comments and whitespace). */
function findRoot(text: string): { tag: Tag; start: number } {
  let position = 0;
  for (;;) {
    while (position < text.length && /\s/.test(text[position]!)) position += 1;
    if (position >= text.length) throw new Error('no root element found');
    if (text[position] !== '<') {
      throw new Error(`malformed XML: text before the root element at line ${lineOf(text, position)}`);
    }
    const skipped = skipSpecial(text, position);
    if (skipped !== -1) {
      position = skipped;
      continue;
    }
    if (text[position + 1] === '/' || text[position + 1] === '!') {
      throw new Error(`malformed XML: unexpected markup before the root element at line ${lineOf(text, position)}`);
    }
    return { tag: readStartTag(text, position), start: position };
  }
}

/** The name of the root element of a metadata document (after checking it is well started). */
export function rootElementName(raw: string): string {
  return findRoot(prepare(raw)).tag.name;
}

/**
 * Walks the document once and returns the requested top-level elements. Throws on a wrong root,
 * a DOCTYPE, mismatched or unclosed tags, and content after the root element.
 */
export function extractTopLevel(raw: string, expectedRoot: string, request: ExtractRequest): ExtractedDocument {
  const text = prepare(raw);
  const root = findRoot(text);
  if (root.tag.name !== expectedRoot) throw new Error(`expected root element <${expectedRoot}>, found <${root.tag.name}>`);

  const blockNames = new Set(request.blocks);
  const scalarNames = new Set(request.scalars);
  const scalars: Record<string, string> = {};
  const blocks: Record<string, ExtractedBlock[]> = {};
  for (const name of request.blocks) blocks[name] = [];
  if (root.tag.selfClosing) return { scalars, blocks };

  // Open element names; stack[0] is the root.
  const stack: string[] = [root.tag.name];
  // The top-level element being collected (depth 2), and the child being collected (depth 3).
  let topName: string | undefined;
  let topKind: 'block' | 'scalar' | undefined;
  let topText = '';
  let block: ExtractedBlock | undefined;
  let childName: string | undefined;
  let childText = '';

  const appendText = (segment: string): void => {
    if (segment.length === 0) return;
    if (stack.length === 2 && topKind === 'scalar') topText += segment;
    else if (stack.length === 3 && block !== undefined && childName !== undefined) childText += segment;
  };

  let position = root.tag.end;
  for (;;) {
    const open = text.indexOf('<', position);
    if (open === -1) {
      throw new Error(`malformed XML: unexpected end of file, <${stack[stack.length - 1]!}> is not closed`);
    }
    if (open > position && (topKind !== undefined)) appendText(decodeXmlEntities(text.slice(position, open)));

    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open + 9);
      if (end === -1) throw new Error(`malformed XML: the CDATA section at line ${lineOf(text, open)} is not closed`);
      if (topKind !== undefined) appendText(text.slice(open + 9, end));
      position = end + 3;
      continue;
    }
    const skipped = skipSpecial(text, open);
    if (skipped !== -1) {
      position = skipped;
      continue;
    }
    if (text[open + 1] === '!') throw new Error(`malformed XML: unexpected '<!' markup at line ${lineOf(text, open)}`);

    if (text[open + 1] === '/') {
      const tag = readEndTag(text, open);
      const expected = stack[stack.length - 1];
      if (tag.name !== expected) {
        throw new Error(`malformed XML: expected </${expected ?? ''}> but found </${tag.name}> at line ${lineOf(text, open)}`);
      }
      if (stack.length === 3 && block !== undefined && childName !== undefined) {
        if (!(childName in block)) block[childName] = childText.trim();
        childName = undefined;
        childText = '';
      } else if (stack.length === 2 && topName !== undefined) {
        if (topKind === 'scalar' && !(topName in scalars)) scalars[topName] = topText.trim();
        if (topKind === 'block' && block !== undefined) blocks[topName]!.push(block);
        topName = undefined;
        topKind = undefined;
        topText = '';
        block = undefined;
      }
      stack.pop();
      position = tag.end;
      if (stack.length === 0) break;
      continue;
    }

    const tag = readStartTag(text, open);
    position = tag.end;
    const depth = stack.length + 1;
    if (depth === 2) {
      if (blockNames.has(tag.name)) {
        topKind = 'block';
        block = {};
      } else if (scalarNames.has(tag.name)) {
        topKind = 'scalar';
      } else {
        topKind = undefined;
      }
      topName = topKind === undefined ? undefined : tag.name;
      topText = '';
      if (tag.selfClosing) {
        if (topKind === 'scalar' && !(tag.name in scalars)) scalars[tag.name] = '';
        if (topKind === 'block' && block !== undefined) blocks[tag.name]!.push(block);
        topName = undefined;
        topKind = undefined;
        block = undefined;
        continue;
      }
    } else if (depth === 3 && block !== undefined) {
      if (tag.selfClosing) {
        if (!(tag.name in block)) block[tag.name] = '';
        continue;
      }
      childName = tag.name;
      childText = '';
    } else if (depth === 3 && topKind === 'scalar') {
      // A scalar with element content is not a scalar: drop what was collected.
      topKind = undefined;
      topName = undefined;
    }
    if (!tag.selfClosing) stack.push(tag.name);
  }

  // Only whitespace, comments and processing instructions may follow the root element.
  while (position < text.length) {
    const next = text.indexOf('<', position);
    const trailing = text.slice(position, next === -1 ? text.length : next);
    if (trailing.trim().length > 0) throw new Error(`malformed XML: text after the root element at line ${lineOf(text, position)}`);
    if (next === -1) break;
    const skipped = skipSpecial(text, next);
    if (skipped === -1) throw new Error(`malformed XML: content after the root element at line ${lineOf(text, next)}`);
    position = skipped;
  }
  return { scalars, blocks };
}

/**
 * Indexes the lines of the named children of a repeated block, e.g. `<fields><fullName>X</fullName>`
 * in an object file or `<fieldUpdates><fullName>X</fullName>` in a workflow, in one pass.
 * Returns `decoded name → 1-based line of its <fullName>` (first occurrence wins). Only blocks whose
 * first child is `<fullName>` count, so `<fields>Id</fields>` or a nested picklist `<value><fullName>`
 * never match.
 */
export function indexBlockNames(text: string, blockTag: string, lineAt: (offset: number) => number): Map<string, number> {
  const lines = new Map<string, number>();
  const open = `<${blockTag}>`;
  for (let index = text.indexOf(open); index !== -1; index = text.indexOf(open, index + open.length)) {
    let position = index + open.length;
    while (position < text.length && /\s/.test(text[position]!)) position += 1;
    if (!text.startsWith('<fullName>', position)) continue;
    const valueStart = position + '<fullName>'.length;
    const valueEnd = text.indexOf('</fullName>', valueStart);
    if (valueEnd === -1) break;
    const name = decodeXmlEntities(text.slice(valueStart, valueEnd).trim());
    if (!lines.has(name)) lines.set(name, lineAt(position));
  }
  return lines;
}

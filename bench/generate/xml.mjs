/** Small helpers to write metadata XML the way Salesforce does (4-space indent, one element a line). */
export const HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
export const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

export function escapeXml(value) {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const pad = (depth) => '    '.repeat(depth);

/** `<name>value</name>` at a depth. */
export const leaf = (depth, name, value) => `${pad(depth)}<${name}>${escapeXml(value)}</${name}>`;

/** `<name>` + children lines + `</name>`; children are already indented. */
export const block = (depth, name, lines) => [`${pad(depth)}<${name}>`, ...lines.flat(), `${pad(depth)}</${name}>`];

/** A whole document: header, root with namespace, body lines. */
export const documentOf = (root, lines) => [HEADER, `<${root} ${NS}>`, ...lines.flat(), `</${root}>`, ''].join('\n');

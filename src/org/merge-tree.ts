import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { compare } from '../shared/compare.js';

/** Files that several batches return with different parts (a profile's permissions per batch). */
const MERGED_SUFFIXES = ['.profile', '.permissionset', '.mutingpermissionset'];

/**
 * Adds one batch's retrieved files to the combined folder. Profiles and permission sets arrive in
 * every batch, each holding the permissions for that batch's components: their entries are united.
 * Every other file arrives once; package.xml is written at the end for the whole folder.
 */
export function mergeBatch(batchRoot: string, target: string): void {
  for (const file of walk(batchRoot)) {
    const rel = relative(batchRoot, file);
    if (rel === 'package.xml') continue;
    const destination = join(target, rel);
    mkdirSync(dirname(destination), { recursive: true });
    if (existsSync(destination) && MERGED_SUFFIXES.some((suffix) => rel.endsWith(suffix))) {
      writeFileSync(destination, mergePermissionXml(readFileSync(destination, 'utf8'), readFileSync(file, 'utf8')));
    } else {
      copyFileSync(file, destination);
    }
  }
}

// Entities are left as they are, so text round-trips byte for byte.
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, processEntities: false, parseTagValue: false, trimValues: true });
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, processEntities: false, format: true, indentBy: '    ', suppressEmptyNode: false });

type XmlNode = Record<string, unknown>;

/** The union of the root's child elements of two copies of one permission container, first copy first. */
export function mergePermissionXml(first: string, second: string): string {
  const a = parser.parse(first) as XmlNode[];
  const b = parser.parse(second) as XmlNode[];
  const rootA = rootOf(a);
  const rootB = rootOf(b);
  if (!rootA || !rootB || rootA.name !== rootB.name) return first;
  const seen = new Set(rootA.children.map((child) => JSON.stringify(child)));
  for (const child of rootB.children) {
    const key = JSON.stringify(child);
    if (!seen.has(key)) {
      seen.add(key);
      rootA.children.push(child);
    }
  }
  // Salesforce writes the elements in alphabetical order; a stable sort keeps each kind's own order.
  rootA.children.sort((x, y) => compare(tagOf(x), tagOf(y)));
  return `${(builder.build(a) as string).trim()}\n`;
}

function rootOf(nodes: XmlNode[]): { name: string; children: XmlNode[] } | undefined {
  for (const node of nodes) {
    const name = Object.keys(node).find((key) => key !== ':@' && !key.startsWith('?'));
    if (name && Array.isArray(node[name])) return { name, children: node[name] as XmlNode[] };
  }
  return undefined;
}

function tagOf(node: XmlNode): string {
  return Object.keys(node).find((key) => key !== ':@') ?? '';
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

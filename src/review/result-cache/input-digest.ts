import { createHash, type Hash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { ParseIssue } from '../../metadata/model.js';
import type { DiscoveredComponent } from '../../load/discover.js';
import type { StampIndex } from '../../load/cache/stamps.js';
import { hashText } from '../../load/parse/run-task.js';

/** The whole digest, and one per metadata type (what a rule's findings are keyed on: rule-keys.ts). */
export type InputDigest = { all: string; byType: Record<string, string> };

/**
 * One hash of everything the loader reads: every discovered component (type, name, shown file, the
 * files it is read from) and the content of those files, and what discovery reported. Content hashes
 * come from the parse cache's stamp index when a file's size, times and inode still match (as the
 * loader trusts them), else from reading the file: a warm run stats files and reads none.
 * Undefined when a file cannot be read (the loader will report it; such a run is not cached).
 */
export function inputDigest(components: readonly DiscoveredComponent[], issues: readonly ParseIssue[], base: string, stamps: StampIndex): InputDigest | undefined {
  const hash = createHash('sha256');
  const byType = new Map<string, Hash>();
  const contentOf = (path: string | undefined): string | undefined => (path === undefined ? '-' : contentHash(path, stamps));
  for (const component of components) {
    // A converted (metadata API) component is read from a temp copy: its path changes every run, its content does not.
    const shown = (path: string | undefined): string => (path === undefined ? '-' : component.anchor ? 'converted' : relative(base, path));
    const xml = contentOf(component.xmlPath);
    const content = contentOf(component.contentPath);
    const anchor = component.anchor ? contentOf(component.anchor.path) : '-';
    if (xml === undefined || content === undefined || anchor === undefined) return undefined;
    const line = `${[component.type, component.fullName, component.file, shown(component.xmlPath), shown(component.contentPath), xml, content, component.anchor ? `${relative(base, component.anchor.path)}\u0000${component.anchor.marker}` : '-', anchor].join('\u0000')}\n`;
    hash.update(line);
    let typeHash = byType.get(component.type);
    if (!typeHash) byType.set(component.type, (typeHash = createHash('sha256')));
    typeHash.update(line);
  }
  hash.update(JSON.stringify(issues));
  return { all: hash.digest('hex'), byType: Object.fromEntries([...byType].map(([type, typeHash]) => [type, typeHash.digest('hex')])) };
}

function contentHash(path: string, stamps: StampIndex): string | undefined {
  const known = stamps.get(path);
  try {
    const stat = statSync(path);
    if (known && stat.size === known.size && stat.mtimeMs === known.mtimeMs && stat.ctimeMs === known.ctimeMs && stat.ino === known.ino) return known.hash;
    // An object's folder is named as its content: the loader reads no folder (its files are components of their own).
    if (stat.isDirectory()) return 'folder';
    // As the loader hashes it (so the stamp it records next gives the same key), except text that did
    // not decode: two files that differ only in invalid UTF-8 must not hash alike.
    const text = readFileSync(path, 'utf8');
    return text.includes('\uFFFD') ? `bytes:${createHash('sha256').update(readFileSync(path)).digest('hex')}` : hashText(text);
  } catch {
    return undefined;
  }
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheNamespace, pluginVersion } from '../../load/cache/namespace.js';

let fingerprint: string | undefined;

/**
 * What computes a result: the plugin version, every source file of this build (parsers, graph, rules,
 * policy, sections: a change to any of them may change findings) and the parse cache's namespace
 * (which adds the parser libraries' versions). A result cached by another build is never read.
 */
export function resultSourcesFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha256').update(`${pluginVersion()}\n${cacheNamespace()}\n`);
  for (const file of codeFiles(root)) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function codeFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|js|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length))
      .sort();
  } catch {
    return [];
  }
}

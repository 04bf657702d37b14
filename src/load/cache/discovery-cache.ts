import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ParseIssue } from '../../metadata/model.js';
import type { DiscoveredComponent } from '../discover.js';

export type CachedDiscovery = { components: DiscoveredComponent[]; issues: ParseIssue[] };

/**
 * What SDR found in a source folder, reused while the folder holds the same paths. SDR resolves
 * components from paths (suffixes, folders), `.forceignore` and the project's registry settings in
 * sfdx-project.json, so those are the key: the sorted listing of the folder and both files. Editing a
 * file keeps the key (its content is the parse cache's business); adding, removing or renaming one
 * changes it. A warm run then does not even load SDR.
 */
export class DiscoveryCache {
  public constructor(private readonly dir: string) {}

  /** The key of a folder as it is now (undefined when it cannot be listed), and what was found under that key before. */
  public lookup(sourceDir: string, base: string): { key?: string; hit?: CachedDiscovery } {
    const key = folderKey(sourceDir, base);
    if (!key) return {};
    try {
      const entry = JSON.parse(readFileSync(this.fileOf(sourceDir, base), 'utf8')) as { key?: string } & Partial<CachedDiscovery>;
      if (entry.key === key && Array.isArray(entry.components) && Array.isArray(entry.issues)) return { key, hit: { components: entry.components, issues: entry.issues } };
    } catch {
      // none, or unreadable: discover again
    }
    return { key };
  }

  public store(sourceDir: string, base: string, key: string, found: CachedDiscovery): void {
    const file = this.fileOf(sourceDir, base);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temp, JSON.stringify({ key, ...found }));
      renameSync(temp, file);
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }

  private fileOf(sourceDir: string, base: string): string {
    return join(this.dir, 'discovery', `${createHash('sha256').update(`${sourceDir}\n${base}`).digest('hex').slice(0, 32)}.json`);
  }
}

function folderKey(sourceDir: string, base: string): string | undefined {
  const hash = createHash('sha256').update(`${sourceDir}\n${base}\n`);
  // SDR reads the nearest .forceignore above the folder, and registry settings from the project of the current folder.
  for (const start of [sourceDir, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      for (const name of ['.forceignore', 'sfdx-project.json']) {
        const file = join(dir, name);
        if (existsSync(file)) hash.update(`${file}\n`).update(readFileSync(file));
      }
      if (dirname(dir) === dir) break;
    }
  }
  let entries: string[];
  try {
    entries = readdirSync(sourceDir, { recursive: true, withFileTypes: true }).map(
      (entry) => `${entry.isDirectory() ? 'd' : entry.isFile() ? 'f' : 'o'} ${relative(sourceDir, join(entry.parentPath, entry.name))}`,
    );
  } catch {
    return undefined;
  }
  entries.sort();
  for (const entry of entries) hash.update(`${entry}\n`);
  return hash.digest('hex');
}

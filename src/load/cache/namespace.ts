import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the layout of entries or of the stamp index changes. */
const FORMAT = 1;

/** Where the cache lives in a project: `.sfdx/` is the Salesforce CLI's own local folder, and gitignored. */
export const cacheRoot = (projectDir: string): string => join(projectDir, '.sfdx', 'arch-review', 'cache');

/** The cache folder of this build in a project. */
export const cacheDirFor = (projectDir: string, version?: string): string => join(cacheRoot(projectDir), cacheNamespace(version));

const NAMESPACE = /^v\d+-[0-9a-f]{20}$/;

/**
 * Creates this build's cache folder on first use, and then removes the folders of other builds (a
 * plugin upgrade would otherwise leave the old entries behind for good). A run of another build at
 * the same moment only loses cache hits.
 */
export function claimNamespace(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
    for (const sibling of readdirSync(dirname(dir))) {
      if (sibling !== basename(dir) && NAMESPACE.test(sibling)) rmSync(join(dirname(dir), sibling), { recursive: true, force: true });
    }
  } catch {
    // a cache that cannot be tidied still works
  }
}

let fingerprint: string | undefined;

/**
 * The cache folder's name for this build: results from another plugin version, other parser code or
 * options (the metadata parsers are hashed, so a changed option or parser means new entries), or
 * other parser libraries are never read.
 */
export function cacheNamespace(version = pluginVersion()): string {
  fingerprint ??= parserFingerprint();
  return `v${FORMAT}-${createHash('sha256').update(`${version}\n${fingerprint}`).digest('hex').slice(0, 20)}`;
}

export function pluginVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Hash of the parser and loader sources (this build's `metadata/` and `load/`) and of the libraries' versions. */
function parserFingerprint(): string {
  const hash = createHash('sha256');
  for (const folder of ['../../metadata/', '../']) {
    const root = fileURLToPath(new URL(folder, import.meta.url));
    for (const file of listFiles(root)) hash.update(`${file}\n`).update(readFileSync(join(root, file)));
  }
  const require = createRequire(import.meta.url);
  for (const library of ['fast-xml-parser', '@apexdevtools/apex-parser', '@salesforce/source-deploy-retrieve']) {
    hash.update(`${library}@${libraryVersion(require, library)}\n`);
  }
  return hash.digest('hex');
}

/** The version in a library's package.json, found from its entry point (its `exports` may hide the file). */
function libraryVersion(require: NodeJS.Require, library: string): string {
  try {
    for (let dir = dirname(require.resolve(library)); dir !== dirname(dir); dir = dirname(dir)) {
      const pkg = join(dir, 'package.json');
      if (!existsSync(pkg)) continue;
      const { name, version } = JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string; version?: string };
      if (name === library) return version ?? '?';
    }
  } catch {
    // not installed the usual way: the parser sources still key the cache
  }
  return '?';
}

function listFiles(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name).slice(root.length))
      .sort();
  } catch {
    return [];
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../load/errors.js';
import { displayPath } from '../load/paths.js';
import { type LoadedSnapshot, type PermissionSnapshot, SNAPSHOT_KIND, SNAPSHOT_VERSION } from './snapshot.js';

const SAVE_HINT = 'Save a snapshot with: sf arch review --save-snapshot FILE (commit it, then pass it to --baseline in later reviews).';

/** Reads `--baseline FILE`; a missing, foreign, old or newer file fails fast naming the file. */
export function readSnapshotFile(baseDir: string, file: string): LoadedSnapshot {
  const path = resolve(baseDir, file);
  const shown = displayPath(baseDir, path);
  if (!existsSync(path)) {
    throw inputError(`The permission baseline ${file} does not exist.`, ['Check the path passed to --baseline.', SAVE_HINT], 'SnapshotNotFound');
  }
  return { file: shown, snapshot: parseSnapshot(readFileSync(path, 'utf8'), shown) };
}

/** Parses and checks a snapshot (pure, for tests). */
export function parseSnapshot(text: string, shownAs: string): PermissionSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw invalid(shownAs, `is not JSON (${error instanceof Error ? error.message : String(error)})`, SAVE_HINT);
  }
  if (!isRecord(value) || (value['kind'] !== SNAPSHOT_KIND && value['snapshotVersion'] === undefined)) {
    const what = isRecord(value) && 'schemaVersion' in value && 'findings' in value ? 'is a saved review report, not a permission snapshot' : 'is not a permission snapshot of sf-arch-review';
    throw invalid(shownAs, what, SAVE_HINT);
  }
  const version = value['snapshotVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw invalid(shownAs, 'has no valid snapshotVersion', SAVE_HINT);
  }
  if (version > SNAPSHOT_VERSION) {
    throw invalid(
      shownAs,
      `was written by a newer sf-arch-review (snapshot version ${version}; this version reads ${SNAPSHOT_VERSION})`,
      'Update sf-arch-review, or save a new snapshot with this version using --save-snapshot.',
    );
  }
  if (version < SNAPSHOT_VERSION) {
    throw invalid(shownAs, `has the old snapshot version ${version} (this version reads ${SNAPSHOT_VERSION})`, 'Save a new snapshot with --save-snapshot from the reviewed baseline and commit it.');
  }
  const principals = value['principals'];
  if (!Array.isArray(principals)) throw invalid(shownAs, 'has no principals list', SAVE_HINT);
  principals.forEach((principal, index) => checkPrincipal(principal, `principals[${index}]`, shownAs));
  return value as unknown as PermissionSnapshot;
}

function checkPrincipal(principal: unknown, where: string, shownAs: string): void {
  if (!isRecord(principal) || typeof principal['id'] !== 'string' || typeof principal['name'] !== 'string' || !Array.isArray(principal['grants'])) {
    throw invalid(shownAs, `${where} needs an id, a name and a grants list`, SAVE_HINT);
  }
  (principal['grants'] as unknown[]).forEach((grant, index) => {
    const ok =
      isRecord(grant) &&
      ['user-permission', 'object', 'field', 'apex-class'].includes(grant['kind'] as string) &&
      typeof grant['key'] === 'string' &&
      typeof grant['access'] === 'string' &&
      Array.isArray(grant['sources']) &&
      (grant['sources'] as unknown[]).every((source) => typeof source === 'string');
    if (!ok) throw invalid(shownAs, `${where}.grants[${index}] is not a grant (kind, key, access, sources)`, SAVE_HINT);
  });
}

function invalid(shownAs: string, what: string, action: string): Error {
  return inputError(`The permission baseline ${shownAs} ${what}.`, [action], 'InvalidSnapshot');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { redact } from './redact.js';
import type { OrgSnapshot } from './types.js';

const FORMAT = 1;
export const RETRIEVAL_FILE = 'retrieval.json';
export const ORG_DATA_FILE = 'org-data.json';
export const METADATA_FOLDER = 'metadata';

/** What was retrieved, when and how: no credentials, ever. */
export type RetrievalRecord = {
  format: number;
  orgId: string;
  instanceUrl: string;
  username: string;
  apiVersion: string;
  retrievedAt: string;
  componentCounts: Record<string, number>;
  batches: number;
};

type OrgData = Pick<OrgSnapshot, 'users' | 'assignments' | 'installedPackages' | 'componentFailures' | 'notRetrievable' | 'warnings'>;

/** `<projectDir>/.sfdx/arch-review/<orgId>/`, or a folder under the system temp folder outside a project. */
export function cacheDir(projectDir: string | undefined, orgId: string): string {
  const root = projectDir ? join(projectDir, '.sfdx', 'arch-review') : join(tmpdir(), 'sf-arch-review');
  return join(root, orgId.replace(/[^A-Za-z0-9_-]/g, '_'));
}

/** The cached snapshot when there is a complete one (for this API version, when one is asked for). */
export function readCache(dir: string, apiVersion?: string): OrgSnapshot | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dir, RETRIEVAL_FILE), 'utf8')) as RetrievalRecord;
    const data = JSON.parse(readFileSync(join(dir, ORG_DATA_FILE), 'utf8')) as OrgData;
    if (record.format !== FORMAT || !existsSync(join(dir, METADATA_FOLDER))) return undefined;
    if (apiVersion !== undefined && record.apiVersion !== apiVersion) return undefined;
    // Caches written before the shield existed read as empty inside a project.
    shieldFromProjectIgnore(join(dir, METADATA_FOLDER));
    return {
      sourceDir: join(dir, METADATA_FOLDER),
      org: { id: record.orgId, instanceUrl: record.instanceUrl, username: record.username, apiVersion: record.apiVersion, retrievedAt: record.retrievedAt },
      componentCounts: record.componentCounts,
      ...data,
      fromCache: true,
    };
  } catch {
    return undefined;
  }
}

/** A fresh folder beside the cache to retrieve into; it becomes the cache only once complete. */
export function createStaging(dir: string): string {
  const staging = `${dir}.partial-${process.pid}-${Date.now()}`;
  mkdirSync(join(staging, METADATA_FOLDER), { recursive: true });
  shieldFromProjectIgnore(join(staging, METADATA_FOLDER));
  return staging;
}

const OWN_FORCEIGNORE = '# sf-arch-review: the org\'s metadata, as retrieved. This file keeps the project\'s .forceignore\n# (whose built-in rules ignore every path under a dot folder such as .sfdx) from hiding it.\n';

/**
 * SDR applies the nearest `.forceignore` above a folder, with built-in rules that ignore anything
 * under a dot folder: inside a project, the cache under `.sfdx/` would read as empty. A
 * `.forceignore` of its own makes paths relative to the cache, where no dot folder is left.
 */
function shieldFromProjectIgnore(metadataDir: string): void {
  const file = join(metadataDir, '.forceignore');
  if (!existsSync(file)) writeFileSync(file, OWN_FORCEIGNORE);
}

/**
 * Writes the records into the staging folder and puts it in place of the old cache, so a run that
 * fails halfway never leaves a cache that looks complete.
 */
export function commitCache(staging: string, dir: string, snapshot: Omit<OrgSnapshot, 'sourceDir' | 'fromCache'>, batches: number, secrets: readonly string[]): OrgSnapshot {
  const record: RetrievalRecord = {
    format: FORMAT,
    orgId: snapshot.org.id,
    instanceUrl: snapshot.org.instanceUrl,
    username: snapshot.org.username,
    apiVersion: snapshot.org.apiVersion,
    retrievedAt: snapshot.org.retrievedAt,
    componentCounts: snapshot.componentCounts,
    batches,
  };
  const data: OrgData = {
    users: snapshot.users,
    assignments: snapshot.assignments,
    installedPackages: snapshot.installedPackages,
    componentFailures: snapshot.componentFailures,
    notRetrievable: snapshot.notRetrievable,
    warnings: snapshot.warnings,
  };
  writeFileSync(join(staging, RETRIEVAL_FILE), `${redact(JSON.stringify(record, null, 2), secrets)}\n`);
  writeFileSync(join(staging, ORG_DATA_FILE), `${redact(JSON.stringify(data, null, 2), secrets)}\n`);
  mkdirSync(dirname(dir), { recursive: true });
  const old = `${dir}.old-${process.pid}-${Date.now()}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(staging, dir);
  rmSync(old, { recursive: true, force: true });
  return { ...snapshot, sourceDir: join(dir, METADATA_FOLDER), fromCache: false };
}

export function discardStaging(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}

import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { planBatches } from './batches.js';
import { cacheDir, commitCache, createStaging, discardStaging, METADATA_FOLDER, readCache } from './cache.js';
import { connect } from './connect.js';
import { queryAssignments, queryUsers } from './access.js';
import { staleActiveFlows } from './flow-versions.js';
import { describeTypes, listInventory } from './inventory.js';
import { mergeBatch } from './merge-tree.js';
import { queryInstalledPackages } from './packages.js';
import { redact } from './redact.js';
import { retrieveBatch } from './retrieve-batch.js';
import { DEFAULT_RETRY, type RetryContext } from './retry.js';
import { toOrgError, type RunState } from './to-org-error.js';
import type { ComponentFailure, OnProgress, OrgSnapshot, ProgressStage, RetrieveOrgOptions } from './types.js';
import { compare } from '../shared/compare.js';

/** Like `sf project retrieve start`. */
export const DEFAULT_WAIT_MINUTES = 33;

/**
 * Reads an org for review: lists and retrieves the metadata the analysis needs (in batches under
 * the Metadata API's file limit), queries users, assignments and installed packages, and caches it
 * all. Every fault ends in an sf-style error with actions; components the org would not return are
 * listed in the snapshot so the report can say what it does not cover.
 */
export async function retrieveOrg(options: RetrieveOrgOptions): Promise<OrgSnapshot> {
  const { org } = options;
  const base = org.getConnection();
  // The token stays in memory: it is only used to scrub anything shown, logged or cached.
  const secrets = typeof base.accessToken === 'string' ? [base.accessToken] : [];
  let stage: ProgressStage = 'connect';
  const progress: OnProgress = (next, detail) => {
    stage = next;
    options.onProgress?.(next, redact(detail, secrets));
  };
  const orgId = org.getOrgId();
  const username = org.getUsername() ?? orgId;
  const dir = cacheDir(options.projectDir, orgId);
  const requestedVersion = options.apiVersion && /^\d+$/.test(options.apiVersion) ? `${options.apiVersion}.0` : options.apiVersion;

  if (options.useCache) {
    const cached = readCache(dir, requestedVersion);
    if (cached) {
      progress('cache', `Using the copy of ${cached.org.username} retrieved ${cached.org.retrievedAt} (API ${cached.org.apiVersion}) from ${dir}`);
      return cached;
    }
    progress('cache', `No cached copy of ${username}${requestedVersion ? ` at API ${requestedVersion}` : ''}: reading the org`);
  }

  const waitMinutes = options.waitMinutes ?? DEFAULT_WAIT_MINUTES;
  const retry: RetryContext = {
    ...DEFAULT_RETRY,
    ...options.retry,
    secrets,
    onRetry: (what, attempt, detail) => progress(stage, `${what} failed (${detail}); trying again (attempt ${attempt + 1})`),
  };
  const state: RunState = {
    org: { username, instanceUrl: base.instanceUrl },
    authenticated: false,
    waitMinutes,
    batchesDone: 0,
    batchesTotal: 0,
    secrets,
  };
  let staging: string | undefined;
  try {
    progress('connect', `Connecting to ${username} at ${base.instanceUrl}`);
    const { conn, apiVersion } = await connect(org, requestedVersion, retry);
    const offered = await describeTypes(conn, apiVersion, retry);
    state.authenticated = true;

    progress('list', `Listing metadata (API ${apiVersion})`);
    const inventory = await listInventory(conn, apiVersion, offered, retry, progress);
    const batches = planBatches(inventory.members, options.maxFilesPerRetrieve);
    state.batchesTotal = batches.length;

    staging = createStaging(dir);
    const target = join(staging, METADATA_FOLDER);
    const deadline = Date.now() + waitMinutes * 60_000;
    const failures = new Map<string, ComponentFailure>();
    for (const [index, batch] of batches.entries()) {
      const label = `batch ${index + 1} of ${batches.length} (${batch.length} components)`;
      progress('retrieve', `Retrieving ${label}`);
      const batchDir = join(staging, 'batches', String(index + 1));
      const result = await retrieveBatch(conn, batch, batchDir, {
        apiVersion,
        deadline,
        ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
        retry,
        onStatus: (detail) => progress('retrieve', `${label}: ${detail}`),
      });
      mergeBatch(result.root, target);
      rmSync(batchDir, { recursive: true, force: true });
      for (const failure of result.failures) failures.set(`${failure.type}:${failure.fullName}:${failure.problem}`, failure);
      state.batchesDone += 1;
    }
    rmSync(join(staging, 'batches'), { recursive: true, force: true });
    const componentCounts = await writePackageXml(target, apiVersion);

    const warnings: string[] = [];
    const warn = (message: string): void => void warnings.push(message);
    progress('query', 'Reading active users');
    const users = await queryUsers(conn, apiVersion, retry);
    progress('query', 'Reading permission set, group and profile assignments');
    const assignments = await queryAssignments(conn, apiVersion, retry);
    progress('query', 'Reading installed packages');
    const installedPackages = await queryInstalledPackages(conn, apiVersion, retry, warn);
    progress('query', 'Checking which flow versions are active');
    const staleFlows = await staleActiveFlows(conn, apiVersion, retry, warn);

    progress('cache', `Saving the retrieved metadata to ${dir}`);
    const snapshot = commitCache(
      staging,
      dir,
      {
        org: { id: orgId, instanceUrl: conn.instanceUrl, username, apiVersion, retrievedAt: new Date().toISOString() },
        componentCounts,
        users,
        assignments,
        installedPackages,
        componentFailures: [...failures.values()].sort((a, b) => compare(a.type, b.type) || compare(a.fullName, b.fullName)),
        notRetrievable: [...inventory.notRetrievable, ...staleFlows],
        warnings,
      },
      batches.length,
      secrets,
    );
    staging = undefined;
    return snapshot;
  } catch (error) {
    throw toOrgError(error, state);
  } finally {
    if (staging) discardStaging(staging);
  }
}

/** package.xml for the combined folder, as a metadata API folder has; returns the components per type. */
async function writePackageXml(folder: string, apiVersion: string): Promise<Record<string, number>> {
  const set = ComponentSet.fromSource(folder);
  set.apiVersion = apiVersion;
  set.sourceApiVersion = apiVersion;
  const counts: Record<string, number> = {};
  for (const component of set.getSourceComponents()) counts[component.type.name] = (counts[component.type.name] ?? 0) + 1;
  writeFileSync(join(folder, 'package.xml'), await set.getPackageXml());
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compare(a, b)));
}

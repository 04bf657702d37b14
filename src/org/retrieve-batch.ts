import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '@salesforce/core';
import { ComponentSet, MetadataApiRetrieve, type MetadataApiRetrieveStatus, type RetrieveSetOptions } from '@salesforce/source-deploy-retrieve';
import { classify, reason, retrieveFailedError, unreachableError } from './errors.js';
import type { Member } from './inventory.js';
import { redact } from './redact.js';
import { sleep, withRetry, type RetryContext } from './retry.js';
import type { ComponentFailure } from './types.js';

export type BatchOptions = {
  apiVersion: string;
  /** Epoch milliseconds by which every retrieve must have finished (`--wait`). */
  deadline: number;
  pollIntervalMs?: number;
  retry: RetryContext;
  onStatus: (detail: string) => void;
};

export type BatchResult = {
  /** Folder holding the retrieved files in metadata API format (package.xml at its top). */
  root: string;
  failures: ComponentFailure[];
  retrieveId?: string;
};

/** `--wait` ran out while the org was still working on the retrieve. */
export class PollTimeout extends Error {
  public constructor(public readonly retrieveId: string | undefined) {
    super('The client has timed out.');
    this.name = 'PollTimeout';
  }
}

const ZIP_NAME = 'retrieve.zip';

/**
 * Retrieves one batch with SDR into `outputDir` in metadata API format. A dropped connection or a
 * 5xx while polling re-attaches to the same retrieve by its id instead of starting over.
 */
export async function retrieveBatch(conn: Connection, members: readonly Member[], outputDir: string, options: BatchOptions): Promise<BatchResult> {
  mkdirSync(outputDir, { recursive: true });
  const set = new ComponentSet(members.map(({ type, fullName }) => ({ type, fullName })));
  set.apiVersion = options.apiVersion;
  set.sourceApiVersion = options.apiVersion;
  const retrieveOptions: RetrieveSetOptions = {
    usernameOrConnection: conn,
    output: outputDir,
    format: 'metadata',
    singlePackage: true,
    unzip: true,
    zipFileName: ZIP_NAME,
    suppressEvents: true,
  };
  let operation = await withRetry('the retrieve request', () => set.retrieve(retrieveOptions), options.retry);
  options.onStatus(`queued as ${operation.id ?? '?'}`);
  for (let attempt = 1; ; attempt += 1) {
    const remaining = options.deadline - Date.now();
    if (remaining <= 0) throw new PollTimeout(operation.id);
    operation.onUpdate((status) => options.onStatus(`${status.status} (${operation.id ?? '?'})`));
    try {
      const result = await operation.pollStatus(options.pollIntervalMs, remaining / 1000);
      return finish(result.response, outputDir, operation.id, options.retry.secrets);
    } catch (error) {
      const kind = classify(error);
      if (kind === 'timeout') throw new PollTimeout(operation.id);
      if (kind !== 'transient') throw error;
      const detail = reason(error, options.retry.secrets);
      if (attempt >= options.retry.attempts) throw unreachableError(`while polling retrieve ${operation.id ?? ''}`.trim(), attempt, detail);
      options.retry.onRetry?.('checkRetrieveStatus', attempt, detail);
      await sleep(options.retry.baseDelayMs * 2 ** (attempt - 1));
      operation = new MetadataApiRetrieve({ ...retrieveOptions, components: set, id: operation.id });
    }
  }
}

function finish(response: MetadataApiRetrieveStatus, outputDir: string, retrieveId: string | undefined, secrets: readonly string[]): BatchResult {
  const raw = response as MetadataApiRetrieveStatus & { errorMessage?: string; errorStatusCode?: string };
  if (String(raw.status) !== 'Succeeded') {
    const detail = [raw.errorStatusCode, raw.errorMessage].filter(Boolean).join(': ') || `the retrieve ended ${String(raw.status)}`;
    throw retrieveFailedError(reason(detail, secrets));
  }
  const extracted = join(outputDir, ZIP_NAME.replace(/\.zip$/, ''));
  // singlePackage puts the files at the top of the zip; older orgs still wrap them in unpackaged/.
  const root = existsSync(join(extracted, 'package.xml')) ? extracted : join(extracted, 'unpackaged');
  const messages = raw.messages === undefined ? [] : Array.isArray(raw.messages) ? raw.messages : [raw.messages];
  const failures = messages.map((message) => toFailure(redact(message.problem, secrets), message.fileName));
  return { root, failures, ...(retrieveId ? { retrieveId } : {}) };
}

/** "Entity of type 'ApexClass' named 'Foo' cannot be found" names the component; other problems name a file. */
export function toFailure(problem: string, fileName: string): ComponentFailure {
  const named = /type '([^']+)' named '([^']+)'/.exec(problem);
  if (named) return { type: named[1]!, fullName: named[2]!, problem };
  const path = fileName.replace(/^unpackaged\//, '').replace(/-meta\.xml$/, '');
  const type = typeFromFile(path);
  const fullName = (type && path.includes('/') ? path.slice(path.indexOf('/') + 1) : path).replace(/\.[^./]+$/, '');
  return { type, fullName, problem };
}

function typeFromFile(fileName: string): string {
  const folder = fileName.split('/')[0] ?? '';
  const byFolder: Record<string, string> = {
    objects: 'CustomObject',
    flows: 'Flow',
    classes: 'ApexClass',
    triggers: 'ApexTrigger',
    workflows: 'Workflow',
    profiles: 'Profile',
    permissionsets: 'PermissionSet',
  };
  return byFolder[folder] ?? '';
}

// The access token must never reach the output, the logs, the cache or the report. Everything this
// file's runs write (the temp HOME, the temp folder, the project) and print is searched for it.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retrieveOrg } from '../../src/org/index.js';
import type { RetrieveOrgOptions } from '../../src/org/types.js';
import { renderers } from '../../src/report/index.js';
import { review } from '../../src/review/review.js';
import { startAcmeOrg, type AcmeOrg } from '../helpers/fake-org/acme.js';
import type { Fault } from '../helpers/fake-org/faults.js';
import { FAKE_TOKEN } from '../helpers/fake-org/server.js';

// Everything temporary goes to one folder of this file's own, and the sf libraries log all they can.
const temp = mkdtempSync(join(tmpdir(), 'arch-review-leak-'));
process.env.TMPDIR = temp;
process.env.SF_LOG_LEVEL = 'trace';

let printed = '';
const restore: Array<() => void> = [];
let acme: AcmeOrg;
const project = mkdtempSync(join(temp, 'project-'));
const shown: string[] = [];

function capture(): void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => ((printed += chunk.toString()), out(chunk, ...(rest as [])))) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => ((printed += chunk.toString()), err(chunk, ...(rest as [])))) as typeof process.stderr.write;
  const { log, warn, error, info, debug } = console;
  for (const method of ['log', 'warn', 'error', 'info', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      printed += `${format(...args)}\n`;
      original(...args);
    };
  }
  restore.push(() => {
    process.stdout.write = out;
    process.stderr.write = err;
    Object.assign(console, { log, warn, error, info, debug });
  });
}

function options(overrides: Partial<RetrieveOrgOptions> = {}): RetrieveOrgOptions {
  return {
    org: acme.org,
    projectDir: project,
    useCache: false,
    pollIntervalMs: 20,
    retry: { baseDelayMs: 10 },
    onProgress: (stage, detail) => shown.push(`${stage}: ${detail}`),
    ...overrides,
  };
}

async function failWith(fault: Fault | undefined, overrides: Partial<RetrieveOrgOptions> = {}): Promise<void> {
  if (fault) acme.fake.faults.add(fault);
  try {
    await retrieveOrg(options(overrides));
  } catch (error) {
    const sfError = error as Error & { actions?: string[]; data?: unknown };
    shown.push(sfError.name, sfError.message, String(sfError.stack), ...(sfError.actions ?? []), JSON.stringify(sfError.data ?? null));
  } finally {
    acme.fake.faults.clear();
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

describe('the access token never leaks', () => {
  beforeAll(async () => {
    capture();
    acme = await startAcmeOrg();
    // The org's own messages may carry the session id: they are shown, so they are scrubbed.
    acme.fake.metadataApi.settings.componentFailures = [{ type: 'Flow', fullName: 'Pilot_Case_Routing', problem: `Session ${FAKE_TOKEN} may not read Flow Pilot_Case_Routing` }];
    const snapshot = await retrieveOrg(options());
    shown.push(JSON.stringify(snapshot));
    const { result } = await review({ baseDir: project, sourceDirs: [snapshot.sourceDir] });
    shown.push(renderers.markdown(result), renderers.json(result));
    shown.push(JSON.stringify(await retrieveOrg(options({ useCache: true }))));
    acme.fake.metadataApi.settings.componentFailures = [];

    await failWith({ kind: 'invalid-session', when: { soapAction: 'checkRetrieveStatus' } });
    await failWith({ kind: 'request-limit', when: { soql: 'FROM PermissionSetAssignment' } });
    await failWith({ kind: 'http-503', when: { soapAction: 'listMetadata' } });
    await failWith({ kind: 'drop-connection', when: { soapAction: 'retrieve' } });
    acme.fake.metadataApi.settings.neverFinish = true;
    await failWith(undefined, { waitMinutes: 0.005 });
    acme.fake.metadataApi.settings.neverFinish = false;
    await failWith(undefined, { apiVersion: '99.0' });
    acme.fake.state.accessToken = 'rotated';
    await failWith(undefined);
  });
  afterAll(async () => {
    for (const undo of restore) undo();
    await acme.fake.close();
  });

  it('the runs happened (the token was really used)', () => {
    expect(acme.fake.calls('retrieve')).toBeGreaterThan(2);
    expect(shown.join('\n')).toContain('[redacted]');
    expect(shown.some((line) => line.includes('OrgAuthExpired'))).toBe(true);
  });

  it('is in no progress message, error, snapshot or report', () => {
    expect(shown.join('\n')).not.toContain(FAKE_TOKEN);
    expect(shown.join('\n')).not.toContain('TOKEN-SHOULD-NEVER-LEAK');
  });

  it('is in nothing printed', () => {
    expect(printed).not.toContain('TOKEN-SHOULD-NEVER-LEAK');
  });

  it('is in no file written: cache, logs, temp folders, the sf state in HOME', () => {
    const roots = [process.env.HOME!, temp, project];
    const files = roots.flatMap((root) => filesUnder(root));
    expect(files.some((file) => file.endsWith('retrieval.json'))).toBe(true);
    const leaking = files.filter((file) => statSync(file).size < 50_000_000 && readFileSync(file).toString('latin1').includes('TOKEN-SHOULD-NEVER-LEAK'));
    expect(leaking).toEqual([]);
  });
});

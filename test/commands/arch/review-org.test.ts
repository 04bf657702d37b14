// `sf arch review --target-org` end to end: the command (in-process and as a child process) against
// the fake org serving the sample (test/helpers/fake-org), compared with the local review of the sample.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateAggregator } from '@salesforce/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import type { Finding } from '../../../src/review/finding.js';
import type { ReviewResult } from '../../../src/review/result.js';
import { review } from '../../../src/review/review.js';
import { startAcmeOrg, type AcmeOrg } from '../../helpers/fake-org/acme.js';
import { SAMPLE_USERS } from '../../helpers/fake-org/sample-records.js';
import { FAKE_TOKEN } from '../../helpers/fake-org/server.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

const AS_OF = '2026-11-23';
const samplePolicy = join(fixturesDir, 'acme', 'arch-review.yml');

// Outside a DX project the org cache lives under the system temp folder: this file gets its own
// (the child processes too), so no run here or in another file reads a cache it did not write.
const temp = mkdtempSync(join(tmpdir(), 'arch-review-org-cmd-'));
process.env.TMPDIR = temp;

type Envelope = { status: number; result: ReviewResult };

/** ruleId + severity + fingerprint: what must not change between the local and the org review. */
const key = (finding: Finding): string => `${finding.ruleId} ${finding.severity} ${finding.fingerprint}`;

function expectNoToken(...outputs: string[]): void {
  expect(FAKE_TOKEN).toContain('TOKEN-SHOULD-NEVER-LEAK');
  for (const output of outputs) expect(output).not.toContain('TOKEN-SHOULD-NEVER-LEAK');
}

type Child = { status: number | null; stdout: string; stderr: string };

/**
 * Runs bin/run.js as a child process with this file's HOME (where the fake org's auth is saved).
 * Asynchronously, not with spawnSync: the fake org answers from this process's event loop, which
 * spawnSync would block until the child gave up.
 */
function runBin(args: string[], cwd: string): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin', 'run.js'), ...args], {
      cwd,
      env: { ...process.env, HOME: process.env.HOME, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('sf arch review --target-org', () => {
  let acme: AcmeOrg;
  /** The review's cwd: a folder holding only a copy of the sample's policy, so both reviews read the same policy. */
  let cwd: string;
  const originalCwd = process.cwd();

  beforeEach(async () => {
    acme = await startAcmeOrg();
    cwd = mkdtempSync(join(temp, 'cwd-'));
    copyFileSync(samplePolicy, join(cwd, 'arch-review.yml'));
    process.chdir(cwd);
  });
  afterEach(async () => {
    process.chdir(originalCwd);
    await acme.fake.close();
  });

  it('finds what the local review of the sample finds, and names the org and the users it read', async () => {
    const local = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: AS_OF });
    const run = await runCommand<ReviewResult>(ArchReview, ['--target-org', acme.fake.username, '--as-of', AS_OF, '--detail', 'full', '--json']);
    expect(run.error).toBeUndefined();
    const { status, result } = JSON.parse(run.stdout) as Envelope;
    expect(status).toBe(0);
    expect(result.parseIssues).toEqual([]);
    expect(result.ruleErrors).toEqual([]);

    // The retrieved tree lives under the org cache, so the findings' component files differ from
    // the local ones (force-app/main/default/...); fingerprints never include paths, so they match.
    expect(result.findings.length).toBeGreaterThan(10);
    expect(result.findings.map(key).sort()).toEqual(local.result.findings.map(key).sort());
    expect(result.sourceDirs).not.toEqual(local.result.sourceDirs);

    expect(result.org).toMatchObject({ id: acme.fake.orgId, username: acme.fake.username, instanceUrl: acme.fake.url, apiVersion: '62.0', fromCache: false });
    expect(Date.parse(result.org!.retrievedAt)).not.toBeNaN();
    expect(local.result.org).toBeUndefined();

    // The org's users and assignments: the integration users the policy does not name (it names
    // *@acme.com, the org has *@acme.example) are detected from their permission sets, with what
    // each user holds, as the PermissionSetAssignment query returned it.
    const principals = new Map(result.integrationUsers!.principals.map((principal) => [principal.id, principal]));
    const localIds = local.result.integrationUsers!.principals.map((principal) => principal.id);
    expect(localIds.some((id) => id.endsWith('@acme.example'))).toBe(false);
    expect(principals.get('User:sap.integration@acme.example')).toMatchObject({
      origin: 'detected',
      holds: ['Profile:SAP Integration Profile', 'PermissionSet:SAP_Integration'],
      login: 'API only (ApiUserOnly)',
    });
    const billing = SAMPLE_USERS.find((user) => user.username === 'billing.sync@acme.example')!;
    expect(principals.get('User:billing.sync@acme.example')).toMatchObject({
      origin: 'detected',
      holds: ['PermissionSet:Billing_Sync'],
      // Its profile is a standard one, not in the org's retrieved metadata.
      missing: [`Profile:${billing.profile}`],
    });
    // Users without integration permissions (admin, sales rep, finance lead) are not listed.
    expect([...principals.keys()].filter((id) => id.endsWith('@acme.example')).sort()).toEqual([
      'User:billing.sync@acme.example',
      'User:sap.integration@acme.example',
    ]);
    expectNoToken(run.stdout, run.stderr);
  });

  it('runs as a child process (bin/run.js) with an alias, printing JSON only on stdout', async () => {
    const state = await StateAggregator.getInstance();
    await state.aliases.setAndSave('acme-fake', acme.fake.username);
    const child = await runBin(['arch', 'review', '--target-org', 'acme-fake', '--as-of', AS_OF, '--json'], cwd);
    expect(child.status, child.stderr).toBe(0);
    // JSON.parse of the whole stdout: nothing else (spinner, warnings, info) was printed there.
    const envelope = JSON.parse(child.stdout) as Envelope;
    expect(envelope.status).toBe(0);
    expect(envelope.result.org).toMatchObject({ id: acme.fake.orgId, username: acme.fake.username, fromCache: false });
    expect(envelope.result.findings.length).toBeGreaterThan(10);
    expect(acme.fake.calls('retrieve')).toBe(1);
    expectNoToken(child.stdout, child.stderr);
  });

  it('--use-cache reviews the cached retrieval without retrieving again', async () => {
    const first = await runCommand<ReviewResult>(ArchReview, ['--target-org', acme.fake.username, '--as-of', AS_OF, '--json']);
    expect(first.error).toBeUndefined();
    expect(acme.fake.calls('retrieve')).toBe(1);
    const before = (JSON.parse(first.stdout) as Envelope).result;
    acme.fake.requests.length = 0;

    const second = await runCommand<ReviewResult>(ArchReview, ['--target-org', acme.fake.username, '--as-of', AS_OF, '--use-cache', '--json']);
    expect(second.error).toBeUndefined();
    const after = (JSON.parse(second.stdout) as Envelope).result;
    expect(acme.fake.calls('retrieve')).toBe(0);
    expect(acme.fake.calls('checkRetrieveStatus')).toBe(0);
    expect(after.org).toMatchObject({ fromCache: true, retrievedAt: before.org!.retrievedAt, id: acme.fake.orgId });
    expect(after.findings.map(key)).toEqual(before.findings.map(key));
    expectNoToken(first.stdout, first.stderr, second.stdout, second.stderr);
  });

  it('fails with a clear message and no stack trace when the org answers REQUEST_LIMIT_EXCEEDED', async () => {
    acme.fake.faults.add({ kind: 'request-limit', when: { soapAction: 'retrieve' } });
    const child = await runBin(['arch', 'review', '--target-org', acme.fake.username, '--as-of', AS_OF], cwd);
    expect(child.status).not.toBe(0);
    // Not retried: a spent allowance does not come back by asking again.
    expect(acme.fake.calls('retrieve')).toBe(1);
    expect(child.stderr).toContain('The org has used up its API request allowance (REQUEST_LIMIT_EXCEEDED)');
    expect(child.stderr).toContain('sf org list limits');
    expect(child.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    expect(child.stdout).not.toContain('# Architecture review');
    expectNoToken(child.stdout, child.stderr);
  });
});

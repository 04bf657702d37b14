// `sf arch diff --target-org`: the project against the fake org serving the sample (test/helpers/fake-org).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ArchDiff, { type ArchDiffResult } from '../../../src/commands/arch/diff.js';
import { startAcmeOrg, type AcmeOrg } from '../../helpers/fake-org/acme.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

const AS_OF = '2026-11-23';

// Outside a DX project the org cache lives under the system temp folder: this file gets its own.
const temp = mkdtempSync(join(tmpdir(), 'arch-review-diff-org-'));
process.env.TMPDIR = temp;

describe('sf arch diff --target-org', () => {
  let acme: AcmeOrg;
  let cwd: string;
  const originalCwd = process.cwd();

  beforeEach(async () => {
    acme = await startAcmeOrg();
    // The sample as the local side, with its policy (so both sides are judged by the same one).
    cwd = mkdtempSync(join(temp, 'project-'));
    cpSync(join(fixturesDir, 'acme'), cwd, { recursive: true });
    process.chdir(cwd);
  });
  afterEach(async () => {
    process.chdir(originalCwd);
    await acme.fake.close();
  });

  it('finds no drift between the sample and the org serving it, and names the org side', async () => {
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--target-org', acme.fake.username, '--as-of', AS_OF, '--json']);
    expect(run.error).toBeUndefined();
    const { result } = JSON.parse(run.stdout) as { result: ArchDiffResult };
    expect(result.automations).toEqual([]);
    expect(result.permissions).toEqual([]);
    expect(result.ownership).toEqual([]);
    expect(result.b.org).toMatchObject({ username: acme.fake.username, instanceUrl: acme.fake.url });
    expect(result.a.org).toBeUndefined();
    expect(Array.isArray(result.b.org!.notCompared)).toBe(true);
  });

  it('names what the project lost against the org, with evidence on the org side, in Markdown', async () => {
    // The local side drops a flow the org still runs.
    rmSync(join(cwd, 'force-app', 'main', 'default', 'flows', 'Account_Credit_Hold_Alert.flow-meta.xml'), { force: true });
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--target-org', acme.fake.username, '--as-of', AS_OF]);
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain(`the org \`${acme.fake.username}\``);
    expect(run.result!.automations.map((diff) => `${diff.change} ${diff.type} ${diff.name}`)).toContain('added flow Account_Credit_Hold_Alert');
    const added = run.result!.automations.find((diff) => diff.name === 'Account_Credit_Hold_Alert')!;
    expect(added.b?.file).toMatch(/Account_Credit_Hold_Alert\.flow$/);
  });

  it('reads the retrieved org inside a DX project (the project .forceignore ignores everything under .sfdx)', async () => {
    // Before the cache had a .forceignore of its own, this review saw no component of the org at all.
    const { default: ArchReview } = await import('../../../src/commands/arch/review.js');
    const run = await runCommand<unknown>(ArchReview, ['--target-org', acme.fake.username, '--as-of', AS_OF, '--json']);
    expect(run.error).toBeUndefined();
    const { result } = JSON.parse(run.stdout) as { result: { summary: { counts: Record<string, number> }; sourceDirs: string[] } };
    expect(result.sourceDirs[0]).toMatch(/^\.sfdx\/arch-review\//);
    expect(result.summary.counts).toMatchObject({ Flow: 16, ApexTrigger: 5, PermissionSet: 8 });
  });

  it('wants exactly one of --source-dir-b and --target-org', async () => {
    const neither = await runCommand<ArchDiffResult>(ArchDiff, ['--as-of', AS_OF]);
    expect(neither.error?.message).toMatch(/source-dir-b|target-org/);
    const both = await runCommand<ArchDiffResult>(ArchDiff, ['--target-org', acme.fake.username, '--source-dir-b', 'force-app']);
    expect(both.error?.message).toMatch(/cannot also be provided|exactly one|source-dir-b/i);
  });
});

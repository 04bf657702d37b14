import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/**
 * The plugin as users run it: the Salesforce CLI from npm, `sf plugins link .`, then `sf arch review`.
 * The CLI install is cached per version under ~/.cache so repeated runs on one machine skip it.
 */
const CLI_VERSION = process.env.SF_CLI_VERSION ?? '2';
const cacheDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'sf-arch-review-e2e', `sf-cli-${CLI_VERSION}`);
const sfBin = join(cacheDir, 'node_modules', '.bin', 'sf');
// The node that runs this test is the repo's pinned Node 22 (npm scripts put node_modules/.bin first).
const nodeBinDir = dirname(process.execPath);
const home = mkdtempSync(join(tmpdir(), 'arch-review-e2e-home-'));
const env = { ...process.env, HOME: home, PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`, SF_AUTOUPDATE_DISABLE: 'true', SF_DISABLE_TELEMETRY: 'true', SF_HIDE_RELEASE_NOTES: 'true' };

function sf(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(sfBin, args, { cwd: repoRoot, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('through the real sf CLI', () => {
  beforeAll(() => {
    if (!existsSync(sfBin)) {
      mkdirSync(cacheDir, { recursive: true });
      execFileSync('npm', ['install', '--prefix', cacheDir, '--no-audit', '--no-fund', `@salesforce/cli@${CLI_VERSION}`], { stdio: 'inherit', env: { ...process.env, PATH: env.PATH } });
    }
    const link = sf(['plugins', 'link', '.']);
    expect(link.status, link.stderr).toBe(0);
  });

  it('lists the linked plugin', () => {
    const plugins = sf(['plugins', '--json']);
    expect(plugins.status).toBe(0);
    // `sf plugins --json` prints a bare array (plugin-plugins is not an SfCommand); older CLIs wrapped it.
    const parsed = JSON.parse(plugins.stdout) as Array<{ name: string }> | { result: Array<{ name: string }> };
    const names = (Array.isArray(parsed) ? parsed : parsed.result).map((plugin) => plugin.name);
    expect(names).toContain('sf-arch-review');
  });

  it('runs sf arch review --source-dir fixtures/acme --json', () => {
    const run = sf(['arch', 'review', '--source-dir', 'fixtures/acme', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const envelope = JSON.parse(run.stdout) as { status: number; result: { schemaVersion: string; findings: Array<{ ruleId: string }>; parseIssues: unknown[] } };
    expect(envelope.status).toBe(0);
    expect(envelope.result.parseIssues).toEqual([]);
    expect(envelope.result.findings.map((finding) => finding.ruleId)).toContain('recursion/cross-object-cycle');
  });

  it('shows the command help', () => {
    const help = sf(['arch', 'review', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--source-dir');
    expect(readFileSync(join(repoRoot, 'messages', 'arch.review.md'), 'utf8')).toContain('# summary');
  });
});

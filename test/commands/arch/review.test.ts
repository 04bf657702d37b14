import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import { RESULT_SCHEMA_VERSION } from '../../../src/review/result.js';
import type { CompactResult } from '../../../src/review/compact.js';
import type { ReviewResult } from '../../../src/review/review.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

const sample = join(fixturesDir, 'acme', 'force-app');

describe('sf arch review (in-process)', () => {
  it('prints the Markdown report of the sample', async () => {
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sample]);
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('# Architecture review');
    expect(run.stdout).toContain('## Summary');
    expect(run.stdout).toContain('## Automation by object');
    expect(run.stdout).toContain('### Objects');
    expect(run.stdout).toMatch(/\| `Account` \| standard \| \d+ \| \d+ \| \d+ \| \d+ \|/);
    expect(run.result?.summary.counts.Flow).toBeGreaterThanOrEqual(12);
  });

  it('returns the compact result in the sf JSON envelope with --json, and no progress on stderr', async () => {
    const run = await runCommand<CompactResult>(ArchReview, ['--source-dir', sample, '--json']);
    const envelope = JSON.parse(run.stdout) as { status: number; result: CompactResult };
    expect(envelope.status).toBe(0);
    expect(envelope.result.detail).toBe('compact');
    expect(envelope.result.summary.counts.Flow).toBeGreaterThanOrEqual(12);
    expect(envelope.result.summary.findings.critical).toBeGreaterThan(0);
    expect(envelope.result.findings.length).toBeGreaterThan(0);
    expect(Object.keys(envelope.result)).not.toContain('objects');
    expect(run.stderr).not.toContain('arch review ');
  });

  it('returns the whole result in the sf JSON envelope with --json --detail full', async () => {
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sample, '--json', '--detail', 'full']);
    const envelope = JSON.parse(run.stdout) as { status: number; result: ReviewResult };
    expect(envelope.status).toBe(0);
    expect(envelope.result.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(envelope.result.parseIssues).toEqual([]);
    expect(envelope.result.summary.objects.map((object) => object.name)).toEqual(
      expect.arrayContaining(['Account', 'Case', 'Contact', 'Invoice__c', 'Opportunity', 'Subscription__c']),
    );
  });

  it('fails fast when there is no project and no --source-dir', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'arch-review-empty-'));
    const cwd = process.cwd();
    process.chdir(empty);
    try {
      const run = await runCommand<ReviewResult>(ArchReview, []);
      expect(run.error?.message).toContain('has no sfdx-project.json and no --source-dir was given');
      expect(run.error?.actions?.join(' ')).toContain('--source-dir');
    } finally {
      process.chdir(cwd);
    }
  });

  it('names the folder when --source-dir does not exist', async () => {
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', 'no/such/folder']);
    expect(run.error?.message).toContain('no/such/folder');
  });

  it('says which file is invalid when sfdx-project.json is not JSON', async () => {
    const project = mkdtempSync(join(tmpdir(), 'arch-review-badproject-'));
    writeFileSync(join(project, 'sfdx-project.json'), '{ "packageDirectories": [ ');
    const cwd = process.cwd();
    process.chdir(project);
    try {
      const run = await runCommand<ReviewResult>(ArchReview, []);
      expect(run.error?.message).toMatch(/sfdx-project\.json is not valid JSON/);
    } finally {
      process.chdir(cwd);
    }
  });
});

describe('bin/run.js (child process)', () => {
  it('runs the built command on the sample and prints JSON only on stdout', () => {
    const child = spawnSync(process.execPath, [join(repoRoot, 'bin', 'run.js'), 'arch', 'review', '--source-dir', sample, '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env },
    });
    expect(child.status, child.stderr).toBe(0);
    const envelope = JSON.parse(child.stdout) as { result: ReviewResult };
    expect(envelope.result.summary.counts.ApexTrigger).toBeGreaterThanOrEqual(5);
  });

  it('exits 2 with a clear message for a missing source folder', () => {
    const child = spawnSync(process.execPath, [join(repoRoot, 'bin', 'run.js'), 'arch', 'review', '--source-dir', 'missing-folder'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('The source directory missing-folder does not exist.');
    expect(child.stderr).not.toMatch(/\s+at .*\.js:\d+/);
  });
});

import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import { serializeSnapshot } from '../../../src/permissions/snapshot.js';
import { review, type ReviewResult } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

/** `sf arch review --save-snapshot / --baseline / --assignments`, run in a copy of the sample. */
describe('sf arch review: permission snapshot, baseline and assignments', () => {
  let project: string;
  let cwd: string;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'arch-review-snapshot-'));
    cpSync(join(fixturesDir, 'acme'), project, { recursive: true });
    cwd = process.cwd();
    process.chdir(project);
  });
  afterEach(() => process.chdir(cwd));

  const creepOf = (result: ReviewResult | undefined): string[] =>
    (result?.findings ?? []).filter((finding) => finding.ruleId === 'perm/integration-creep').map((finding) => `${finding.severity} ${finding.message}`);

  it('saves a snapshot (atomically, folders created), then compares with it', async () => {
    const saved = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--save-snapshot', 'audit/permissions.json', '--output-file', 'review.md']);
    expect(saved.error).toBeUndefined();
    expect(`${saved.stdout}${saved.stderr}`).toMatch(/Wrote the permission snapshot of 5 integration principal\(s\) to .*audit[/\\]permissions\.json\./);
    const text = readFileSync(join(project, 'audit', 'permissions.json'), 'utf8');
    const { permissionSnapshot } = await review({ baseDir: project, sourceDirs: [], asOf: '2026-11-23' });
    expect(text).toBe(serializeSnapshot(permissionSnapshot()));
    expect(readFileSync(join(project, 'review.md'), 'utf8')).toContain('## Integration users');

    const same = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--baseline', 'audit/permissions.json', '--json']);
    expect(same.error).toBeUndefined();
    expect(creepOf(same.result)).toEqual([]);

    const file = join(project, 'force-app/main/default/permissionsets/SAP_Integration.permissionset-meta.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</PermissionSet>', '    <userPermissions>\n        <enabled>true</enabled>\n        <name>ManageUsers</name>\n    </userPermissions>\n</PermissionSet>'));
    const grown = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--baseline', 'audit/permissions.json', '--json']);
    expect(creepOf(grown.result)).toEqual(['critical Integration principal PermissionSet SAP_Integration gained 1 grant since the baseline audit/permissions.json: ManageUsers.']);
  });

  it('fails fast, naming the file, on a baseline that is neither a snapshot nor a report', async () => {
    writeFileSync(join(project, 'notes.json'), JSON.stringify({ release: 41 }));
    const run = await runCommand<ReviewResult>(ArchReview, ['--baseline', 'notes.json']);
    expect(run.error?.message).toBe('--baseline notes.json is neither a saved review report nor a permission snapshot.');
    expect(run.error?.exitCode).toBe(2);
    expect(run.error?.actions?.join(' ')).toContain('--save-snapshot');
  });

  it('takes a saved report and a permission snapshot through the same --baseline flag', async () => {
    const saved = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--format', 'json', '--output-file', 'report.json', '--save-snapshot', 'audit/permissions.json']);
    expect(saved.error).toBeUndefined();
    const run = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--baseline', 'report.json', '--baseline', 'audit/permissions.json', '--json']);
    expect(run.error).toBeUndefined();
    expect(run.result?.baseline).toMatchObject({ kind: 'baseline-file', file: 'report.json' });
    expect(run.result?.findings.every((finding) => finding.baselineState === 'existing')).toBe(true);
  });

  it('fails fast with the line on a bad assignments file, and reads a good one', async () => {
    writeFileSync(join(project, 'bad.csv'), 'Username,PermissionSet,PermissionSetGroup,Profile\nsap.integration@acme.com,SAP_Integration\n');
    const bad = await runCommand<ReviewResult>(ArchReview, ['--assignments', 'bad.csv']);
    expect(bad.error?.message).toBe('bad.csv:2: not a valid assignments file: expected 4 values, as in the header, found 2.');
    expect(bad.error?.exitCode).toBe(2);

    writeFileSync(
      join(project, 'assignments.csv'),
      'Username,PermissionSet,PermissionSetGroup,Profile\nsap.integration@acme.com,SAP_Integration,,SAP Integration Profile\njane@acme.com,SAP_Integration,,Acme Sales User\n',
    );
    const good = await runCommand<ReviewResult>(ArchReview, ['--as-of', '2026-11-23', '--assignments', 'assignments.csv', '--json']);
    expect(good.error).toBeUndefined();
    const interactive = (good.result?.findings ?? []).filter((finding) => finding.ruleId === 'perm/integration-interactive');
    expect(interactive.map((finding) => `${finding.severity} ${finding.components[0]!.type} ${finding.components[0]!.name}`)).toEqual(['medium PermissionSet SAP_Integration']);
    expect(existsSync(join(project, 'audit'))).toBe(false);
  });
});

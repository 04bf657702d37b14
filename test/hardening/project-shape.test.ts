import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchReview from '../../src/commands/arch/review.js';
import type { ReviewResult } from '../../src/review/review.js';
import { runCommand } from '../helpers/run-command.js';
import { flowXml, hostileProject, NS, permissionSetXml, reviewDir, SRC, tempDir, XML } from './kit.js';

type SfLikeError = Error & { exitCode?: number; actions?: string[] };

/** An input error must be an sf-style error: exit 2, with actions, and no stack trace in the message. */
async function expectInputError(run: Promise<unknown>, message: RegExp): Promise<void> {
  const error = (await run.then(() => undefined, (caught: unknown) => caught)) as SfLikeError | undefined;
  expect(error, 'expected an input error').toBeDefined();
  expect(error!.message).toMatch(message);
  expect(error!.message).not.toMatch(/\n\s+at /);
  expect(error!.exitCode).toBe(2);
  expect(error!.actions?.length).toBeGreaterThan(0);
}

describe('project shape', () => {
  it('an empty project is an empty review', async () => {
    const { result } = await reviewDir(hostileProject({}));
    expect(result.parseIssues).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('a missing --source-dir, a file as --source-dir, a file as package directory fail with exit 2', async () => {
    const root = hostileProject({});
    writeFileSync(join(root, 'notes.txt'), 'not a folder');
    await expectInputError(reviewDir(root, ['does/not exist']), /does not exist/);
    await expectInputError(reviewDir(root, ['notes.txt']), /is a file, not a folder/);
    writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'notes.txt' }] }));
    await expectInputError(reviewDir(root), /is a file, not a folder/);
  });

  it('an sfdx-project.json that is not JSON fails with exit 2 through the command, no stack trace', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'sfdx-project.json'), '{ "packageDirectories": [ ');
    await expectInputError(reviewDir(root), /sfdx-project\.json is not valid JSON/);
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const run = await runCommand<ReviewResult>(ArchReview, ['--no-cache']);
      expect(run.error?.exitCode).toBe(2);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('a symlink loop does not hang the review', async () => {
    const root = hostileProject({ 'flows/Good.flow-meta.xml': flowXml('Good', '') });
    symlinkSync(join(root, SRC), join(root, SRC, 'flows', 'loop'));
    symlinkSync(join(root, SRC, 'self'), join(root, SRC, 'self'));
    const { model } = await reviewDir(root);
    expect(model.flows.map((flow) => flow.name)).toEqual(['Good']);
  });

  it('an unreadable file is a ParseIssue (as root, it is read)', async () => {
    const root = hostileProject({ 'permissionsets/Locked.permissionset-meta.xml': permissionSetXml('Locked') });
    const file = join(root, SRC, 'permissionsets/Locked.permissionset-meta.xml');
    chmodSync(file, 0o000);
    let readable = true;
    try {
      readFileSync(file);
    } catch {
      readable = false;
    }
    const { model, result } = await reviewDir(root);
    if (readable) expect(model.permissionSets.map((set) => set.name)).toEqual(['Locked']);
    else expect(result.parseIssues.map((issue) => issue.file)).toContain(`${SRC}/permissionsets/Locked.permissionset-meta.xml`);
  });

  it('the same component in two package directories is reported once, not double counted', async () => {
    const root = hostileProject({ 'flows/Twice.flow-meta.xml': flowXml('Twice', '') });
    mkdirSync(join(root, 'other/flows'), { recursive: true });
    writeFileSync(join(root, 'other/flows/Twice.flow-meta.xml'), flowXml('Twice', ''));
    writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }, { path: 'other' }] }));
    const { model, result } = await reviewDir(root);
    expect(model.flows.map((flow) => flow.name)).toEqual(['Twice']);
    const issue = result.parseIssues.find((entry) => /more than one place/.test(entry.message));
    expect(issue?.message).toMatch(/other\/flows\/Twice\.flow-meta\.xml/);
  });

  it('mixed source and metadata API format, paths with spaces and unicode', async () => {
    const root = hostileProject({ 'flows/Ünïcode Flow.flow-meta.xml': flowXml('Ünïcode Flow', '') });
    mkdirSync(join(root, 'md api/flows'), { recursive: true });
    writeFileSync(join(root, 'md api/package.xml'), `${XML}<Package ${NS}><types><members>*</members><name>Flow</name></types><version>62.0</version></Package>`);
    writeFileSync(join(root, 'md api/flows/Legacy.flow'), flowXml('Legacy', ''));
    const { model, result } = await reviewDir(root, ['force-app', 'md api']);
    expect(model.flows.map((flow) => flow.name).sort()).toEqual(['Legacy', 'Ünïcode Flow']);
    expect(result.parseIssues).toEqual([]);
  });
});

import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyGate } from '../../src/gate/apply-gate.js';
import { reviewAtRef } from '../../src/gate/base-ref.js';
import type { ReviewResult } from '../../src/review/result.js';
import { EMPTY_POLICY } from '../../src/policy/policy.js';
import { review, type ReviewConfig } from '../../src/review/review.js';
import { writeProject } from '../helpers/dx-project.js';
import { crossObjectCycle, GitProject, selfUpdateHigh, selfUpdateLow } from './git-repo.js';

const AS_OF = '2026-11-23';

/** The working tree reviewed against `ref`, then gated `--fail-on high` with the given scope. */
async function gateAgainst(project: GitProject, ref: string, scope: 'new' | 'all' = 'new', config: Partial<ReviewConfig> = {}): Promise<ReviewResult> {
  const full: ReviewConfig = { baseDir: project.root, sourceDirs: [], asOf: AS_OF, ...config };
  const { result } = await recursionOnly(full);
  const base = await reviewAtRef(full, ref, recursionOnly);
  return applyGate(result, {
    policy: EMPTY_POLICY,
    asOf: AS_OF,
    baseline: { info: { kind: 'base-ref', ref, commit: base.commit, findings: base.findings.length }, findings: base.findings, warnings: base.warnings },
    gate: { failOn: 'high', scope },
  });
}

/** As `--rules recursion/*` will: the other categories' rules are written by others and change under these tests. */
async function recursionOnly(config: ReviewConfig): ReturnType<typeof review> {
  const reviewed = await review(config);
  return { ...reviewed, result: { ...reviewed.result, findings: reviewed.result.findings.filter((finding) => finding.ruleId.startsWith('recursion/')) } };
}

const states = (result: ReviewResult): string[] => result.findings.map((finding) => `${finding.baselineState} ${finding.severity} ${finding.ruleId} ${finding.object ?? ''}`);

describe('--base-ref: the project reviewed at another commit', () => {
  it('a commit that adds a cycle reports it new and the rest existing, and fails a high/new gate', async () => {
    const project = new GitProject([...selfUpdateHigh('Ticket__c'), ...selfUpdateLow('Note__c')]);
    project.write(crossObjectCycle()).commit('add the Alpha/Beta cycle');
    const gated = await gateAgainst(project, 'HEAD~1');
    expect(states(gated)).toEqual([
      'new critical recursion/cross-object-cycle Alpha__c',
      'existing high recursion/self-update Ticket__c',
      'existing low recursion/self-update Note__c',
    ]);
    expect(gated.fixed).toEqual([]);
    expect(gated.gate).toMatchObject({ status: 'failed', exitCode: 1, failOn: 'high', scope: 'new' });
    expect(gated.gate!.failing).toEqual([gated.findings[0]!.fingerprint]);
    expect(gated.gate!.summary).toBe('Release gate failed: 1 new finding at high or above (1 critical).');
    expect(gated.baseline).toMatchObject({ kind: 'base-ref', ref: 'HEAD~1', findings: 2 });
  });

  it('a commit that removes one reports it fixed, and passes', async () => {
    const project = new GitProject([...selfUpdateHigh('Ticket__c'), ...selfUpdateLow('Note__c')]);
    project.remove(['flows/Ticket_After_Save.flow-meta.xml']).commit('fix the Ticket re-save');
    const gated = await gateAgainst(project, 'main~1');
    expect(states(gated)).toEqual(['existing low recursion/self-update Note__c']);
    expect(gated.fixed!.map((finding) => `${finding.baselineState} ${finding.severity} ${finding.ruleId} ${finding.object}`)).toEqual([
      'fixed high recursion/self-update Ticket__c',
    ]);
    expect(gated.gate).toMatchObject({ status: 'passed', exitCode: 0 });
  });

  it('fails a high/new gate only for a new high finding: a new low one passes, an existing high one passes', async () => {
    const project = new GitProject(selfUpdateHigh('Ticket__c'));
    project.write(selfUpdateLow('Note__c')).commit('add a guarded flow');
    const gated = await gateAgainst(project, 'HEAD~1');
    expect(states(gated)).toEqual(['existing high recursion/self-update Ticket__c', 'new low recursion/self-update Note__c']);
    expect(gated.gate).toMatchObject({ status: 'passed', exitCode: 0, failing: [] });
    // The same review with scope all fails on the existing high finding.
    const all = await gateAgainst(project, 'HEAD~1', 'all');
    expect(all.gate).toMatchObject({ status: 'failed', exitCode: 1 });
  });

  it('never touches the working tree, the index or the list of worktrees, and compares committed files only', async () => {
    const project = new GitProject(selfUpdateHigh('Ticket__c'));
    project.write(crossObjectCycle()).commit('add the cycle');
    // Uncommitted work: a staged new flow and an unstaged edit.
    project.write(selfUpdateLow('Note__c'));
    project.git('add', 'force-app/main/default/objects/Note__c');
    writeFileSync(join(project.root, 'force-app', 'main', 'default', 'README.txt'), 'scratch');
    const status = project.git('status', '--porcelain=v1', '--untracked-files=all');
    const head = project.git('rev-parse', 'HEAD');
    const before = readdirSync(tmpdir()).filter((name) => name.startsWith('arch-review-base-'));

    const gated = await gateAgainst(project, 'HEAD');
    // HEAD has the cycle; the uncommitted Note__c flow is only in the working tree, so it alone is new.
    expect(states(gated)).toEqual([
      'existing critical recursion/cross-object-cycle Alpha__c',
      'existing high recursion/self-update Ticket__c',
      'new low recursion/self-update Note__c',
    ]);

    expect(project.git('status', '--porcelain=v1', '--untracked-files=all')).toBe(status);
    expect(project.git('rev-parse', 'HEAD')).toBe(head);
    expect(project.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('arch-review-base-'))).toEqual(before);
  });

  it('maps a project in a subfolder, and --source-dir, to the same place at the ref', async () => {
    const project = new GitProject([]);
    const sub = join(project.root, 'org');
    mkdirSync(sub);
    const inner = writeProject(selfUpdateHigh('Ticket__c'));
    for (const name of ['sfdx-project.json', 'force-app']) renameSync(join(inner, name), join(sub, name));
    project.commit('the project moves into org/');
    writeFileSync(join(sub, 'force-app', 'main', 'default', 'flows', 'Ticket_After_Save.flow-meta.xml'), '<broken');
    const gated = await gateAgainst(project, 'HEAD', 'new', { baseDir: sub, sourceDirs: ['force-app'] });
    // The working tree's flow no longer parses: the finding is gone (fixed) and the gate cannot vouch for a pass.
    expect(gated.fixed!.map((finding) => finding.object)).toEqual(['Ticket__c']);
    expect(gated.gate).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });

  it('says everything is new when the project did not exist at the ref', async () => {
    const project = new GitProject([]);
    project.write(selfUpdateHigh('Ticket__c')).commit('first flow');
    const sub = join(project.root, 'later');
    mkdirSync(sub);
    const base = await reviewAtRef({ baseDir: project.root, sourceDirs: ['force-app'], asOf: AS_OF }, 'HEAD~1');
    expect(base.findings).toEqual([]);
    const missing = await reviewAtRef({ baseDir: sub, sourceDirs: [], asOf: AS_OF }, 'HEAD~1');
    expect(missing.warnings[0]).toMatch(/did not exist at HEAD~1: every finding counts as new/);
  });

  it('fails as a usage error (exit code 2) for a bad ref or a folder outside git', async () => {
    const project = new GitProject(selfUpdateHigh('Ticket__c'));
    const config: ReviewConfig = { baseDir: project.root, sourceDirs: [], asOf: AS_OF };
    await expect(reviewAtRef(config, 'no-such-branch')).rejects.toMatchObject({ exitCode: 2, name: 'BaseRefNotFound' });
    await expect(reviewAtRef(config, '--upload-pack=evil')).rejects.toMatchObject({ exitCode: 2, name: 'InvalidBaseRef' });
    const plain = writeProject(selfUpdateHigh('Ticket__c'));
    await expect(reviewAtRef({ ...config, baseDir: plain }, 'main')).rejects.toMatchObject({ exitCode: 2, name: 'NotAGitRepository' });
    expect(project.git('worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });
});

import { existsSync, realpathSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { inputError } from '../load/errors.js';
import { POLICY_FILE } from '../policy/load-policy.js';
import type { Finding } from '../review/finding.js';
import type { ReviewConfig } from '../review/review.js';
import { git, GitError } from './git.js';

/** What a base-ref review needs of `review()`: the findings, and whether it could read everything. */
export type ReviewFunction = (config: ReviewConfig) => Promise<{
  result: { findings: Finding[]; parseIssues: unknown[]; ruleErrors: Array<{ ruleId: string }> };
}>;

export type BaseRefReview = {
  ref: string;
  /** The commit the ref named when the review ran. */
  commit: string;
  findings: Finding[];
  /** Problems of the base review: they make `new` less precise, never the current review less complete. */
  warnings: string[];
};

/**
 * `--base-ref REF`: reviews the project as it was at REF, with the same config, and returns its
 * findings. The files come from a detached `git worktree` in a temporary folder, removed afterwards:
 * the user's working tree, index and branches are never touched, and uncommitted changes stay out of
 * the baseline. The current policy is used for both sides, so a policy change never shows up as a
 * metadata change.
 */
export async function reviewAtRef(config: ReviewConfig, ref: string, reviewFn?: ReviewFunction): Promise<BaseRefReview> {
  if (ref.trim() === '' || ref.startsWith('-')) {
    throw inputError(`--base-ref needs a branch, tag or commit; got "${ref}".`, ['For example --base-ref main or --base-ref origin/main.'], 'InvalidBaseRef');
  }
  const top = await repositoryRoot(config.baseDir);
  const commit = await resolveCommit(top, ref);
  const folder = await mkdtemp(join(tmpdir(), 'arch-review-base-'));
  const tree = join(folder, 'tree');
  try {
    // An empty hooks folder: checking out must not run the repository's post-checkout hooks.
    await mkdir(join(folder, 'no-hooks'));
    await git(top, ['-c', `core.hooksPath=${join(folder, 'no-hooks')}`, 'worktree', 'add', '--detach', '--quiet', tree, commit]);
    const mapped = await mapConfig(config, top, tree, folder);
    if ('missing' in mapped) return { ref, commit, findings: [], warnings: [`${mapped.missing} did not exist at ${ref}: every finding counts as new.`] };
    const runReview = reviewFn ?? (await import('../review/review.js')).review;
    let base;
    try {
      base = (await runReview(mapped.config)).result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw inputError(`The review of ${ref} (${commit.slice(0, 12)}) failed: ${message}`, ['Check that the project can be reviewed at that ref, or compare against a saved report with --baseline.'], 'BaseRefReviewFailed');
    }
    const warnings: string[] = [];
    if (base.parseIssues.length > 0) warnings.push(`At ${ref}, ${base.parseIssues.length} file(s) could not be read: findings in them may show as new.`);
    if (base.ruleErrors.length > 0) warnings.push(`At ${ref}, these rules failed, so their findings show as new: ${base.ruleErrors.map((error) => error.ruleId).join(', ')}.`);
    return { ref, commit, findings: base.findings, warnings };
  } finally {
    await removeWorktree(top, tree);
    await rm(folder, { recursive: true, force: true });
  }
}

async function repositoryRoot(baseDir: string): Promise<string> {
  try {
    return realpathSync(await git(baseDir, ['rev-parse', '--show-toplevel']));
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw inputError(`--base-ref needs a git repository, and ${baseDir} is not in one.`, ['Run the review inside the repository, or compare against a saved report with --baseline.'], 'NotAGitRepository');
  }
}

async function resolveCommit(top: string, ref: string): Promise<string> {
  try {
    return await git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    throw inputError(`--base-ref ${ref} names no commit in this repository.`, [
      'Check the branch or tag name; in CI, fetch it first (for example actions/checkout with fetch-depth: 0).',
    ], 'BaseRefNotFound');
  }
}

/**
 * The same config, read from the worktree: the base folder and every source folder at the same place
 * relative to the repository root. A folder missing at the ref means the project (or that part) is
 * new, so everything in it is new.
 */
async function mapConfig(config: ReviewConfig, top: string, tree: string, folder: string): Promise<{ config: ReviewConfig } | { missing: string }> {
  const inRepo = (path: string, what: string): string => {
    const real = existsSync(path) ? realpathSync(path) : path;
    const rel = relative(top, real);
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw inputError(`${what} is outside the git repository, so --base-ref cannot read it at another commit.`, ['Review folders inside the repository, or use --baseline.'], 'OutsideRepository');
    }
    return join(tree, rel);
  };
  const baseDir = inRepo(config.baseDir, `The folder ${config.baseDir}`);
  if (!existsSync(baseDir)) return { missing: 'The project folder' };
  const sourceDirs = config.sourceDirs.map((dir) => inRepo(resolve(config.baseDir, dir), `--source-dir ${dir}`)).filter((dir) => existsSync(dir));
  if (config.sourceDirs.length > 0 && sourceDirs.length === 0) return { missing: 'None of the source folders' };
  const current = currentPolicy(config);
  let policyFile = current;
  if (!policyFile) {
    // No policy now: the base must not pick up an arch-review.yml that this release deleted.
    policyFile = join(folder, 'empty-policy.yml');
    await writeFile(policyFile, '');
  }
  return { config: { ...config, baseDir, sourceDirs, policyFile } };
}

function currentPolicy(config: ReviewConfig): string | undefined {
  if (config.policyFile) return resolve(config.baseDir, config.policyFile);
  const file = join(config.baseDir, POLICY_FILE);
  return existsSync(file) ? resolve(file) : undefined;
}

async function removeWorktree(top: string, tree: string): Promise<void> {
  try {
    await git(top, ['worktree', 'remove', '--force', tree]);
  } catch {
    // The checkout failed half-way, or the folder is gone: drop the folder and git's record of it.
    await rm(tree, { recursive: true, force: true });
    await git(top, ['worktree', 'prune']).catch(() => undefined);
  }
}

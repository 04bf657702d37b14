import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { inputError } from '../load/errors.js';

const run = promisify(execFile);

/**
 * Runs git without a shell (no quoting of refs or paths can go wrong), with prompts off and Git LFS
 * smudging off: the review reads metadata, and a checkout must never ask for credentials or download.
 */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run('git', [...args], {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LFS_SKIP_SMUDGE: '1' },
    });
    return stdout.trim();
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw inputError('--base-ref needs git, and git was not found on the PATH.', ['Install git, or compare against a saved report with --baseline.'], 'GitNotFound');
    }
    throw new GitError(args, (failure.stderr ?? failure.message).trim());
  }
}

export class GitError extends Error {
  public constructor(
    public readonly args: readonly string[],
    public readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} failed: ${stderr}`);
    this.name = 'GitError';
  }
}

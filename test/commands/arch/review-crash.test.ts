import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import type { ReviewResult } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

// The Markdown renderer overflows the stack the way an unbounded recursion does, so the error is real.
vi.mock('../../../src/report/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/report/index.js')>();
  const explodeDeeper = (depth: number): number => explodeDeeper(depth + 1) + 1;
  return { ...original, renderers: { ...original.renderers, markdown: () => String(explodeDeeper(0)) } };
});

const sample = join(fixturesDir, 'acme', 'force-app');
const stackLimit = Error.stackTraceLimit;

describe('sf arch review on an unexpected error', () => {
  afterEach(() => {
    delete process.env.SF_DEBUG;
    Error.stackTraceLimit = stackLimit;
  });

  it('names the stage and the original error, and says how to see its stack', async () => {
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sample]);
    expect(run.error?.name).toBe('ReviewCrash');
    expect(run.error?.message).toBe('The review stopped while rendering the markdown report: RangeError: Maximum call stack size exceeded');
    expect(run.error?.actions?.join(' ')).toContain('--dev-debug');
    expect(run.stderr).not.toContain('explodeDeeper');
  });

  it('under --dev-debug prints the original error\'s own stack, not only the CLI wrapper\'s', async () => {
    process.env.SF_DEBUG = '1';
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sample]);
    expect(run.error?.name).toBe('ReviewCrash');
    expect(run.stderr).toContain('while rendering the markdown report');
    expect(run.stderr).toMatch(/RangeError: Maximum call stack size exceeded\n\s+at explodeDeeper/);
  });

  it('with --json under --dev-debug, the envelope carries the stage and the original stack', async () => {
    process.env.SF_DEBUG = '1';
    const output = join(mkdtempSync(join(tmpdir(), 'arch-review-crash-')), 'review.md');
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sample, '--json', '--output-file', output]);
    const envelope = JSON.parse(run.stdout) as { name: string; status: number; data: { stage: string; error: string; stack: string } };
    expect(envelope.name).toBe('ReviewCrash');
    expect(envelope.status).toBe(1);
    expect(envelope.data.stage).toBe('rendering the markdown report');
    expect(envelope.data.error).toBe('RangeError: Maximum call stack size exceeded');
    expect(envelope.data.stack).toContain('at explodeDeeper');
  });
});

import { SfError } from '@salesforce/core';
import { type CaughtFailure, describeContext, describeError, originalStack, ReviewCrash } from '../shared/failures.js';

/**
 * `--dev-debug`: the sf CLI turns it into environment variables before a command starts (SF_DEBUG=1,
 * DEBUG=*); `bin/run.js` does the same when the plugin runs on its own.
 */
export function isDevDebug(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SF_DEBUG === '1' || env.SFDX_DEBUG === '1';
}

/**
 * The error a command throws for an unexpected failure: it says what the review was doing and on which
 * component, and carries the original error's kind and (under --dev-debug) its own stack. Errors the
 * user can fix (SfError: bad flags, an invalid policy) pass through as they are.
 */
export function crashError(error: unknown, debug: boolean, actions: string[]): unknown {
  if (error instanceof SfError) return error;
  const crash = error instanceof ReviewCrash ? error : new ReviewCrash({ stage: 'running the review' }, error);
  const wrapped = new SfError(crash.message, 'ReviewCrash', actions, 1, crash.original instanceof Error ? crash.original : undefined);
  wrapped.setData({
    stage: crash.context.stage,
    ...(crash.context.component ? { component: crash.context.component } : {}),
    ...(crash.context.file ? { file: crash.context.file } : {}),
    error: describeError(crash.original),
    ...(debug ? { stack: originalStack(crash.original) } : {}),
  });
  return wrapped;
}

/** What `--dev-debug` prints for an error: where the review was, then the original error's own stack. */
export function debugReport(error: unknown): string {
  const context = error instanceof ReviewCrash ? `while ${describeContext(error.context)}\n` : '';
  return `${context}${originalStack(error)}\n`;
}

/** What `--dev-debug` prints for failures the review caught and reported (rules, sections, graph builders). */
export function debugFailures(failures: readonly CaughtFailure[]): string {
  return failures.map(({ context, error }) => `[arch review] caught while ${describeContext(context)}:\n${originalStack(error)}\n`).join('');
}

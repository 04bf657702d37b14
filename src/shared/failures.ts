import { SfError } from '@salesforce/core';
import { messageOf } from '../load/parse/errors.js';

/** What the review was doing when something failed: the stage and, when known, the component and its file. */
export type WorkContext = { stage: string; component?: string; file?: string };

/** A failure the review caught and reported, kept with the original error so `--dev-debug` can show its stack. */
export type CaughtFailure = { context: WorkContext; error: unknown };

/**
 * An unexpected error that stopped the review, wrapped with what it was working on. The original error
 * stays as `cause`, so its own stack is never lost behind the CLI's error wrapper.
 */
export class ReviewCrash extends Error {
  public constructor(
    public readonly context: WorkContext,
    public readonly original: unknown,
  ) {
    super(`The review stopped while ${describeContext(context)}: ${describeError(original)}`, { cause: original });
    this.name = 'ReviewCrash';
  }
}

/**
 * Runs `work`; an unexpected error out of it becomes a ReviewCrash naming `context` (an inner, more
 * precise context wins). An SfError is the user's to fix (a bad flag, an invalid policy): it passes as it is.
 */
export function withContext<T>(context: WorkContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw inContext(context, error);
  }
}

export async function withContextAsync<T>(context: WorkContext, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw inContext(context, error);
  }
}

function inContext(context: WorkContext, error: unknown): unknown {
  return error instanceof ReviewCrash || error instanceof SfError ? error : new ReviewCrash(context, error);
}

export function describeContext(context: WorkContext): string {
  return `${context.stage}${context.component ? ` (${context.component}${context.file ? `, ${context.file}` : ''})` : context.file ? ` (${context.file})` : ''}`;
}

/** `RangeError: Maximum call stack size exceeded`: the error's kind and message, as a reviewer reports them. */
export function describeError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error';
  return `${name}: ${error instanceof Error ? error.message : messageOf(error)}`;
}

/** The original error's own stack (or message), for `--dev-debug`. */
export function originalStack(error: unknown): string {
  const original = error instanceof ReviewCrash ? error.original : error;
  return original instanceof Error ? (original.stack ?? describeError(original)) : String(original);
}

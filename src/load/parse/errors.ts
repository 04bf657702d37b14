/** An error's message for a ParseIssue or a report line. */
export function messageOf(error: unknown): string {
  if (isStackOverflow(error)) return 'nested too deeply to read (Maximum call stack size exceeded): simplify the expression or split the file';
  return error instanceof Error ? error.message : String(error);
}

/** V8's "Maximum call stack size exceeded": a walk went deeper than the JavaScript stack allows. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /maximum call stack size exceeded/i.test(error.message);
}

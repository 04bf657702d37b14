import { basename } from 'node:path';

/**
 * Files that sit in real repositories and org backups but are not metadata: OS folder files, editor
 * swap and backup copies, merge leftovers. SDR resolves `Account.flow-meta.xml.orig` as a second
 * Account flow, which would hide or replace the real one, so they are set aside by name, each reported.
 */
const JUNK = /^(\.ds_store|thumbs\.db|desktop\.ini|\._.*|\.#.*|#.*#)$|(~|\.swp|\.swo|\.bak|\.orig|\.rej|\.tmp|\.old)$/i;

export function isJunkFile(path: string): boolean {
  return JUNK.test(basename(path));
}

/** The ParseIssue type of a file set aside: no rule reads it, so it never makes a gated review incomplete. */
export const JUNK_TYPE = 'Skipped';

export const JUNK_MESSAGE = 'skipped: an OS, editor or backup file, not deployable metadata (add it to .forceignore to leave it out)';

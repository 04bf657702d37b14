import type { Messages } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';

/**
 * Flags several commands share. Each command keeps its own texts (its messages file names them the same
 * keys), so only the flag's shape and validation live here. Not under src/commands: oclif reads every
 * file there as a command.
 */
type CommandMessages = Messages<string>;

/** `--source-dir`/`-d`, repeatable: folders in source or metadata API format. */
export function sourceDirFlag(messages: CommandMessages, options: { exclusive?: string[] } = {}) {
  return Flags.directory({
    char: 'd',
    summary: messages.getMessage('flags.source-dir.summary'),
    description: messages.getMessage('flags.source-dir.description'),
    multiple: true,
    ...(options.exclusive ? { exclusive: options.exclusive } : {}),
  });
}

/** `--as-of YYYY-MM-DD`: the review date for anything time-based; a date that does not exist fails fast. */
export function asOfFlag(messages: CommandMessages, options: { description?: boolean } = {}) {
  return Flags.string({
    summary: messages.getMessage('flags.as-of.summary'),
    ...(options.description ? { description: messages.getMessage('flags.as-of.description') } : {}),
    parse: async (value) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw new Error(messages.getMessage('error.asOf', [value]));
      return value;
    },
  });
}

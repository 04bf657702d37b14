import type { Parsed } from '../model-builder.js';

/** What a parser thread needs to read and parse one component. Plain data: it crosses threads. */
export type ParseTask = {
  /** Position in the discovered list: results are added to the model in this order. */
  index: number;
  type: string;
  fullName: string;
  xmlPath?: string;
  contentPath?: string;
  /** The file a reviewer opens, relative to the base folder. */
  file: string;
  /** Stamps of the input files from the last run: a file whose stamp still matches is not read to be hashed. */
  stamps?: InputStamps;
  /** Skip the cached result (the main thread found it unreadable). */
  fresh?: boolean;
};

/** `size`, times and inode of a file, and the hash of its content when it had them. */
export type FileStamp = { size: number; mtimeMs: number; ctimeMs: number; ino: number; hash: string };

export type InputStamps = { xml?: FileStamp; content?: FileStamp };

/** A parse that failed: the message becomes a ParseIssue. Cached like a success (parsers are deterministic). */
export type ParseFailure = { kind: 'error'; message: string };

export type ParseResult = Parsed | ParseFailure;

export type ParseOutcome = {
  index: number;
  /** The result as an object (parsed in this thread)... */
  value?: ParseResult;
  /** ...or as JSON (from another thread, or from the cache). */
  json?: string;
  /** Stamps of the inputs as read now, for the next run. */
  stamps?: InputStamps;
  cached?: boolean;
};

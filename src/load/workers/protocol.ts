import type { ParseOutcome, ParseTask } from '../parse/task.js';

/** Given to each parser thread when it starts. */
export type WorkerInit = { cacheDir?: string };

/** Main thread → parser thread: a batch to parse. */
export type BatchRequest = { id: number; tasks: ParseTask[] };

/** Parser thread → main thread: the batch's outcomes (results as JSON), or why the batch failed. */
export type BatchReply = { id: number; outcomes: ParseOutcome[] } | { id: number; failure: string };

import { availableParallelism } from 'node:os';
import { ParseCache } from '../cache/parse-cache.js';
import { runTask } from '../parse/run-task.js';
import type { ParseOutcome, ParseTask } from '../parse/task.js';
import { ParserPool } from './pool.js';

/** Runs parse tasks: in parser threads, or in this thread. */
export type Executor = {
  readonly threads: number;
  run(tasks: readonly ParseTask[]): Promise<ParseOutcome[]>;
  close(): Promise<void>;
};

/** Below this many components, starting threads costs more than it saves. */
const SMALL_PROJECT = 400;

/** `requested` threads when given (1 = parse in this thread); else one per core, fewer for small projects. */
export function chooseThreads(requested: number | undefined, taskCount: number): number {
  if (requested !== undefined && Number.isFinite(requested)) return Math.max(1, Math.floor(requested));
  if (taskCount < SMALL_PROJECT) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(taskCount / SMALL_PROJECT)));
}

export function createExecutor(threads: number, cacheDir: string | undefined): Executor {
  if (threads <= 1) return inlineExecutor(cacheDir);
  const pool = new ParserPool(threads, cacheDir ? { cacheDir } : {});
  return { threads: pool.size, run: (tasks) => pool.run(tasks), close: () => pool.close() };
}

export function inlineExecutor(cacheDir: string | undefined): Executor {
  const cache = cacheDir ? new ParseCache(cacheDir) : undefined;
  return {
    threads: 1,
    run: async (tasks) => {
      const outcomes: ParseOutcome[] = [];
      for (const task of tasks) outcomes.push(await runTask(task, cache, 'value'));
      return outcomes;
    },
    close: async () => undefined,
  };
}

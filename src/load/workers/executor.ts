import { availableParallelism } from 'node:os';
import { ParseCache } from '../cache/parse-cache.js';
import { runTask } from '../parse/run-task.js';
import type { ParseOutcome, ParseTask } from '../parse/task.js';
import { type OnOutcomes, ParserPool } from './pool.js';

export type { OnOutcomes };

/** Runs parse tasks: in parser threads, or in this thread. */
export type Executor = {
  readonly threads: number;
  /**
   * Resolves with every outcome; `onOutcomes`, when given, sees each batch as it arrives, so the
   * caller can take results in while threads still parse.
   */
  run(tasks: readonly ParseTask[], onOutcomes?: OnOutcomes): Promise<ParseOutcome[]>;
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
  return { threads: pool.size, run: (tasks, onOutcomes) => pool.run(tasks, onOutcomes), close: () => pool.close() };
}

export function inlineExecutor(cacheDir: string | undefined): Executor {
  const cache = cacheDir ? new ParseCache(cacheDir) : undefined;
  return {
    threads: 1,
    run: async (tasks, onOutcomes) => {
      const outcomes: ParseOutcome[] = [];
      for (const task of tasks) outcomes.push(await runTask(task, cache, 'value'));
      onOutcomes?.(outcomes);
      return outcomes;
    },
    close: async () => undefined,
  };
}

import { readFileSync } from 'node:fs';
import type { FlowModel } from '../../metadata/model.js';
import { reachableClasses } from '../apex-reach.js';
import type { StampIndex } from '../cache/stamps.js';
import type { Executor } from '../workers/executor.js';
import { decodeOutcome } from './decode.js';
import type { NameLists } from './pack.js';
import type { ParseOutcome, ParseResult, ParseTask } from './task.js';
import { appendAll } from '../../shared/arrays.js';

/** What a parse run has so far: results by task index, and the classes left unparsed. */
export type ParseState = {
  /** In discovery order (increasing indexes). */
  tasks: ParseTask[];
  results: Map<number, ParseResult>;
  unreached: ParseTask[];
  stamps: StampIndex | undefined;
  cached: number;
  /** Field-name lists of packed permission results, shared across profiles. */
  names: NameLists;
};

/**
 * Flows and triggers first (they say which Apex is reached), the heavy files next so no thread is
 * left with a long tail, then the classes that are reached. Tasks with a result already are skipped.
 */
export async function parseAll(state: ParseState, executor: Executor, apex: 'reachable' | 'all'): Promise<void> {
  const todo = state.tasks.filter((task) => !state.results.has(task.index));
  const deferring = apex === 'reachable';
  const isEarly = (task: ParseTask): boolean => task.type === 'Flow' || task.type === 'ApexTrigger';
  const early = todo.filter(isEarly);
  const rest = todo.filter((task) => !isEarly(task) && !(deferring && task.type === 'ApexClass')).sort((a, b) => weightOf(b) - weightOf(a));
  const pending: Array<Promise<void>> = [];
  const launch = (tasks: ParseTask[]): Promise<void> => {
    const retry: ParseTask[] = [];
    // Each batch is decoded as it arrives, while the threads go on with the next ones.
    const done = executor
      .run(tasks, (outcomes) => appendAll(retry, accept(state, outcomes)))
      // A fresh parse has no cache entry to fail on: what the retry returns is final.
      .then(async () => {
        if (retry.length > 0) accept(state, await executor.run(retry));
      });
    done.catch(() => undefined); // awaited below: only keeps an early failure from going unhandled
    pending.push(done);
    return done;
  };
  const earlyDone = launch(early);
  launch(rest);
  if (deferring) {
    await earlyDone;
    // Over all classes (not only those left to do), so a second pass after a failure decides the same.
    const classes = state.tasks.filter((task) => task.type === 'ApexClass');
    const reached = reachableClasses({
      classes: classes.map((task) => ({ name: task.fullName, text: readOr(task.contentPath) })),
      triggers: state.tasks.filter((task) => task.type === 'ApexTrigger').map((task) => readOr(task.contentPath) ?? ''),
      flowActions: flowActions(state),
      metadataRecords: () => state.tasks.filter((task) => task.type === 'CustomMetadata').map((task) => readOr(task.xmlPath) ?? ''),
    });
    const [parse, skip] = partition(classes, (task) => reached.has(task.fullName.toLowerCase()));
    state.unreached = skip;
    launch(parse.filter((task) => !state.results.has(task.index)));
  }
  await Promise.all(pending);
}

/** Keeps the outcomes, and returns the cached ones that do not decode, to be parsed again ignoring the cache. */
function accept(state: ParseState, outcomes: ParseOutcome[]): ParseTask[] {
  const retry: ParseTask[] = [];
  for (const outcome of outcomes) {
    const task = state.tasks[taskPosition(state, outcome.index)]!;
    if (state.stamps) {
      if (task.xmlPath !== undefined) state.stamps.record(task.xmlPath, outcome.stamps?.xml);
      if (task.contentPath !== undefined) state.stamps.record(task.contentPath, outcome.stamps?.content);
    }
    const result = decodeOutcome(outcome, state.names);
    if (result) {
      state.results.set(outcome.index, result);
      if (outcome.cached) state.cached += 1;
    } else if (outcome.cached) retry.push({ ...task, fresh: true });
    else state.results.set(outcome.index, { kind: 'error', message: 'internal: the parser returned no result' });
  }
  return retry;
}

function taskPosition(state: ParseState, index: number): number {
  // Tasks are created in discovery order with increasing indexes: binary search.
  let low = 0;
  let high = state.tasks.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (state.tasks[mid]!.index < index) low = mid + 1;
    else high = mid;
  }
  return low;
}

function flowActions(state: ParseState): string[] {
  const names: string[] = [];
  for (const task of state.tasks) {
    if (task.type !== 'Flow') continue;
    const result = state.results.get(task.index);
    if (result?.kind !== 'flow') continue;
    for (const element of (result.value as FlowModel).elements) {
      if ((element.kind === 'actionCall' || element.kind === 'apexPluginCall') && element.actionName) names.push(element.actionName);
    }
  }
  return names;
}

/** Heavy files first, so no thread is left alone with a profile at the end. */
const WEIGHTS: Record<string, number> = { Profile: 100, PermissionSet: 10, MutingPermissionSet: 10, Workflow: 3, CustomObject: 2, PermissionSetGroup: 1 };
const weightOf = (task: ParseTask): number => WEIGHTS[task.type] ?? 0;

/** A file's text for the reachability scan, or undefined when it cannot be read. */
function readOr(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}


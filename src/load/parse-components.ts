import { readFileSync } from 'node:fs';
import { LineLocator } from '../metadata/lines.js';
import type { FlowModel, MetadataModel, SourceRef } from '../metadata/model.js';
import { reachableClasses } from './apex-reach.js';
import { StampIndex } from './cache/stamps.js';
import type { DiscoveredComponent } from './discover.js';
import { ModelBuilder, type Parsed } from './model-builder.js';
import { isModelled } from './parse/handlers.js';
import { decodeOutcome } from './parse/decode.js';
import type { NameLists } from './parse/pack.js';
import type { ParseOutcome, ParseResult, ParseTask } from './parse/task.js';
import { chooseThreads, createExecutor, type Executor, inlineExecutor } from './workers/executor.js';

export type ParseOptions = {
  /** Parser threads; 1 parses in this thread. Default: one per core (one thread for small projects). */
  workers?: number;
  /** The parse cache's folder for this build (`cacheDirFor(project)`); none: no cache. */
  cacheDir?: string;
  /**
   * Which Apex classes to parse: `reachable` (default) parses those a trigger, a flow or an invocable
   * action can reach and lists the others without parsing them; `all` parses every class.
   */
  apex?: 'reachable' | 'all';
  /** Told how the parse went (tests and the benchmark read it). */
  onStats?: (stats: ParseStats) => void;
};

export type ParseStats = {
  /** Parser threads used (1: this thread). */
  threads: number;
  /** Components with a parser. */
  components: number;
  /** Results read from the cache. */
  cached: number;
  /** Apex classes listed without parsing. */
  unreachedClasses: number;
};

/** Why a class is in the model as a listed component only. */
export const UNREACHED_NOTE = 'listed, not parsed: no trigger, flow or invocable action reaches this class';

type Cache = { dir: string; stamps: StampIndex };

/**
 * Reads and parses every discovered component into the model, in parser threads when there are
 * many, through the parse cache when one is given. A file that cannot be read or parsed becomes a
 * ParseIssue; the rest of the review goes on. The model is the same whatever the threads and cache:
 * results are added in discovery order.
 */
export async function parseComponents(components: readonly DiscoveredComponent[], sourceDirs: string[], options: ParseOptions = {}): Promise<MetadataModel> {
  const builder = new ModelBuilder(sourceDirs);
  const tasks: ParseTask[] = [];
  components.forEach((component, index) => {
    if (isModelled(component.type)) tasks.push(taskOf(component, index));
    else builder.addOther({ type: component.type, fullName: component.fullName, file: component.file });
  });
  const cache = options.cacheDir ? { dir: options.cacheDir, stamps: StampIndex.load(options.cacheDir) } : undefined;
  if (cache) for (const task of tasks) task.stamps = stampsOf(task, cache.stamps);

  const state: ParseState = { tasks, results: new Map(), unreached: [], cache, cached: 0, names: new Map() };
  const executor = createExecutor(chooseThreads(options.workers, tasks.length), cache?.dir);
  try {
    await parseAll(state, executor, options.apex ?? 'reachable');
  } catch {
    // A parser thread died (out of memory, a crash): parse what is left in this thread.
    await parseAll(state, inlineExecutor(cache?.dir), options.apex ?? 'reachable');
  } finally {
    await executor.close();
  }
  cache?.stamps.save();
  options.onStats?.({ threads: executor.threads, components: tasks.length, cached: state.cached, unreachedClasses: state.unreached.length });

  const originals = new Map<string, LineLocator>();
  for (const task of tasks) {
    const result = state.results.get(task.index);
    if (!result) continue; // an unreached class
    const component = components[task.index]!;
    if (result.kind === 'error') {
      builder.addIssue({ file: component.file, type: component.type, message: result.message });
      continue;
    }
    try {
      if (component.anchor) relocate(result, component, originals);
      builder.add(result);
    } catch (error) {
      builder.addIssue({ file: component.file, type: component.type, message: error instanceof Error ? error.message : String(error) });
    }
  }
  // Shown at the code file, like a parsed class.
  for (const task of state.unreached) builder.addOther({ type: task.type, fullName: task.fullName, file: task.file.replace(/-meta\.xml$/, ''), note: UNREACHED_NOTE });
  return builder.build();
}

type ParseState = {
  tasks: ParseTask[];
  results: Map<number, ParseResult>;
  unreached: ParseTask[];
  cache: Cache | undefined;
  cached: number;
  /** Field-name lists of packed permission results, shared across profiles. */
  names: NameLists;
};

/**
 * Flows and triggers first (they say which Apex is reached), the heavy files next so no thread is
 * left with a long tail, then the classes that are reached. Tasks with a result already are skipped.
 */
async function parseAll(state: ParseState, executor: Executor, apex: 'reachable' | 'all'): Promise<void> {
  const todo = state.tasks.filter((task) => !state.results.has(task.index));
  const deferring = apex === 'reachable';
  const early = todo.filter((task) => task.type === 'Flow' || task.type === 'ApexTrigger');
  const rest = todo.filter((task) => !early.includes(task) && !(deferring && task.type === 'ApexClass')).sort((a, b) => weightOf(b) - weightOf(a));
  const pending: Array<Promise<void>> = [];
  const launch = (tasks: ParseTask[]): Promise<void> => {
    const done = executor.run(tasks).then((outcomes) => acceptAll(state, executor, outcomes));
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
    });
    const [parse, skip] = partition(classes, (task) => reached.has(task.fullName.toLowerCase()));
    state.unreached = skip;
    launch(parse.filter((task) => !state.results.has(task.index)));
  }
  await Promise.all(pending);
}

/** Keeps the outcomes; a cached result that does not decode is parsed again, ignoring the cache. */
async function acceptAll(state: ParseState, executor: Executor, outcomes: ParseOutcome[]): Promise<void> {
  const retry: ParseTask[] = [];
  for (const outcome of outcomes) {
    const task = state.tasks[taskPosition(state, outcome.index)]!;
    if (state.cache) {
      if (task.xmlPath !== undefined) state.cache.stamps.record(task.xmlPath, outcome.stamps?.xml);
      if (task.contentPath !== undefined && outcome.stamps?.content) state.cache.stamps.record(task.contentPath, outcome.stamps.content);
    }
    const result = decodeOutcome(outcome, state.names);
    if (result) {
      state.results.set(outcome.index, result);
      if (outcome.cached) state.cached += 1;
    }
    else if (outcome.cached) retry.push({ ...task, fresh: true });
    else state.results.set(outcome.index, { kind: 'error', message: 'internal: the parser returned no result' });
  }
  if (retry.length > 0) await acceptAll(state, executor, await executor.run(retry));
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

function taskOf(component: DiscoveredComponent, index: number): ParseTask {
  return {
    index,
    type: component.type,
    fullName: component.fullName,
    file: component.file,
    ...(component.xmlPath !== undefined ? { xmlPath: component.xmlPath } : {}),
    ...(component.contentPath !== undefined ? { contentPath: component.contentPath } : {}),
  };
}

function stampsOf(task: ParseTask, stamps: StampIndex): ParseTask['stamps'] {
  const xml = task.xmlPath !== undefined ? stamps.get(task.xmlPath) : undefined;
  const content = task.contentPath !== undefined ? stamps.get(task.contentPath) : undefined;
  return xml || content ? { ...(xml ? { xml } : {}), ...(content ? { content } : {}) } : undefined;
}

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

/**
 * A converted (metadata-API format) component was parsed from a temp copy: point its source at the
 * original file and at the line where it is declared there.
 */
function relocate(parsed: Parsed, component: DiscoveredComponent, originals: Map<string, LineLocator>): void {
  const anchor = component.anchor!;
  let locator = originals.get(anchor.path);
  if (!locator) {
    locator = new LineLocator(readFileSync(anchor.path, 'utf8'));
    originals.set(anchor.path, locator);
  }
  const source: SourceRef = { file: component.file };
  const line = anchor.marker ? locator.find(anchor.marker) : undefined;
  if (line !== undefined) source.line = line;
  parsed.value.source = source;
}

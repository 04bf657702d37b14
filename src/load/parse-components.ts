import { readFileSync } from 'node:fs';
import { LineLocator } from '../metadata/lines.js';
import type { MetadataModel, SourceRef } from '../metadata/model.js';
import { StampIndex } from './cache/stamps.js';
import type { DiscoveredComponent } from './discover.js';
import { Interner } from './interner.js';
import { ModelBuilder, type Parsed } from './model-builder.js';
import { isModelled } from './parse/handlers.js';
import { parseAll, type ParseState } from './parse/schedule.js';
import type { ParseTask } from './parse/task.js';
import { chooseThreads, createExecutor, inlineExecutor } from './workers/executor.js';

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
  /** The cache's stamp index when the caller has read it already (else read from `cacheDir`). */
  stamps?: StampIndex;
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
export const UNREACHED_NOTE = 'listed, not parsed: no trigger, flow, invocable action or entry point (controller, service, job) reaches this class';

/**
 * Reads and parses every discovered component into the model, in parser threads when there are
 * many, through the parse cache when one is given. A file that cannot be read or parsed becomes a
 * ParseIssue; the rest of the review goes on. The model is the same whatever the threads and cache:
 * results are added in discovery order.
 */
export async function parseComponents(components: readonly DiscoveredComponent[], sourceDirs: string[], options: ParseOptions = {}): Promise<MetadataModel> {
  const interner = new Interner();
  const builder = new ModelBuilder(sourceDirs, interner);
  const tasks: ParseTask[] = [];
  components.forEach((component, index) => {
    if (isModelled(component.type)) tasks.push(taskOf(component, index));
    else builder.addOther({ type: component.type, fullName: component.fullName, file: component.file });
  });
  const cacheDir = options.cacheDir;
  const stamps = cacheDir ? (options.stamps ?? StampIndex.load(cacheDir)) : undefined;
  if (stamps) for (const task of tasks) task.stamps = stampsOf(task, stamps);

  const state: ParseState = { tasks, results: new Map(), unreached: [], stamps, cached: 0, names: { lists: new Map(), interner } };
  const executor = createExecutor(chooseThreads(options.workers, tasks.length), cacheDir);
  try {
    await parseAll(state, executor, options.apex ?? 'reachable');
  } catch {
    // A parser thread died (out of memory, a crash): parse what is left in this thread.
    await parseAll(state, inlineExecutor(cacheDir), options.apex ?? 'reachable');
  } finally {
    await executor.close();
  }
  stamps?.save();
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

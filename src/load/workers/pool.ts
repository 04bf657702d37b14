import type { Worker } from 'node:worker_threads';
import type { ParseOutcome, ParseTask } from '../parse/task.js';
import type { BatchReply, BatchRequest, WorkerInit } from './protocol.js';
import { spawnParser } from './spawn.js';
import { appendAll } from '../../shared/arrays.js';

/** Rough cost of a component by type, to cut batches of similar work: a profile is megabytes, a field a few lines. */
const WEIGHT: Record<string, number> = { Profile: 40, PermissionSet: 4, MutingPermissionSet: 4, Flow: 2, ApexClass: 2, ApexTrigger: 1, Workflow: 1, CustomObject: 0.5, PermissionSetGroup: 0.2, CustomField: 0.1, ValidationRule: 0.1 };
const BATCH_WEIGHT = 20;
/** Batches queued per thread, so a thread never waits for the main thread between batches. */
const IN_FLIGHT = 2;

/** Called with each batch's outcomes as the batch comes back. */
export type OnOutcomes = (outcomes: ParseOutcome[]) => void;

type Run = { outcomes: ParseOutcome[]; left: number; onOutcomes: OnOutcomes | undefined; resolve: (outcomes: ParseOutcome[]) => void; reject: (error: Error) => void };
type Batch = { id: number; run: Run; tasks: ParseTask[] };
type Slot = { worker: Worker; busy: Map<number, Batch> };

/**
 * Parser threads (`node:worker_threads`) fed with batches from one queue. Each `run` resolves with
 * the outcomes of its own tasks; runs can overlap (later runs queue behind earlier ones). A thread
 * that dies fails every pending run: the caller parses in its own thread instead.
 */
export class ParserPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Batch[] = [];
  private nextId = 0;
  private failure?: Error;
  private closing = false;

  public constructor(size: number, init: WorkerInit) {
    for (let index = 0; index < size; index += 1) {
      const slot: Slot = { worker: spawnParser(init), busy: new Map() };
      slot.worker.on('message', (reply: BatchReply) => this.receive(slot, reply));
      slot.worker.on('error', (error) => this.fail(error));
      // Parser threads only end when closed: any other exit (even code 0, e.g. terminated early) is a failure.
      slot.worker.on('exit', (code) => this.fail(new Error(`a parser thread stopped (exit code ${code})`)));
      // Idle threads must not keep the process alive.
      slot.worker.unref();
      this.slots.push(slot);
    }
  }

  public get size(): number {
    return this.slots.length;
  }

  public run(tasks: readonly ParseTask[], onOutcomes?: OnOutcomes): Promise<ParseOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (tasks.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const run: Run = { outcomes: [], left: 0, onOutcomes, resolve, reject };
      for (const batch of cut(tasks)) {
        run.left += 1;
        this.queue.push({ id: (this.nextId += 1), run, tasks: batch });
      }
      this.dispatch();
    });
  }

  public async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (let round = 0; round < IN_FLIGHT; round += 1) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.busy.size > round) continue;
        const batch = this.queue.shift()!;
        slot.busy.set(batch.id, batch);
        if (slot.busy.size === 1) slot.worker.ref();
        const request: BatchRequest = { id: batch.id, tasks: batch.tasks };
        slot.worker.postMessage(request);
      }
    }
  }

  private receive(slot: Slot, reply: BatchReply): void {
    const batch = slot.busy.get(reply.id);
    if (!batch) return;
    slot.busy.delete(reply.id);
    if (slot.busy.size === 0) slot.worker.unref();
    if ('failure' in reply) {
      this.fail(new Error(`a parser thread failed: ${reply.failure}`));
      return;
    }
    const run = batch.run;
    // The next batch goes out before this one is taken in: the thread parses while we decode.
    this.dispatch();
    appendAll(run.outcomes, reply.outcomes);
    try {
      run.onOutcomes?.(reply.outcomes);
    } catch (error) {
      run.left = -1;
      run.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    run.left -= 1;
    if (run.left === 0) run.resolve(run.outcomes);
  }

  private fail(error: Error): void {
    if (this.failure || this.closing) return;
    this.failure = error;
    const runs = new Set<Run>([...this.queue.map((batch) => batch.run), ...this.slots.flatMap((slot) => [...slot.busy.values()].map((batch) => batch.run))]);
    this.queue.length = 0;
    for (const slot of this.slots) slot.busy.clear();
    for (const run of runs) run.reject(error);
    void this.close();
  }
}

function* cut(tasks: readonly ParseTask[]): Generator<ParseTask[]> {
  let batch: ParseTask[] = [];
  let weight = 0;
  for (const task of tasks) {
    batch.push(task);
    weight += WEIGHT[task.type] ?? 1;
    if (weight >= BATCH_WEIGHT) {
      yield batch;
      batch = [];
      weight = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

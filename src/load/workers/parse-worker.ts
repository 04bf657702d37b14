/**
 * A parser thread: runs the pure parsers on batches of files and answers with JSON results (a string
 * crosses threads as one copy, and is what the cache stores anyway).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ParseCache } from '../cache/parse-cache.js';
import { messageOf } from '../parse/errors.js';
import { runTask } from '../parse/run-task.js';
import type { ParseOutcome } from '../parse/task.js';
import type { BatchReply, BatchRequest, WorkerInit } from './protocol.js';

const init = workerData as WorkerInit;
const cache = init.cacheDir ? new ParseCache(init.cacheDir) : undefined;
const port = parentPort!;

port.on('message', (request: BatchRequest) => {
  void handle(request).then((reply) => port.postMessage(reply));
});

async function handle(request: BatchRequest): Promise<BatchReply> {
  try {
    const outcomes: ParseOutcome[] = [];
    for (const task of request.tasks) outcomes.push(await runTask(task, cache, 'json'));
    return { id: request.id, outcomes };
  } catch (error) {
    return { id: request.id, failure: messageOf(error) };
  }
}

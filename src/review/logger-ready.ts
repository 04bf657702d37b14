import { once } from 'node:events';
import { Logger } from '@salesforce/core';

type ThreadStreamLike = NodeJS.EventEmitter & { ready?: boolean; write?: (data: string) => boolean };

/**
 * The log file writer of @salesforce/core runs in a worker thread (pino's transport, thread-stream).
 * That thread polls for new lines with a back-off that grows to 1 s while nothing is logged, and at
 * exit the CLI blocks until it has seen the end marker: on a quiet run, the next poll is up to 1 s
 * away (~0.6 s on average in the benchmark). `keepLoggerAwake` keeps the back-off short by handing
 * it an empty line (the transport parses lines as JSON and drops an empty one: nothing is written)
 * whenever the review moves on (each stage and rule, and now and then while a report is written), and
 * from a timer while the main thread waits for the parser threads.
 */
export type LoggerWaker = { nudge: () => void; stop: () => void };

const NUDGE_MS = 50;

export async function keepLoggerAwake(readyTimeoutMs = 1000): Promise<LoggerWaker> {
  const stream = rootStream();
  if (!stream) return { nudge: () => {}, stop: () => {} };
  // A stream that is not ready buffers; waiting (bounded) before any parser thread exists lets it start on an idle core.
  if (stream.ready === false) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([once(stream, 'ready').catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, readyTimeoutMs)))]);
    clearTimeout(timer);
  }
  let last = 0;
  const nudge = (): void => {
    const now = Date.now();
    if (now - last < NUDGE_MS || !stream.ready) return;
    last = now;
    try {
      writeThrough(stream, '\n');
    } catch {
      // an ended or broken log stream: nothing to keep awake
    }
  };
  const interval = setInterval(nudge, NUDGE_MS * 2);
  interval.unref();
  return {
    nudge,
    stop: () => {
      clearInterval(interval);
      // The last line just before exit: the writer thread polls again within milliseconds.
      last = 0;
      nudge();
    },
  };
}

/**
 * A write that reaches the writer thread now. thread-stream's asynchronous mode only buffers a write
 * and hands it over on the next turn of the event loop, which never comes while the review computes:
 * nudges made during the rules or the render would all arrive together at the end, and the thread,
 * having seen nothing for seconds, would poll a second later. For this one write the stream is put in
 * its synchronous mode (which also hands over anything buffered before it, in order). Only when the
 * stream has the shape of thread-stream 3 (an internal `sync` flag); otherwise a plain write.
 */
function writeThrough(stream: ThreadStreamLike, line: string): void {
  const impl = internals(stream);
  if (!impl || impl.sync !== false) {
    stream.write!(line);
    return;
  }
  impl.sync = true;
  try {
    stream.write!(line);
  } finally {
    impl.sync = false;
  }
}

function internals(stream: ThreadStreamLike): { sync?: unknown } | undefined {
  const symbol = Object.getOwnPropertySymbols(stream).find((candidate) => candidate.description === 'kImpl');
  const impl = symbol ? (stream as unknown as Record<symbol, unknown>)[symbol] : undefined;
  return impl !== null && typeof impl === 'object' ? (impl as { sync?: unknown }) : undefined;
}

/** The root logger's stream, only when the CLI already made a root logger (creating one would start the thread). */
function rootStream(): ThreadStreamLike | undefined {
  try {
    const root = (Logger as unknown as { rootLogger?: Logger }).rootLogger;
    if (!root) return undefined;
    const pino = root.getRawLogger() as unknown as Record<symbol, unknown>;
    const symbol = Object.getOwnPropertySymbols(pino).find((candidate) => candidate.description === 'pino.stream');
    const stream = symbol ? (pino[symbol] as ThreadStreamLike | undefined) : undefined;
    // Only a worker-thread stream (the memory logger of tests has no `ready`).
    return stream && typeof stream.on === 'function' && typeof stream.write === 'function' && 'ready' in stream ? stream : undefined;
  } catch {
    return undefined;
  }
}

import { once } from 'node:events';
import { Logger } from '@salesforce/core';

type ThreadStreamLike = NodeJS.EventEmitter & { ready?: boolean; flush?: (callback: (error?: Error) => void) => void };

/**
 * The log file writer of @salesforce/core runs in a worker thread (pino's transport, thread-stream).
 * At exit, thread-stream blocks until that thread has started and drained; started while the parser
 * threads hold both cores, it was still starting when the review ended (~0.6 s at exit). Waiting for
 * it here, before any parser thread exists, lets it start on an idle core. Bounded: a logger that
 * never gets ready costs `timeoutMs`, not a hang. Nothing to wait for without a file logger.
 */
export async function loggerReady(timeoutMs = 2000): Promise<void> {
  const stream = rootStream();
  if (!stream || stream.ready !== false) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([once(stream, 'ready').catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/** Hands what was logged to the writer thread before exit, so the exit handler has nothing left to wait for. */
export async function flushLogger(timeoutMs = 2000): Promise<void> {
  const stream = rootStream();
  if (!stream?.ready || typeof stream.flush !== 'function') return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([new Promise<void>((resolve) => stream.flush!(() => resolve())), new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}

/** The root logger's stream, only when the CLI already made a root logger (creating one would start the thread). */
function rootStream(): ThreadStreamLike | undefined {
  try {
    const root = (Logger as unknown as { rootLogger?: Logger }).rootLogger;
    if (!root) return undefined;
    const pino = root.getRawLogger() as unknown as Record<symbol, unknown>;
    const symbol = Object.getOwnPropertySymbols(pino).find((candidate) => candidate.description === 'pino.stream');
    const stream = symbol ? pino[symbol] : undefined;
    return stream && typeof (stream as ThreadStreamLike).on === 'function' && 'ready' in (stream as object) ? (stream as ThreadStreamLike) : undefined;
  } catch {
    return undefined;
  }
}

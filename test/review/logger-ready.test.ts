import { EventEmitter } from 'node:events';
import { Logger } from '@salesforce/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepLoggerAwake } from '../../src/review/logger-ready.js';

/** A stand-in with thread-stream 3's shape: `ready`, `write`, and its internals behind a `kImpl` symbol. */
function threadStreamLike(withInternals: boolean) {
  const kImpl = Symbol('kImpl');
  const stream = Object.assign(new EventEmitter(), {
    ready: true,
    writes: [] as Array<{ line: string; sync: unknown }>,
    [kImpl]: { sync: false },
    write(line: string): boolean {
      stream.writes.push({ line, sync: withInternals ? stream[kImpl].sync : 'none' });
      return true;
    },
  });
  if (!withInternals) delete (stream as Partial<typeof stream>)[kImpl];
  return { stream, impl: () => stream[kImpl] };
}

function withRootStream(stream: object): void {
  const pino = { [Symbol('pino.stream')]: stream };
  vi.spyOn(Logger as unknown as { rootLogger: unknown }, 'rootLogger', 'get').mockReturnValue({ getRawLogger: () => pino });
}

describe('keepLoggerAwake', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hands each nudge to the writer thread at once (synchronous mode for that write only)', async () => {
    const { stream, impl } = threadStreamLike(true);
    withRootStream(stream);
    const waker = await keepLoggerAwake();
    waker.nudge();
    waker.stop();
    expect(stream.writes).toEqual([
      { line: '\n', sync: true },
      { line: '\n', sync: true },
    ]);
    // The stream is left in its own (asynchronous) mode for every other write.
    expect(impl().sync).toBe(false);
  });

  it('writes plainly to a stream without those internals', async () => {
    const { stream } = threadStreamLike(false);
    withRootStream(stream);
    const waker = await keepLoggerAwake();
    waker.stop();
    expect(stream.writes).toEqual([{ line: '\n', sync: 'none' }]);
  });
});

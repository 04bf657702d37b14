import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadComponents } from '../../src/load/load-components.js';
import { parseComponents } from '../../src/load/parse-components.js';
import type { ParseTask } from '../../src/load/parse/task.js';
import { chooseThreads } from '../../src/load/workers/executor.js';
import { ParserPool } from '../../src/load/workers/pool.js';
import { fixturesDir } from '../helpers/paths.js';

// One test makes every pool fail at once: the loader must then parse in the main thread.
const failing = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/load/workers/executor.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/workers/executor.js')>();
  return {
    ...original,
    createExecutor: (threads: number, cacheDir: string | undefined) =>
      failing.on ? { threads, run: () => Promise.reject(new Error('a parser thread stopped (exit code 1)')), close: async () => undefined } : original.createExecutor(threads, cacheDir),
  };
});

const sample = join(fixturesDir, 'acme');

async function sampleModel(workers: number): Promise<string> {
  const loaded = await loadComponents([join(sample, 'force-app')], sample);
  return JSON.stringify(await parseComponents(loaded.components, ['force-app'], { workers }));
}

describe('parser threads', () => {
  it('uses the threads asked for, else one per core, and one for a small project', () => {
    expect(chooseThreads(3, 10)).toBe(3);
    expect(chooseThreads(0, 10_000)).toBe(1);
    expect(chooseThreads(undefined, 50)).toBe(1);
    expect(chooseThreads(undefined, 50_000)).toBeGreaterThanOrEqual(1);
  });

  it('gives the same model with four threads on a small project as in the main thread', async () => {
    expect(await sampleModel(4)).toBe(await sampleModel(1));
  });

  it('fails the pending work when a thread dies, instead of waiting for it', async () => {
    const pool = new ParserPool(1, {});
    const tasks: ParseTask[] = Array.from({ length: 50 }, (_, index) => ({ index, type: 'Flow', fullName: `F${index}`, file: `F${index}`, xmlPath: '/nonexistent/F.flow-meta.xml' }));
    const pending = pool.run(tasks);
    await (pool as unknown as { slots: Array<{ worker: { terminate(): Promise<number> } }> }).slots[0]!.worker.terminate();
    await expect(pending).rejects.toThrow(/parser thread/);
    await expect(pool.run(tasks)).rejects.toThrow(/parser thread/);
  });

  it('parses in the main thread when the threads fail, with the same result', async () => {
    const expected = await sampleModel(1);
    failing.on = true;
    try {
      expect(await sampleModel(2)).toBe(expected);
    } finally {
      failing.on = false;
    }
  });
});

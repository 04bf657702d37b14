import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/review/progress.js';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string } {
  const stream = { isTTY, columns: 40, written: '', write(chunk: string) {
    stream.written += chunk;
    return true;
  } };
  return stream as unknown as NodeJS.WriteStream & { written: string };
}

describe('the progress line', () => {
  it('shows stages with counts on a terminal, on one line, and clears it when done', () => {
    const stream = fakeStream(true);
    const line = progressLine(stream);
    line.onProgress!('running rules', '3/24 perm/integration-creep and a long tail that is cut');
    expect(stream.written).toMatch(/^\r\u001b\[2Karch review \d+\.\ds: running rules \(3\/24/);
    expect(stream.written.length).toBeLessThan(60);
    line.done();
    expect(stream.written.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('is silent when stderr is not a terminal, and under --json', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const stream = fakeStream(tty);
      const line = progressLine(stream, enabled);
      expect(line.onProgress).toBeUndefined();
      line.done();
      expect(stream.written).toBe('');
    }
  });
});

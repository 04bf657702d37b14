import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAll } from '../../src/shared/arrays.js';
import { repoRoot } from '../helpers/paths.js';

describe('appendAll', () => {
  it('appends more items than a spread push can take', () => {
    const items = Array.from({ length: 300_000 }, (_, index) => index);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items)).toBe(target);
    expect(target.length).toBe(300_001);
    expect(target[300_000]).toBe(299_999);
  });

  it('src/ never spreads an array into push (the spread overflows the stack past ~120,000 items)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
    const spreads = files(join(repoRoot, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${relative(repoRoot, file)}:${index + 1}` }))
        .filter(({ line }) => /\.(push|unshift)\(\s*\.\.\./.test(line) || /Math\.(max|min)\([^)]*\.\.\./.test(line))
        .map(({ at }) => at),
    );
    expect(spreads).toEqual([]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stronglyConnectedComponents } from '../../src/graph/tarjan.js';
import { repoRoot } from '../helpers/paths.js';

/** Relative imports of every file in src/ (type-only ones too: a cycle of types still ties two modules together). */
function importGraph(srcDir: string): Map<string, string[]> {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
  const graph = new Map<string, string[]>();
  for (const file of files(srcDir)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/\b(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((match) => relative(srcDir, resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'))));
    graph.set(relative(srcDir, file), [...new Set(targets)].sort());
  }
  return graph;
}

describe('imports in src/', () => {
  it('form no cycle', () => {
    const graph = importGraph(join(repoRoot, 'src'));
    const cycles = stronglyConnectedComponents([...graph.keys()].sort(), (file) => graph.get(file) ?? []).filter((component) => component.length > 1);
    expect(cycles).toEqual([]);
  });

  it('the check sees a cycle when there is one', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']], ['c.ts', ['a.ts']]]);
    expect(stronglyConnectedComponents([...graph.keys()], (file) => graph.get(file) ?? []).filter((component) => component.length > 1)).toEqual([['a.ts', 'b.ts']]);
  });
});

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import ArchGraph, { type ArchGraphResult } from '../../../src/commands/arch/graph.js';
import type { GraphEdge, GraphNode } from '../../../src/graph/types.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';
import { mermaidErrors } from '../../report/mermaid-grammar.js';

const sample = join(fixturesDir, 'acme', 'force-app');

describe('sf arch graph (in-process)', () => {
  it('prints the whole graph as JSON by default', async () => {
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample]);
    expect(run.error).toBeUndefined();
    const graph = JSON.parse(run.stdout) as { nodes: GraphNode[]; edges: GraphEdge[] };
    expect(graph.nodes.map((node) => node.id)).toContain('object:Account');
    expect(graph.edges.length).toBeGreaterThan(0);
    expect(run.result).toEqual({ format: 'json', nodes: graph.nodes.length, edges: graph.edges.length });
  });

  it('restricts to --object, case-insensitively', async () => {
    const all = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample]);
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--object', 'account']);
    expect(run.error).toBeUndefined();
    const graph = JSON.parse(run.stdout) as { nodes: GraphNode[]; edges: GraphEdge[] };
    expect(graph.nodes.map((node) => node.id)).toContain('object:Account');
    expect(graph.nodes.length).toBeLessThan(all.result!.nodes);
    // Every edge starts at Account, at automation, or at a platform event whose subscribers run after the save.
    for (const edge of graph.edges) {
      const source = graph.nodes.find((node) => node.id === edge.source)!;
      expect(source.kind === 'automation' || source.name === 'Account' || source.name.endsWith('__e'), edge.source).toBe(true);
    }
  });

  it('prints a valid Mermaid flowchart', async () => {
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--format', 'mermaid', '--object', 'Account']);
    expect(run.error).toBeUndefined();
    expect(run.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaidErrors(run.stdout)).toEqual([]);
  });

  it('writes --output-file atomically, creating the folder, and returns the counts with --json', async () => {
    const base = mkdtempSync(join(tmpdir(), 'arch-graph-'));
    const file = join(base, 'out', 'deeper', 'graph.graphml');
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--format', 'graphml', '--output-file', file, '--json']);
    const envelope = JSON.parse(run.stdout) as { status: number; result: ArchGraphResult };
    expect(envelope.status).toBe(0);
    expect(envelope.result).toMatchObject({ format: 'graphml', outputFile: file });
    expect(envelope.result.nodes).toBeGreaterThan(0);
    const text = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text.match(/<node id=/g)).toHaveLength(envelope.result.nodes);
    expect(text.match(/<edge id=/g)).toHaveLength(envelope.result.edges);
    expect(readdirSync(join(base, 'out', 'deeper'))).toEqual(['graph.graphml']);
  });

  it('says where it wrote the file, and prints nothing else', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'arch-graph-')), 'graph.dot');
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--format', 'dot', '-f', file]);
    expect(run.error).toBeUndefined();
    expect(run.stdout).toMatch(/^Wrote the dot graph \(\d+ nodes, \d+ edges\) to .*graph\.dot\.\n$/);
    expect(readFileSync(file, 'utf8')).toMatch(/^digraph "automation" \{/);
  });

  it('warns about an --object that is not in the graph', async () => {
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--object', 'Nope__c']);
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain('No object named Nope__c is in the graph');
    expect(run.result).toMatchObject({ nodes: 0, edges: 0 });
  });

  it('rejects an unknown format', async () => {
    const run = await runCommand<ArchGraphResult>(ArchGraph, ['--source-dir', sample, '--format', 'svg']);
    expect(run.error?.message).toMatch(/svg/);
  });
});

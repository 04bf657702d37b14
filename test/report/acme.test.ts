import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphExporters } from '../../src/graph/export/index.js';
import { renderers } from '../../src/report/index.js';
import { type Review, review } from '../../src/review/review.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { headings, mermaidBlocks, tables } from './markdown-check.js';
import { mermaidErrors } from './mermaid-grammar.js';

/** The renderers and exporters on a real review of the sample project, not only on hand-built results. */
describe('the acme sample, end to end', () => {
  let sample: Review;
  beforeAll(async () => {
    sample = await review({ baseDir: repoRoot, sourceDirs: [join(fixturesDir, 'acme', 'force-app')] });
  });

  it('validates against schemas/review-result.json', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'review-result.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const valid = validate(JSON.parse(renderers.json(sample.result)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('renders Markdown with the report headings, well-formed tables and valid diagrams', () => {
    const markdown = renderers.markdown(sample.result);
    const h2 = headings(markdown, 2).filter((text) => text !== 'Findings');
    expect(h2).toEqual(['Summary', 'Recursion risks', 'System of record', 'Integration users', 'Ownership and expiry', 'Automation by object', 'Inventory', 'What could not be read']);
    const withEntries = sample.result.objects.filter((pipeline) => pipeline.entries.length > 0);
    expect(withEntries.length).toBeGreaterThan(0);
    expect(headings(markdown, 3)).toEqual(expect.arrayContaining(withEntries.map((pipeline) => pipeline.object)));
    for (const table of tables(markdown)) {
      expect(table.rawCellCounts.every((count) => count === table.header.length), `table under ${table.under}`).toBe(true);
    }
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(withEntries.length);
    for (const block of blocks) expect(mermaidErrors(block)).toEqual([]);
  });

  it('exports the graph in every format', () => {
    expect(XMLValidator.validate(graphExporters.graphml(sample.graph))).toBe(true);
    expect(mermaidErrors(graphExporters.mermaid(sample.graph))).toEqual([]);
    const json = JSON.parse(graphExporters.json(sample.graph)) as { nodes: unknown[]; edges: unknown[] };
    expect(json.nodes).toHaveLength(sample.graph.order);
    expect(json.edges).toHaveLength(sample.graph.size);
  });
});

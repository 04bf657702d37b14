import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import ArchReview from '../../src/commands/arch/review.js';
import { renderers, type ReportFormat } from '../../src/report/index.js';
import type { ReviewResult } from '../../src/review/review.js';
import { customObject, permissionSetWithFields, recordTriggeredFlow, sorField, updateRecordElement, xmlText } from '../helpers/dx-project.js';
import { repoRoot } from '../helpers/paths.js';
import { runCommand } from '../helpers/run-command.js';
import { md, mermaidBlocks, tables } from '../report/markdown-check.js';
import { mermaidErrors } from '../report/mermaid-grammar.js';
import { hostileProject, reviewDir } from './kit.js';

/** Everything that could end a cell, a fence, a CDATA section, a Mermaid label or colour a terminal. */
const EVIL = 'A | B\n## Heading\n```\n<script>alert(1)</script> ]]> "] --> n9 %% `tick` \u001b[31mred\u001b[0m <img src=x onerror=alert(1)>';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function evilProject(): string {
  const object = customObject('Evil__c', [sorField('Evil_Field__c', { label: EVIL, description: EVIL, helpText: EVIL })]);
  const [flowPath, flowXml] = recordTriggeredFlow({
    name: 'Evil_Flow',
    object: 'Evil__c',
    triggerType: 'RecordAfterSave',
    elements: updateRecordElement('Touch', { inputReference: '$Record', fields: { Evil_Field__c: 'x' } }),
    firstElement: 'Touch',
  });
  const labelled = flowXml.replace('<label>Evil_Flow</label>', `<label>${xmlText(EVIL)}</label><description>${xmlText(EVIL)}</description>`).replace('<label>Touch</label>', `<label>${xmlText(EVIL)}</label>`);
  return hostileProject({
    ...Object.fromEntries(object),
    [flowPath]: labelled,
    // A file name no report may render as markup, and a ParseIssue that carries it.
    ['flows/Bad|`<b>x` %% --> n1.flow-meta.xml']: '<Flow><label>',
    ...Object.fromEntries([permissionSetWithFields('Evil_Set', { label: EVIL, description: EVIL, fields: { 'Evil__c.Evil_Field__c': 'edit' } })]),
  });
}

function cleanProject(): string {
  const [flowPath, flowXml] = recordTriggeredFlow({
    name: 'Clean_Flow',
    object: 'Clean__c',
    triggerType: 'RecordAfterSave',
    elements: updateRecordElement('Touch', { inputReference: '$Record', fields: { Clean_Field__c: 'x' } }),
    firstElement: 'Touch',
  });
  return hostileProject({ ...Object.fromEntries(customObject('Clean__c', [sorField('Clean_Field__c')])), [flowPath]: flowXml, 'flows/Bad.flow-meta.xml': '<Flow><label>' });
}

const tagCounts = (html: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const match of html.matchAll(/<([a-zA-Z][\w-]*)/g)) counts.set(match[1]!.toLowerCase(), (counts.get(match[1]!.toLowerCase()) ?? 0) + 1);
  return counts;
};

describe('report injection: metadata text never becomes markup or code', () => {
  let root: string;
  let result: ReviewResult;
  let clean: ReviewResult;
  const out = {} as Record<ReportFormat, string>;

  beforeAll(async () => {
    root = evilProject();
    result = (await reviewDir(root)).result;
    clean = (await reviewDir(cleanProject())).result;
    for (const [format, render] of Object.entries(renderers)) out[format as ReportFormat] = render(result);
  });

  it('the evil strings reached the result (the test is not vacuous)', () => {
    const json = JSON.stringify(result);
    expect(json).toContain('<script>');
    expect(result.parseIssues.map((issue) => issue.file).join()).toContain('Bad|`<b>x`');
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('Markdown: tables keep their column count, no raw HTML, no control characters, Mermaid passes the strict grammar', () => {
    const markdown = out.markdown;
    for (const table of tables(markdown)) {
      for (const count of table.rawCellCounts) expect(count, table.under).toBe(table.header.length);
      for (const row of table.rows) expect(row.length, table.under).toBe(table.header.length);
    }
    const html = md.render(markdown);
    expect(html).not.toMatch(/<script|<img/i);
    expect(markdown).not.toMatch(CONTROL);
    const blocks = mermaidBlocks(markdown);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(mermaidErrors(block)).toEqual([]);
  });

  it('HTML: no element the report does not write itself, no control characters', () => {
    const evil = tagCounts(out.html);
    const own = tagCounts(renderers.html(clean));
    for (const [tag, count] of evil) expect(own.has(tag), `<${tag}> comes from metadata`).toBe(true);
    expect(evil.get('script') ?? 0).toBe(own.get('script') ?? 0);
    expect(evil.get('img') ?? 0).toBe(own.get('img') ?? 0);
    expect(out.html).not.toMatch(CONTROL);
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('JSON and SARIF parse and follow their schemas', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'review-result.json'), 'utf8')) as object;
    const validateResult = new Ajv({ allErrors: true }).compile(schema);
    expect(validateResult(JSON.parse(out.json)), JSON.stringify(validateResult.errors)).toBe(true);
    const sarifSchema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    ajv.addFormat('uri-reference', (value: string) => !/[\s<>"{}|\\^`\u0000-\u001f]/.test(value) && !/%(?![0-9A-F]{2})/i.test(value));
    ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
    const validateSarif = ajv.compile(sarifSchema);
    expect(validateSarif(JSON.parse(out.sarif)), JSON.stringify(validateSarif.errors)).toBe(true);
  });

  it('the command prints Markdown free of terminal control sequences', async () => {
    const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', join(root, 'force-app'), '--no-cache', '--as-of', '2025-01-01']);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(CONTROL);
  });

  it('two runs give byte-identical output in every format', async () => {
    const again = (await reviewDir(root)).result;
    for (const [format, render] of Object.entries(renderers)) expect(render(again), format).toBe(out[format as ReportFormat]);
  });
});

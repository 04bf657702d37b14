// `sf arch review --history DIR`: scheduled audits of one project, a trend across them.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import type { CompactResult } from '../../../src/review/compact.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../../helpers/corpus.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

type Envelope = { result: CompactResult };

async function audit(args: string[]): Promise<CompactResult> {
  const run = await runCommand<CompactResult>(ArchReview, [...args, '--json']);
  expect(run.error).toBeUndefined();
  return (JSON.parse(run.stdout) as Envelope).result;
}

describe('sf arch review --history', () => {
  it('keeps each run, shows counts over time and what was fixed and is new since the last run', { timeout: 120_000 }, async () => {
    const project = mkdtempSync(join(tmpdir(), 'arch-history-project-'));
    cpSync(join(fixturesDir, 'acme'), project, { recursive: true });
    const history = join(mkdtempSync(join(tmpdir(), 'arch-history-')), 'audits');
    const base = ['--source-dir', join(project, 'force-app'), '--policy', join(project, 'arch-review.yml'), '--history', history, '--no-cache'];

    const first = await audit([...base, '--as-of', '2026-11-01']);
    expect(first.trend?.runs.map((run) => run.date)).toEqual(['2026-11-01']);
    expect(first.trend?.sincePrevious).toBeUndefined();
    expect(readdirSync(history)).toEqual(['2026-11-01.json']);

    // A month later a flow has gone: its findings are fixed.
    const flow = join(project, 'force-app', 'main', 'default', 'flows', 'Holiday_Promo_Discount.flow-meta.xml');
    const gone = first.findings.filter((finding) => finding.components.some((component) => component.name === 'Holiday_Promo_Discount'));
    expect(gone.length).toBeGreaterThan(0);
    rmSync(flow);
    const second = await audit([...base, '--as-of', '2026-12-01']);
    expect(second.trend?.runs.map((run) => `${run.date} ${run.findings}`)).toEqual([`2026-11-01 ${first.findings.length}`, `2026-12-01 ${second.findings.length}`]);
    expect(second.trend?.sincePrevious?.previous).toBe('2026-11-01');
    expect(second.trend?.sincePrevious?.fixed.map((finding) => finding.fingerprint)).toEqual(expect.arrayContaining(gone.map((finding) => finding.fingerprint)));
    expect(readdirSync(history).sort()).toEqual(['2026-11-01.json', '2026-12-01.json']);

    // A rerun on the same date replaces that day's entry; a stray file is named, never fatal.
    writeFileSync(join(history, 'README.txt'), 'audits');
    const again = await audit([...base, '--as-of', '2026-12-01']);
    expect(again.trend?.totalRuns).toBe(2);
    expect(again.warnings.some((warning) => warning.includes(join(history, 'README.txt')))).toBe(true);
    // The same review writes the same entry.
    expect(readFileSync(join(history, '2026-12-01.json'), 'utf8')).toContain('"detail": "compact"');

    // The Markdown report has the section; the HTML report a chart.
    const markdown = await runCommand<CompactResult>(ArchReview, [...base, '--as-of', '2026-12-01']);
    expect(markdown.stdout).toContain('## Trend across audits');
    expect(markdown.stdout).toMatch(/Since the run of 2026-11-01: \*\*0 new\*\*, \*\*\d+ fixed\*\*/);
    const htmlFile = join(history, '..', 'report.html');
    const html = await runCommand<CompactResult>(ArchReview, [...base, '--as-of', '2026-12-01', '--format', 'html', '--output-file', htmlFile]);
    expect(html.error).toBeUndefined();
    expect(readFileSync(htmlFile, 'utf8')).toMatch(/<section id="trend">[\s\S]*<polyline/);
  });

  it('without --history, the report has no trend', { timeout: 60_000 }, async () => {
    const result = await audit(['--source-dir', join(fixturesDir, 'acme', 'force-app'), '--policy', join(fixturesDir, 'acme', 'arch-review.yml'), '--as-of', '2026-12-01', '--no-cache']);
    expect(result.trend).toBeUndefined();
  });
});

describe.runIf(hasCorpus)('sf arch review --history on the corpus', () => {
  it(`${CORPUS_FOLDERS[4]}: two audits, the second unchanged`, { timeout: 120_000 }, async () => {
    const history = mkdtempSync(join(tmpdir(), 'arch-history-corpus-'));
    const args = ['--source-dir', corpus(CORPUS_FOLDERS[4]), '--history', history, '--no-cache'];
    const first = await audit([...args, '--as-of', '2026-11-01']);
    const second = await audit([...args, '--as-of', '2026-12-01']);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(second.trend?.runs.map((run) => run.findings)).toEqual([first.findings.length, second.findings.length]);
    expect(second.trend?.sincePrevious?.new).toEqual([]);
  });
});

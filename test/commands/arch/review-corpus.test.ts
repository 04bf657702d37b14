import { describe, expect, it } from 'vitest';
import ArchReview from '../../../src/commands/arch/review.js';
import type { ReviewResult } from '../../../src/review/review.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../../helpers/corpus.js';
import { runCommand } from '../../helpers/run-command.js';
import { generatedOrg } from '../../load/support/review-kit.js';

type Envelope = { status: number; result: ReviewResult; name?: string; message?: string };

/** `sf arch review --json` end to end, as a user runs it on a real project: it must never crash. */
async function reviewed(sourceDir: string): Promise<Envelope> {
  const run = await runCommand<ReviewResult>(ArchReview, ['--source-dir', sourceDir, '--json', '--as-of', '2026-11-23', '--no-cache']);
  return JSON.parse(run.stdout) as Envelope;
}

describe.runIf(hasCorpus)('sf arch review on every corpus project', () => {
  it.each(CORPUS_FOLDERS)('%s: reviewed whole, with no crash, rule error or parse issue', async (folder) => {
    const envelope = await reviewed(corpus(folder));
    expect(envelope.name, envelope.message).toBeUndefined();
    expect(envelope.status).toBe(0);
    expect(envelope.result.ruleErrors).toEqual([]);
    expect(envelope.result.parseIssues).toEqual([]);
    expect(envelope.result.findings.length).toBeGreaterThan(0);
  });
});

describe('sf arch review on a generated enterprise org', () => {
  it('finishes with findings in each category the generator seeds, and no rule error', async () => {
    const envelope = await reviewed(generatedOrg(0.05));
    expect(envelope.name, envelope.message).toBeUndefined();
    expect(envelope.result.ruleErrors).toEqual([]);
    expect(envelope.result.parseIssues).toEqual([]);
    expect([...new Set(envelope.result.findings.map((finding) => finding.category))].sort()).toEqual(['hygiene', 'legacy', 'perm', 'recursion', 'sor']);
  });
});

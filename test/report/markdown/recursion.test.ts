import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { renderRecursionRisks } from '../../../src/report/markdown/recursion.js';
import type { RecursionReport } from '../../../src/review/sections/recursion.js';
import { headings, md, tables } from '../markdown-check.js';
import { finding, NASTY, sampleResult } from '../result-kit.js';

const CHAIN = 'Account —[trigger AccountTrigger → AccountService.sync:42: update Contact.MailingCity]→ Contact —[flow Contact_Sync:12: update Account.Contact_Count__c]→ Account';

const recursion: RecursionReport = {
  objects: [
    { object: 'Account', longestChain: ['Account', 'Opportunity', 'Account'], chainText: 'Account → Opportunity → Account', hops: 2, dmlStatements: 3 },
    { object: 'Opportunity', longestChain: ['Opportunity'], chainText: 'Opportunity', hops: 0, dmlStatements: 0 },
  ],
};

const findings = [
  finding({ ruleId: 'hygiene/missing-description', severity: 'low', object: 'Account' }),
  finding({
    ruleId: 'limits/dml-in-loop',
    severity: 'high',
    object: 'Invoice__c',
    message: 'InvoiceService.createFinanceReviewTasks runs DML statements inside a loop.',
    components: [{ type: 'ApexClass', name: 'InvoiceService', file: 'force-app/main/default/classes/InvoiceService.cls', line: 10 }],
    evidence: [{ text: 'InvoiceService.createFinanceReviewTasks: insert review (Task) inside a loop', file: 'force-app/main/default/classes/InvoiceService.cls', line: 31 }],
    fingerprint: 'b',
  }),
  finding({
    ruleId: 'recursion/cross-object-cycle',
    severity: 'critical',
    object: 'Account',
    message: 'Account → Contact → Account can re-save forever.',
    evidence: [{ text: `chain: ${CHAIN}` }, { text: 'hop', file: 'force-app/x', line: 1 }],
    fingerprint: 'a',
  }),
  finding({ ruleId: 'recursion/self-update', severity: 'medium', object: 'Case', fingerprint: 'c' }),
];

describe('## Recursion risks', () => {
  it('lists every recursion and limits finding, most severe first, with the chain or the site', () => {
    const markdown = renderMarkdown(sampleResult({ findings, recursion }));
    // After the generic findings table, before the object sections (other topic sections may sit between).
    const h2 = headings(markdown, 2);
    expect(h2.indexOf('Recursion risks')).toBe(h2.indexOf('Findings') + 1);
    expect(h2.indexOf('Recursion risks')).toBeLessThan(h2.indexOf('Automation by object'));
    const section = tables(markdown).find((table) => table.under === 'Recursion risks')!;
    expect(section.header).toEqual(['severity', 'rule', 'object', 'chain/site', 'why']);
    expect(section.rows.map((row) => row.slice(0, 3))).toEqual([
      ['**critical**', '`recursion/cross-object-cycle`', '`Account`'],
      ['**high**', '`limits/dml-in-loop`', '`Invoice__c`'],
      ['**medium**', '`recursion/self-update`', '`Case`'],
    ]);
    expect(section.rawCellCounts.every((count) => count === 5)).toBe(true);
    // What a reader sees: the chain as the rule wrote it, escapes resolved.
    const rendered = md.renderInline(section.rows[0]![3]!);
    expect(rendered).toBe(`chain: ${CHAIN}`.replace(/&/g, '&amp;').replace(/>/g, '&gt;'));
    expect(section.rows[1]![3]).toBe(
      'ApexClass `InvoiceService`: InvoiceService.createFinanceReviewTasks: insert review (Task) inside a loop (`force-app/main/default/classes/InvoiceService.cls:31`)',
    );
    expect(section.rows[1]![4]).toBe('InvoiceService.createFinanceReviewTasks runs DML statements inside a loop.');
  });

  it('says so in one sentence when the analysis ran and found nothing, and is left out when it did not run', () => {
    const none = renderRecursionRisks(sampleResult({ findings: [], recursion: { objects: [] } }));
    expect(none).toBe('## Recursion risks\n\nNo save cycles, event loops, DML or queries in loops, or callouts in a save transaction were found.');
    const failed = renderRecursionRisks(sampleResult({ findings: [], recursion: { objects: [] }, ruleErrors: [{ ruleId: 'limits/dml-in-loop', message: 'x' }] }));
    expect(failed).toContain('(1 of these rules failed, so their findings are missing)');
    // No report data: a hand-built or older result; its findings still show under ## Findings.
    expect(renderRecursionRisks(sampleResult())).toBeUndefined();
  });

  it('escapes metadata text: a hostile chain, component and message stay inside their cells', () => {
    const hostile = [
      finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', object: NASTY, message: NASTY, evidence: [{ text: `chain: ${NASTY}` }] }),
      finding({ ruleId: 'limits/soql-in-loop', severity: 'high', object: NASTY, message: NASTY, components: [{ type: NASTY, name: NASTY, file: NASTY, line: 2 }], evidence: [{ text: NASTY, file: NASTY, line: 3 }] }),
    ];
    const markdown = renderMarkdown(sampleResult({ findings: hostile, recursion }));
    const section = markdown.slice(markdown.indexOf('## Recursion risks'), markdown.indexOf('## Automation by object'));
    expect(headings(section, 2)).toEqual(['Recursion risks']);
    const table = tables(section)[0]!;
    expect(table.rows).toHaveLength(2);
    expect(table.rawCellCounts.every((count) => count === 5)).toBe(true);
    expect(md.render(section)).not.toMatch(/<script|<img|href="javascript/);
  });
});

describe('bulk-risk paragraph in an object section', () => {
  it('gives the longest synchronous chain with its hops and DML statements', () => {
    const markdown = renderMarkdown(sampleResult({ recursion }));
    const account = markdown.slice(markdown.indexOf('### Account'), markdown.indexOf('### Opportunity'));
    expect(account).toContain('**Bulk risk:** longest synchronous chain Account → Opportunity → Account (2 hops, 3 DML statements).');
    const opportunity = markdown.slice(markdown.indexOf('### Opportunity'));
    expect(opportunity).toContain('**Bulk risk:** a save of `Opportunity` saves no records in the same transaction (no synchronous save chain).');
  });

  it('is left out without figures, and escapes object names', () => {
    expect(renderMarkdown(sampleResult())).not.toContain('**Bulk risk:**');
    const nasty = renderMarkdown(
      sampleResult({ recursion: { objects: [{ object: 'Account', longestChain: ['Account', NASTY, 'Account'], chainText: '', hops: 2, dmlStatements: 1 }] } }),
    );
    const paragraph = nasty.split('\n').find((text) => text.startsWith('**Bulk risk:**'))!;
    expect(paragraph).toContain('(2 hops, 1 DML statement).');
    expect(md.render(paragraph)).not.toMatch(/<script|<img|<h2/);
  });
});

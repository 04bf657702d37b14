import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { MAX_OWNERSHIP_ROWS, renderOwnership } from '../../../src/report/markdown/ownership.js';
import type { OwnershipComponent, OwnershipReport } from '../../../src/review/sections/ownership.js';
import { headings, tables } from '../markdown-check.js';
import { finding, NASTY, sampleResult } from '../result-kit.js';

const FLOWS = 'force-app/main/default/flows';

function component(partial: Partial<OwnershipComponent> & { type: string; name: string }): OwnershipComponent {
  return { file: `${FLOWS}/${partial.name}.flow-meta.xml`, ...partial };
}

function report(partial: Partial<OwnershipReport> = {}): OwnershipReport {
  return {
    asOf: '2026-11-23',
    counts: [
      { type: 'CustomField', components: 3, owned: 2, unowned: 1, expired: 0, expiring: 0, retiring: 1, ownerSources: { businessOwnerGroup: 1, description: 1 } },
      { type: 'Flow', components: 4, owned: 3, unowned: 1, expired: 1, expiring: 2, retiring: 0, ownerSources: { description: 2, policy: 1 } },
    ],
    deadlines: [
      component({ type: 'Flow', name: 'Holiday_Promo', owner: 'marketing-ops', ownerSource: 'description', expires: '2026-01-31', expiresSource: 'description', expiresRef: { file: `${FLOWS}/Holiday_Promo.flow-meta.xml` }, expiry: { state: 'expired', daysLeft: -296 } }),
      component({ type: 'Flow', name: 'Pilot_Today', expires: '2026-11-23', expiresSource: 'policy', expiresRef: { file: 'arch-review.yml', line: 4 }, expiry: { state: 'expiring', daysLeft: 0 } }),
      component({ type: 'Flow', name: 'Trial_Soon', owner: 'sales-ops', ownerSource: 'policy', processBuilder: true, expires: '2026-11-28', expiresSource: 'description', expiry: { state: 'expiring', daysLeft: 5 } }),
    ],
    components: [
      component({ type: 'Flow', name: 'Account_Before_Save', owner: 'sales-ops', ownerSource: 'description' }),
      component({ type: 'ValidationRule', name: 'Require_Tier' }),
      component({ type: 'WorkflowRule', name: 'Account_Tier_WF', owner: 'revops', ownerSource: 'policy' }),
    ],
    ...partial,
  };
}

const hygieneFindings = [
  finding({ ruleId: 'hygiene/expired', severity: 'medium', message: 'Flow Holiday_Promo expired.' }),
  finding({ ruleId: 'hygiene/missing-owner', severity: 'low', message: 'Flow Pilot_Today has no owner.' }),
  finding({ ruleId: 'legacy/workflow-rule', severity: 'medium', message: 'Account has 1 workflow rule.', components: [{ type: 'WorkflowRule', name: 'Account.Rule', file: 'w.xml' }, { type: 'WorkflowRule', name: 'Account.Other', file: 'w.xml' }] }),
  finding({ ruleId: 'recursion/self-update', severity: 'high', message: 'Not ours.' }),
];

describe('renderOwnership', () => {
  it('is left out when the result has no ownership data', () => {
    expect(renderOwnership(sampleResult())).toBeUndefined();
    expect(headings(renderMarkdown(sampleResult()), 2)).not.toContain('Ownership and expiry');
  });

  it('sits before the automation, with counts by type and where owners came from', () => {
    const markdown = renderMarkdown(sampleResult({ ownership: report(), findings: hygieneFindings }));
    const h2 = headings(markdown, 2);
    expect(h2.indexOf('Ownership and expiry')).toBe(h2.indexOf('Automation by object') - 1);
    const counts = tables(markdown).find((table) => table.under === 'Ownership and expiry' && table.header[0] === 'type')!;
    expect(counts.header).toEqual(['type', 'components', 'owned', 'unowned', 'expired', 'expiring (30 days)', 'retiring', 'owner from']);
    expect(counts.rows).toEqual([
      ['CustomField', '3', '2', '1', '0', '0', '1', 'businessOwnerGroup 1, description 1'],
      ['Flow', '4', '3', '1', '1', '2', '0', 'description 2, policy 1'],
    ]);
    expect(markdown).toContain('Review date 2026-11-23.');
  });

  it('lists the expired and expiring components by date, with owner and expiry sources', () => {
    const markdown = renderOwnership(sampleResult({ ownership: report() }))!;
    const deadlines = tables(markdown).find((table) => table.header[0] === 'expires')!;
    expect(deadlines.header).toEqual(['expires', 'state', 'component', 'owner', 'expiry from']);
    expect(deadlines.rows).toEqual([
      ['2026-01-31', 'expired 296 days ago', 'Flow `Holiday_Promo`', 'marketing-ops (description)', 'description `force-app/main/default/flows/Holiday_Promo.flow-meta.xml`'],
      ['2026-11-23', 'expires today', 'Flow `Pilot_Today`', 'none', 'policy `arch-review.yml:4`'],
      ['2026-11-28', 'expires in 5 days', 'Process Builder `Trial_Soon`', 'sales-ops (policy)', 'description'],
    ]);
    expect(markdown).toContain('**Expired and expiring** (earliest first): 3 components.');
  });

  it('says so when nothing has expired', () => {
    const markdown = renderOwnership(sampleResult({ ownership: report({ deadlines: [] }) }))!;
    expect(markdown).toContain('**Expired and expiring:** nothing has expired or expires within 30 days.');
  });

  it('then the other hygiene and legacy findings, most severe first, without the expired ones', () => {
    const markdown = renderOwnership(sampleResult({ ownership: report(), findings: hygieneFindings }))!;
    const others = tables(markdown).find((table) => table.header[0] === 'severity')!;
    expect(others.header).toEqual(['severity', 'rule', 'component', 'finding']);
    expect(others.rows).toEqual([
      ['**medium**', '`legacy/workflow-rule`', 'WorkflowRule `Account.Rule` +1', 'Account has 1 workflow rule.'],
      ['**low**', '`hygiene/missing-owner`', 'Flow `Account_After_Save`', 'Flow Pilot\\_Today has no owner.'],
    ]);
  });

  it('cuts long lists and points at the JSON', () => {
    const many = Array.from({ length: MAX_OWNERSHIP_ROWS + 2 }, (_unused, index) =>
      component({ type: 'Flow', name: `Pilot_${index}`, expires: '2026-01-01', expiresSource: 'description', expiry: { state: 'expired', daysLeft: -326 } }),
    );
    const markdown = renderOwnership(sampleResult({ ownership: report({ deadlines: many }) }))!;
    expect(tables(markdown).find((table) => table.header[0] === 'expires')!.rows).toHaveLength(MAX_OWNERSHIP_ROWS);
    expect(markdown).toContain(`The table shows the first ${MAX_OWNERSHIP_ROWS} of ${MAX_OWNERSHIP_ROWS + 2} expired or expiring components; \`--format json\` has everything.`);
  });

  it('escapes owners, names and types from metadata', () => {
    const nasty = report({
      counts: [{ type: NASTY, components: 1, owned: 1, unowned: 0, expired: 1, expiring: 0, retiring: 0, ownerSources: { description: 1 } }],
      deadlines: [component({ type: NASTY, name: NASTY, owner: NASTY, ownerSource: 'description', expires: '2026-01-01', expiresSource: 'description', expiresRef: { file: NASTY }, expiry: { state: 'expired', daysLeft: -1 } })],
    });
    const markdown = renderOwnership(sampleResult({ ownership: nasty, findings: [finding({ ruleId: 'hygiene/missing-owner', severity: 'low', message: NASTY, components: [{ type: NASTY, name: NASTY, file: NASTY }] })] }))!;
    expect(markdown).not.toMatch(/<script/i);
    expect(markdown).not.toMatch(/^#+ Injected heading/m);
    for (const table of tables(markdown)) expect(table.rawCellCounts.every((count) => count === table.header.length)).toBe(true);
  });
});

describe('the owner column of the automation tables', () => {
  it('shows each automation’s owner and its source; none when unowned; not checked for Apex', () => {
    const markdown = renderMarkdown(sampleResult({ ownership: report() }));
    const account = tables(markdown).find((table) => table.under === 'Account')!;
    const owner = account.header.indexOf('owner');
    expect(owner).toBe(7);
    const byName = new Map(account.rows.map((row) => [/`[^`]+`/.exec(row[2]!)![0], row[owner]!]));
    expect(byName.get('`Account_Before_Save`')).toBe('sales-ops (description)');
    expect(byName.get('`Require_Tier`')).toBe('none');
    expect(byName.get('`Account_Tier_WF`')).toBe('revops (policy)');
    expect(byName.get('`AccountTrigger`')).toBe('not checked');
  });

  it('stays blank without ownership data', () => {
    const account = tables(renderMarkdown(sampleResult())).find((table) => table.under === 'Account')!;
    expect(account.rows.every((row) => row[7] === '')).toBe(true);
  });
});

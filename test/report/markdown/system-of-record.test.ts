import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { foreignFields } from '../../../src/report/markdown/object-extras/foreign-fields.js';
import { MAX_SOR_ROWS, renderSystemOfRecord } from '../../../src/report/markdown/system-of-record.js';
import type { SorField, SystemOfRecordReport } from '../../../src/review/sections/system-of-record.js';
import { headings, tables } from '../markdown-check.js';
import { accountPipeline, finding, NASTY, sampleResult } from '../result-kit.js';

const FIELDS = 'force-app/main/default/objects/Account/fields';

function field(partial: Partial<SorField> & { field: string; owner: string }): SorField {
  return { object: partial.field.split('.')[0]!, source: 'policy', pattern: partial.field, writers: [], ...partial };
}

function report(partial: Partial<SystemOfRecordReport> = {}): SystemOfRecordReport {
  return {
    defaultOwner: 'salesforce',
    systems: [
      { key: 'billing', label: 'Billing system', declaredIn: 'policy', permissionSets: ['Billing_Sync'], profiles: [], users: ['billing.sync@acme.com'], automations: [], ownedFields: 1 },
      { key: 'sap', label: 'SAP S/4HANA (ERP)', declaredIn: 'policy', permissionSets: ['SAP_Integration'], profiles: ['SAP Integration Profile'], users: [], automations: ['Flow:ERP_Inbound_Sync'], ownedFields: 2 },
    ],
    fields: [
      field({
        field: 'Account.Billing_Status__c',
        owner: 'billing',
        pattern: '*.Billing_*',
        writers: [
          { kind: 'integration', system: 'billing', type: 'PermissionSet', name: 'Billing_Sync', file: 'force-app/main/default/permissionsets/Billing_Sync.permissionset-meta.xml', foreign: false },
          { kind: 'automation', system: 'salesforce', type: 'Flow', name: 'Subscription_Update_Account', how: 'update', file: 'f.xml', line: 62, foreign: true },
        ],
        violation: 'sor/multiple-writers',
      }),
      field({
        field: 'Account.Credit_Limit__c',
        owner: 'sap',
        source: 'description',
        tag: 'SAP',
        writers: [{ kind: 'automation', system: 'salesforce', type: 'Flow', name: 'Account_Before_Save_Defaults', how: 'in memory', file: 'g.xml', line: 5, foreign: true }],
        violation: 'sor/foreign-field-write',
      }),
      field({ field: 'Account.ERP_Status__c', owner: 'sap', pattern: 'Account.ERP_*', writers: [{ kind: 'integration', system: 'sap', type: 'PermissionSet', name: 'SAP_Integration', foreign: false }] }),
    ],
    ...partial,
  };
}

const sorFindings = [
  finding({ ruleId: 'sor/foreign-field-write', severity: 'critical', object: 'Account', message: 'Flow Account_Before_Save_Defaults writes Account.Credit_Limit__c.', components: [{ type: 'Flow', name: 'Account_Before_Save_Defaults', file: 'g.xml' }] }),
  finding({ ruleId: 'sor/multiple-writers', severity: 'high', object: 'Account', message: 'Account.Billing_Status__c has writers from 2 systems.', components: [{ type: 'CustomField', name: 'Account.Billing_Status__c', file: `${FIELDS}/Billing_Status__c.field-meta.xml`, line: 2 }] }),
  finding({ ruleId: 'recursion/self-update', severity: 'high', message: 'Not ours.' }),
];

describe('renderSystemOfRecord', () => {
  it('is left out when there is no system-of-record data and no sor finding', () => {
    expect(renderSystemOfRecord(sampleResult())).toBeUndefined();
    expect(headings(renderMarkdown(sampleResult()), 2)).not.toContain('System of record');
  });

  it('sits after the findings and before the automation, with the systems, the matrix and the sor findings', () => {
    const markdown = renderMarkdown(sampleResult({ systemOfRecord: report(), findings: sorFindings }));
    const h2 = headings(markdown, 2);
    expect(h2.indexOf('System of record')).toBeGreaterThan(h2.indexOf('Findings'));
    expect(h2.indexOf('System of record')).toBeLessThan(h2.indexOf('Automation by object'));
    const section = renderSystemOfRecord(sampleResult({ systemOfRecord: report(), findings: sorFindings }))!;
    const [systems, matrix] = tables(section);
    expect(systems!.header).toEqual(['system', 'label', 'declared in', 'owned fields', 'integration principals', 'declared writer automation']);
    expect(systems!.rows[1]).toEqual(['`sap`', 'SAP S/4HANA (ERP)', 'policy', '2', 'PermissionSet `SAP_Integration`, Profile `SAP Integration Profile`', '`Flow:ERP_Inbound_Sync`']);
    expect(matrix!.header).toEqual(['field', 'owner', 'decided by', 'integration (can edit)', 'automation (writes)', 'status']);
    expect(matrix!.rows.map((row) => [row[0], row[2], row[5]])).toEqual([
      ['`Account.Billing_Status__c`', 'policy `*.Billing_*`', '**`sor/multiple-writers`**'],
      ['`Account.Credit_Limit__c`', 'description (SAP)', '**`sor/foreign-field-write`**'],
      ['`Account.ERP_Status__c`', 'policy `Account.ERP_*`', 'ok'],
    ]);
    expect(matrix!.rows[0]![3]).toBe('PermissionSet `Billing_Sync` — Billing system');
    expect(matrix!.rows[0]![4]).toBe('Flow `Subscription_Update_Account` update — Salesforce **(foreign)**');
    expect(section).toContain('**Findings** (2):\n\n- **critical** `sor/foreign-field-write`: Flow Account\\_Before\\_Save\\_Defaults writes Account.Credit\\_Limit\\_\\_c. (`g.xml`)');
    expect(section).not.toContain('Not ours');
    for (const table of tables(section)) expect(table.rawCellCounts.every((count) => count === table.header.length)).toBe(true);
  });

  it('says so when there are systems but no finding', () => {
    expect(renderSystemOfRecord(sampleResult({ systemOfRecord: report() }))).toContain('No system-of-record findings.');
  });

  it('cuts a long matrix but keeps every field with a violation', () => {
    const many = Array.from({ length: MAX_SOR_ROWS + 20 }, (_, index) => field({ field: `Account.F${String(index).padStart(3, '0')}__c`, owner: 'sap' }));
    many.push(field({ field: 'Account.Zz_Last__c', owner: 'sap', violation: 'sor/foreign-field-write' }));
    const section = renderSystemOfRecord(sampleResult({ systemOfRecord: report({ fields: many }) }))!;
    const matrix = tables(section)[1]!;
    expect(matrix.rows).toHaveLength(MAX_SOR_ROWS);
    expect(matrix.rows.at(-1)![0]).toBe('`Account.Zz_Last__c`');
    expect(section).toContain(`The matrix shows ${MAX_SOR_ROWS} of ${MAX_SOR_ROWS + 21} fields (every field with a violation); 21 fields without writers from another system are left out.`);
  });

  it('escapes metadata in every cell', () => {
    const nasty = report({
      systems: [{ key: 'x', label: NASTY, declaredIn: 'description', permissionSets: [NASTY], profiles: [], users: [], automations: [], ownedFields: 1 }],
      fields: [field({ field: `Account.${NASTY}`, owner: 'x', source: 'description', tag: NASTY, writers: [{ kind: 'automation', system: 'salesforce', type: 'Flow', name: NASTY, how: 'update', foreign: true }], violation: 'sor/foreign-field-write' })],
    });
    const section = renderSystemOfRecord(sampleResult({ systemOfRecord: nasty, findings: [finding({ ruleId: 'sor/foreign-field-write', severity: 'high', message: NASTY })] }))!;
    expect(section).not.toContain('<script>');
    expect(section).not.toContain('\n## Injected');
    expect(headings(section, 2)).toEqual(['System of record']);
    for (const table of tables(section)) expect(table.rawCellCounts.every((count) => count === table.header.length)).toBe(true);
  });
});

describe('foreignFields (object section)', () => {
  it('lists the object’s fields owned by other systems, with the foreign writers and the violation', () => {
    const text = foreignFields(sampleResult({ systemOfRecord: report() }), accountPipeline());
    expect(text).toBe(
      [
        '**Fields owned by other systems** (3):',
        '',
        '- `Account.Billing_Status__c` (Billing system); written by Flow `Subscription_Update_Account`: **`sor/multiple-writers`**',
        '- `Account.Credit_Limit__c` (SAP S/4HANA (ERP)); written by Flow `Account_Before_Save_Defaults`: **`sor/foreign-field-write`**',
        '- `Account.ERP_Status__c` (SAP S/4HANA (ERP))',
      ].join('\n'),
    );
  });

  it('says nothing for an object with no foreign field, or without system-of-record data', () => {
    expect(foreignFields(sampleResult(), accountPipeline())).toBeUndefined();
    expect(foreignFields(sampleResult({ systemOfRecord: report({ fields: [] }) }), accountPipeline())).toBeUndefined();
  });
});

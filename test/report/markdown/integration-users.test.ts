import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { renderIntegrationUsers } from '../../../src/report/markdown/integration-users.js';
import type { IntegrationPrincipalReport, IntegrationUsersReport } from '../../../src/review/sections/integration-users.js';
import { headings, md, tables } from '../markdown-check.js';
import { finding, NASTY, sampleResult } from '../result-kit.js';

const SETS = 'force-app/main/default/permissionsets';

function principal(partial: Partial<IntegrationPrincipalReport> & { id: string }): IntegrationPrincipalReport {
  const [type, ...name] = partial.id.split(':');
  return {
    type: type!,
    name: name.join(':'),
    origin: 'detected',
    reasons: ['name matches "integration"'],
    interactive: null,
    login: "decided by the user's profile",
    holds: [partial.id],
    missing: [],
    holdingsKnown: true,
    counts: { systemPermissions: 2, objects: 1, editableFields: 3 },
    dangerous: [],
    objects: [],
    foreignFields: [],
    ...partial,
  };
}

const report: IntegrationUsersReport = {
  principals: [
    principal({
      id: 'PermissionSet:SAP_Integration',
      origin: 'declared',
      system: 'sap',
      systemLabel: 'SAP',
      reasons: ['systems.sap.integration.permissionSets in arch-review.yml:22'],
      file: `${SETS}/SAP_Integration.permissionset-meta.xml`,
      line: 2,
      dangerous: [{ permission: 'ModifyAllData', tier: 'critical', reason: 'Can change every record.', sources: ['PermissionSet:SAP_Integration'] }],
      objects: [{ object: 'Invoice__c', access: ['delete'], beyondSystem: false, sources: ['PermissionSet:SAP_Integration'] }],
      foreignFields: [{ field: 'Subscription__c.MRR__c', owner: 'Billing', sources: ['PermissionSetGroup:Bundle > PermissionSet:SAP_Integration'] }],
    }),
    principal({ id: 'User:sap.integration@acme.com', origin: 'declared', system: 'sap', systemLabel: 'SAP', holds: [], holdingsKnown: false }),
  ],
};

const findings = [
  finding({ ruleId: 'perm/integration-field-scope', severity: 'high', message: 'SAP_Integration edits billing fields.', fingerprint: 'b' }),
  finding({ ruleId: 'perm/integration-dangerous-permission', severity: 'critical', message: 'SAP_Integration holds ModifyAllData.', fingerprint: 'a' }),
  finding({ ruleId: 'recursion/self-update', severity: 'high', fingerprint: 'c' }),
];

describe('## Integration users', () => {
  it('shows one part per principal, then the creep, then the perm findings, before the object sections', () => {
    const markdown = renderMarkdown(sampleResult({ findings, integrationUsers: report }));
    const h2 = headings(markdown, 2);
    expect(h2.indexOf('Integration users')).toBeGreaterThan(h2.indexOf('Findings'));
    expect(h2.indexOf('Integration users')).toBeLessThan(h2.indexOf('Automation by object'));
    const section = markdown.slice(markdown.indexOf('## Integration users'), markdown.indexOf('## Automation by object'));
    expect(headings(section, 3)).toEqual(['PermissionSet SAP_Integration', 'User sap.integration@acme.com', 'Creep since the baseline', 'Integration findings']);
    expect(section).toContain('2 integration principals: 2 declared in the policy');
    expect(section).toContain('- **Declared:** systems.sap.integration.permissionSets in arch-review.yml:22');
    expect(section).toContain(`- **Defined in:** \`${SETS}/SAP_Integration.permissionset-meta.xml:2\``);
    expect(section).toContain('- **Holds:** unknown: pass `--assignments FILE`');
    const found = tables(section);
    expect(found.map((table) => table.header)).toEqual([
      ['permission', 'tier', 'why', 'granted by'],
      ['object', 'access', 'beyond its system', 'granted by'],
      ['field', 'owner', 'granted by'],
      ['severity', 'rule', 'finding'],
    ]);
    expect(found[0]!.rows).toEqual([['`ModifyAllData`', '**critical**', 'Can change every record.', 'PermissionSet `SAP_Integration`']]);
    expect(found[1]!.rows).toEqual([['`Invoice__c`', 'Delete', 'no', 'PermissionSet `SAP_Integration`']]);
    expect(found[2]!.rows[0]![2]).toBe('PermissionSetGroup `Bundle` › PermissionSet `SAP_Integration`');
    expect(found[3]!.rows.map((row) => row[1])).toEqual(['`perm/integration-dangerous-permission`', '`perm/integration-field-scope`']);
    expect(section).toContain('No baseline given. Save one with `--save-snapshot FILE`');
  });

  it('lists the creep since the baseline, or says nothing changed', () => {
    const changes = renderIntegrationUsers(
      sampleResult({
        integrationUsers: {
          ...report,
          baseline: {
            file: 'audit/perms.json',
            changes: [
              { principal: 'PermissionSet:Billing_Sync', change: 'added', grant: 'AuthorApex', sources: ['PermissionSet:Billing_Sync'] },
              { principal: 'PermissionSet:Billing_Sync', change: 'removed', grant: 'Case: edit', sources: ['PermissionSet:Billing_Sync'] },
            ],
          },
        },
      }),
    )!;
    const creep = tables(changes).find((table) => table.under === 'Creep since the baseline')!;
    expect(changes).toContain('Baseline: `audit/perms.json`.');
    expect(creep.rows).toEqual([
      ['PermissionSet `Billing_Sync`', '**added**', 'AuthorApex', 'PermissionSet `Billing_Sync`'],
      ['PermissionSet `Billing_Sync`', 'removed', 'Case: edit', 'PermissionSet `Billing_Sync`'],
    ]);
    const none = renderIntegrationUsers(sampleResult({ integrationUsers: { ...report, baseline: { file: 'p.json', changes: [] } } }))!;
    expect(none).toContain('No integration permission changed since the baseline.');
    expect(none).toContain('### Integration findings\n\nNone.');
  });

  it('is left out when there are no integration principals and no baseline', () => {
    expect(renderIntegrationUsers(sampleResult())).toBeUndefined();
    expect(renderIntegrationUsers(sampleResult({ integrationUsers: { principals: [] } }))).toBeUndefined();
  });

  it('escapes every metadata string: names, reasons, permissions, objects, fields, owners and sources', () => {
    const hostile: IntegrationUsersReport = {
      principals: [
        principal({
          id: `PermissionSet:${NASTY}`,
          systemLabel: NASTY,
          reasons: [NASTY],
          file: NASTY,
          line: 3,
          login: NASTY,
          dangerous: [{ permission: NASTY, tier: 'high', reason: NASTY, sources: [`PermissionSet:${NASTY}`] }],
          objects: [{ object: NASTY, access: ['viewAll', NASTY], beyondSystem: true, sources: [NASTY] }],
          foreignFields: [{ field: NASTY, owner: NASTY, sources: [`Profile:${NASTY} > PermissionSet:${NASTY}`] }],
        }),
        principal({ id: `User:${NASTY}`, holds: [`Profile:${NASTY}`], missing: [`PermissionSet:${NASTY}`] }),
      ],
      assignmentsFile: NASTY,
      baseline: { file: NASTY, changes: [{ principal: NASTY, change: 'added', grant: NASTY, sources: [NASTY] }] },
    };
    const section = renderIntegrationUsers(sampleResult({ findings: [finding({ ruleId: 'perm/integration-creep', severity: 'high', message: NASTY })], integrationUsers: hostile }))!;
    expect(headings(section, 2)).toEqual(['Integration users']);
    expect(headings(section, 3)).toHaveLength(4);
    for (const table of tables(section)) expect(table.rawCellCounts.every((count) => count === table.header.length), `table under ${table.under}`).toBe(true);
    const html = md.render(section);
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html.match(/<h[12]/g)).toEqual(['<h2']);
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchDiff, { type ArchDiffResult } from '../../../src/commands/arch/diff.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { helpText } from '../../helpers/help-text.js';
import { fixturesDir } from '../../helpers/paths.js';
import { runCommand } from '../../helpers/run-command.js';

const sample = join(fixturesDir, 'acme', 'force-app');

/** A "sandbox" copy of the sample with one drift of each kind. */
function sandbox(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'arch-diff-')), 'force-app');
  cpSync(sample, root, { recursive: true });
  const at = (path: string): string => join(root, 'main', 'default', path);
  const edit = (path: string, from: string, to: string): void => {
    const text = readFileSync(at(path), 'utf8');
    if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
    writeFileSync(at(path), text.replace(from, to));
  };
  rmSync(at('flows/Pilot_Case_Routing.flow-meta.xml'));
  edit('flows/Opportunity_After_Save_Update_Account.flow-meta.xml', '<field>Last_Opportunity_Stage__c</field>', '<field>Description</field>');
  edit('permissionsets/Billing_Sync.permissionset-meta.xml', '<editable>false</editable>', '<editable>true</editable>');
  edit('objects/Account/fields/Legacy_Region__c.field-meta.xml', 'Owner: sales-ops.', 'Owner: data-governance.');
  edit('objects/Account/fields/VAT_Number__c.field-meta.xml', 'System of record: SAP', 'System of record: Billing');
  return root;
}

describe('sf arch diff on the sample (in-process)', () => {
  const b = sandbox();

  it('finds no drift between a project and itself', async () => {
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', sample, '--source-dir-b', sample, '--format', 'json']);
    expect(run.error).toBeUndefined();
    expect(run.result).toMatchObject({ automations: [], permissions: [], ownership: [] });
  });

  it('reports removed and changed automations, permission and ownership drift, with evidence on each side', async () => {
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', sample, '--source-dir-b', b, '--as-of', '2026-06-01', '--format', 'json']);
    expect(run.error).toBeUndefined();
    const result = JSON.parse(run.stdout) as ArchDiffResult;
    expect(result.automations.map((diff) => `${diff.change} ${diff.id}`)).toEqual(['changed flow:Opportunity_After_Save_Update_Account', 'removed flow:Pilot_Case_Routing']);
    const changed = result.automations[0]!;
    expect(changed.lost).toEqual([expect.objectContaining({ what: 'writes Account update [Account.Last_Opportunity_Stage__c]', a: [expect.objectContaining({ line: 28 })], b: [] })]);
    expect(changed.gained).toEqual([expect.objectContaining({ what: 'writes Account update [Account.Description]', a: [], b: [expect.objectContaining({ line: 28 })] })]);
    expect(changed.a?.file).toContain('fixtures/acme/force-app/main/default/flows/');
    expect(changed.b?.file).not.toContain('fixtures/acme');

    const billing = result.permissions.find((diff) => diff.principal === 'PermissionSet:Billing_Sync');
    expect(billing).toMatchObject({ change: 'changed', lost: [] });
    expect(billing!.gained).toHaveLength(1);
    expect(billing!.gained[0]).toMatchObject({ kind: 'field', access: 'edit', sources: ['PermissionSet:Billing_Sync'] });
    expect(billing!.gained[0]!.evidence[0]!.file).toMatch(/Billing_Sync\.permissionset-meta\.xml$/);

    expect(result.ownership.map((diff) => `${diff.kind} ${diff.name} ${diff.a.value} → ${diff.b.value}`)).toEqual([
      'owner Account.Legacy_Region__c sales-ops → data-governance',
      'system-of-record Account.VAT_Number__c sap → billing',
    ]);
    expect(result.summary).toEqual({ automations: { added: 0, removed: 1, changed: 1 }, permissions: { added: 0, removed: 0, changed: 1 }, ownership: 2 });
  });

  it('renders Markdown with the same content, byte-identical across runs', async () => {
    const first = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', sample, '--source-dir-b', b, '--as-of', '2026-06-01']);
    const second = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', sample, '--source-dir-b', b, '--as-of', '2026-06-01']);
    expect(first.error).toBeUndefined();
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toContain('### removed: flow `Pilot_Case_Routing` on `Case`');
    expect(first.stdout).toContain('### changed: `PermissionSet:Billing_Sync`');
    expect(first.stdout).toMatch(/\| Automations \| 0 \| 1 \| 1 \|/);
  });

  it('requires --source-dir-b', async () => {
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', sample]);
    expect(run.error?.message).toMatch(/source-dir-b/);
  });
});

describe.runIf(hasCorpus)('sf arch diff on the corpus', () => {
  it('NPSP in source format against NPSP in metadata API format: only what really differs', async () => {
    const run = await runCommand<ArchDiffResult>(ArchDiff, ['--source-dir', corpus('SalesforceFoundation__NPSP', 'force-app'), '--source-dir-b', corpus('SalesforceFoundation__NPSP__mdapi', 'src'), '--format', 'json']);
    expect(run.error).toBeUndefined();
    const result = run.result!;
    // The workflow rules, field updates and roll-ups read the same in both formats: no drift for them.
    expect(result.automations.filter((diff) => diff.type !== 'validation-rule')).toEqual([]);
    // The older mdapi commit lacks the fflib custom-metadata validation rules.
    expect(result.automations.map((diff) => `${diff.change} ${diff.name}`)).toEqual(['removed fflib_AppBinding__mdt.BindObj_Or_BindObjAlt', 'removed fflib_AppBinding__mdt.Require_Interface_Type_For_Services']);
    expect(result.automations[0]!.a?.file).toMatch(/BindObj_Or_BindObjAlt\.validationRule-meta\.xml$/);
  });
});

describe('sf arch diff --help', () => {
  it('prints the help through oclif', async () => {
    const text = await helpText('arch:diff');
    expect(text).toContain('--source-dir-b');
    expect(text).toContain('--policy-b');
  });
});

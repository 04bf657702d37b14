import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchExplain, { type ArchExplainResult } from '../../../src/commands/arch/explain.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { crossObjectCycle } from '../../helpers/deep-shapes.js';
import { writeProject } from '../../helpers/dx-project.js';
import { fixturesDir, repoRoot } from '../../helpers/paths.js';
import { helpText } from '../../helpers/help-text.js';
import { runCommand } from '../../helpers/run-command.js';
import { mermaidErrors } from '../../report/mermaid-grammar.js';

const sample = join(fixturesDir, 'acme', 'force-app');
const policy = join(fixturesDir, 'acme', 'arch-review.yml');
const acme = (name: string, ...more: string[]): string[] => [name, '--source-dir', sample, '--policy', policy, '--as-of', '2026-06-01', ...more];

describe('sf arch explain on the sample (in-process)', () => {
  it('explains a field: system of record, owner, writers, and the save of its object first', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('account.billing_status__c'));
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('# Explain Account.Billing\\_Status\\_\\_c');
    expect(run.stdout).toMatch(/\*\*System of record:\*\* Billing system \(policy glob/);
    expect(run.stdout).toContain('**Owner:** revops');
    expect(run.stdout).toContain('`Subscription_After_Save_Update_Account_Billing`');
    expect(run.stdout).toContain('Subscription_After_Save_Update_Account_Billing.flow-meta.xml:62');
    const subject = run.result!.subject;
    expect(subject.kind).toBe('field');
    if (subject.kind !== 'field') return;
    expect(subject.name).toBe('Account.Billing_Status__c');
    expect(subject.systemOfRecord).toMatchObject({ system: 'billing', source: 'policy' });
    expect(subject.writers.map((writer) => writer.automation.name)).toEqual(['Subscription_After_Save_Update_Account_Billing']);
    // Account's save first, in order of execution, then Opportunity (AccountTrigger updates it).
    const chain = run.result!.chain;
    expect(chain[0]).toMatchObject({ depth: 0, object: 'Account' });
    expect(chain[0]!.entries.map((entry) => entry.name).slice(0, 2)).toEqual(['Account_Before_Save_Defaults', 'AccountTrigger']);
    expect(chain[1]).toMatchObject({ depth: 1, object: 'Opportunity' });
    expect(chain[1]!.reachedBy[0]).toMatchObject({ from: 'Account', automation: 'AccountTrigger', evidence: { line: 34 } });
    // Opportunity's flow saves Account again: a cycle, shown once.
    expect(chain[1]!.loopsBack.map((hop) => `${hop.automation}→${hop.to}`)).toContain('Opportunity_After_Save_Update_Account→Account');
    expect(run.result!.cut).toBeUndefined();
  });

  it('marks the automation that reacts to the field', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.ERP_Account_Status__c', '--format', 'json'));
    expect(run.error).toBeUndefined();
    const alert = run.result!.chain[0]!.entries.find((entry) => entry.name === 'Account_Credit_Hold_Alert');
    expect(alert?.reacts).toBe('criteria');
  });

  it('explains an automation: what fires it, what it writes, and what that sets off', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Opportunity_After_Save_Update_Account', '--format', 'json'));
    expect(run.error).toBeUndefined();
    const explanation = JSON.parse(run.stdout) as ArchExplainResult;
    expect(explanation.subject.kind).toBe('automation');
    if (explanation.subject.kind !== 'automation') return;
    expect(explanation.subject.firedBy).toEqual([expect.objectContaining({ kind: 'fires-on', from: 'Opportunity', step: 'after-save-flows', events: ['create', 'update'] })]);
    expect(explanation.subject.effects).toEqual([expect.objectContaining({ kind: 'writes', target: 'Account', fields: ['Account.Last_Opportunity_Stage__c'], evidence: expect.objectContaining({ line: 28 }) })]);
    expect(explanation.subject.ownership).toMatchObject({ owner: 'sales-ops' });
    expect(explanation.chain.map((stage) => `${stage.depth}:${stage.object}`)).toEqual(['1:Account', '2:Opportunity']);
  });

  it('explains a workflow rule by its dotted name, not as a field', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.New Customer - Create in SAP', '--format', 'json'));
    expect(run.error).toBeUndefined();
    expect(run.result!.subject).toMatchObject({ kind: 'automation', automation: { type: 'workflow-rule' } });
  });

  it('says so for a field nothing writes', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.Old_Account_Number__c'));
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('Nothing in the project writes it');
    expect(run.result!.subject).toMatchObject({ kind: 'field', writers: [] });
  });

  it('fails fast on a name that matches nothing, with the nearest names', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.Billing_Staus__c'));
    expect(run.error?.name).toBe('NameNotFound');
    expect(run.error?.exitCode).toBe(2);
    expect(run.error?.message).toContain('Nothing named "Account.Billing_Staus__c"');
    expect(run.error?.message).toContain('Did you mean: Account.Billing_Status__c');
    const none = await runCommand<ArchExplainResult>(ArchExplain, acme('Zzqx'));
    expect(none.error?.message).toContain('Check the spelling');
  });

  it('prints a valid Mermaid flowchart', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, acme('Opportunity_After_Save_Update_Account', '--format', 'mermaid'));
    expect(run.error).toBeUndefined();
    expect(run.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(mermaidErrors(run.stdout)).toEqual([]);
  });

  it('gives byte-identical output for the same input', async () => {
    const first = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.Billing_Status__c', '--format', 'json'));
    const second = await runCommand<ArchExplainResult>(ArchExplain, acme('Account.Billing_Status__c', '--format', 'json'));
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('sf arch explain on a deep cross-object cycle', () => {
  const root = writeProject(crossObjectCycle(200));
  const dir = join(root, 'force-app');

  it('finishes and says where it cut (depth)', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, ['Cycle_00000__c.Name', '--source-dir', dir]);
    expect(run.error).toBeUndefined();
    expect(run.result!.chain).toHaveLength(7);
    expect(run.result!.cut).toEqual({ reason: 'depth', limit: 6, notExpanded: ['Cycle_00007__c'] });
    expect(run.stdout).toContain('**Cut after 6 hops (--depth).** Reached but not expanded: `Cycle_00007__c`');
  });

  it('stops at the object limit however deep --depth is', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, ['Cycle_00000__c.Name', '--source-dir', dir, '--depth', '50', '--format', 'json']);
    expect(run.error).toBeUndefined();
    expect(run.result!.chain).toHaveLength(50);
    expect(run.result!.cut).toMatchObject({ reason: 'objects', limit: 50 });
  });
});

describe.runIf(hasCorpus)('sf arch explain on the corpus', () => {
  it('explains a field of NPSP (source format) with its writers and its object\'s save', async () => {
    const run = await runCommand<ArchExplainResult>(ArchExplain, ['Engagement_Plan_Template__c.Total_Tasks__c', '--source-dir', corpus('SalesforceFoundation__NPSP', 'force-app'), '--format', 'json']);
    expect(run.error).toBeUndefined();
    const subject = run.result!.subject;
    expect(subject.kind).toBe('field');
    if (subject.kind !== 'field') return;
    expect(subject.source?.file).toMatch(/Total_Tasks__c\.field-meta\.xml$/);
    expect(subject.writers.map((writer) => writer.automation.type)).toContain('roll-up-summary');
    expect(run.result!.chain[0]).toMatchObject({ depth: 0, object: 'Engagement_Plan_Template__c' });
  });
});

describe('sf arch explain --help', () => {
  it('is in oclif.manifest.json with its argument and flags (npm run build)', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'oclif.manifest.json'), 'utf8')) as { commands: Record<string, { summary: string; args: Record<string, unknown>; flags: Record<string, unknown> }> };
    const command = manifest.commands['arch:explain'];
    expect(command?.summary).toMatch(/^Explain a field or an automation/);
    expect(Object.keys(command!.args)).toEqual(['name']);
    expect(Object.keys(command!.flags)).toEqual(expect.arrayContaining(['format', 'source-dir', 'policy', 'as-of', 'depth', 'output-file']));
  });

  it('prints the help through oclif, from the command class', async () => {
    const text = await helpText('arch:explain');
    expect(text).toContain('sf arch explain NAME');
    expect(text).toContain('--source-dir');
    expect(text).toContain('--depth');
  });
});

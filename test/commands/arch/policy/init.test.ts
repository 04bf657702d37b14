import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchPolicyInit, { type ArchPolicyInitResult } from '../../../../src/commands/arch/policy/init.js';
import { parsePolicy } from '../../../../src/policy/load-policy.js';
import { review } from '../../../../src/review/review.js';
import { corpus, hasCorpus } from '../../../helpers/corpus.js';
import { fixturesDir, repoRoot } from '../../../helpers/paths.js';
import { runCommand } from '../../../helpers/run-command.js';

const sample = join(fixturesDir, 'acme', 'force-app');
const tempFile = (): string => join(mkdtempSync(join(tmpdir(), 'arch-policy-init-')), 'arch-review.yml');

describe('sf arch policy init (in-process)', () => {
  it('drafts the sample’s two systems with their fields, principals and evidence; review() accepts it and finds seeds 8 and 9', async () => {
    const output = tempFile();
    const run = await runCommand<ArchPolicyInitResult>(ArchPolicyInit, ['--source-dir', sample, '--output-file', output]);
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain(`Wrote the draft policy to ${output}: billing (11 owned, 4 to check, 2 integration principals); sap (14 owned, 2 to check, 3 integration principals).`);
    const text = readFileSync(output, 'utf8');
    const { policy } = parsePolicy(text, 'draft.yml');
    expect(Object.keys(policy.systems ?? {})).toEqual(['billing', 'sap']);
    expect(policy.systems?.sap?.integration).toEqual({ permissionSets: ['SAP_Integration'], profiles: ['SAP Integration Profile'], users: ['sap.integration@acme.com'] });
    expect(policy.systems?.billing?.integration).toEqual({ permissionSets: ['Billing_Sync'], users: ['billing.sync@acme.com'] });
    expect(policy.systems?.billing?.owns).toContain('Account.Billing_*');
    expect(policy.systems?.sap?.owns).toContain('Account.Credit_Limit__c');
    expect(policy.defaultOwner).toBe('salesforce');
    // The evidence is in comments; weaker guesses stay commented out.
    expect(text).toContain('- Account.Credit_Limit__c # description: "System of record: SAP"');
    expect(text).toContain('- SAP Integration Profile # description: "Integration user: SAP middleware"; licence Salesforce Integration; ApiUserOnly');
    expect(text).toContain('# - Subscription__c.Order_Sync_Status__c # description names SAP');
    expect(run.result?.systems.map((system) => system.key)).toEqual(['billing', 'sap']);

    const { result } = await review({ baseDir: repoRoot, sourceDirs: [sample], policyFile: output, asOf: '2026-11-23' });
    expect(result.warnings).toEqual([]);
    expect(result.ruleErrors).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('sor/')).map((finding) => `${finding.severity} ${finding.ruleId}`)).toEqual([
      'critical sor/foreign-field-write',
      'high sor/multiple-writers',
    ]);
  });

  it('writes the same bytes for the same project', async () => {
    const [first, second] = [tempFile(), tempFile()];
    await runCommand(ArchPolicyInit, ['--source-dir', sample, '--output-file', first]);
    await runCommand(ArchPolicyInit, ['--source-dir', sample, '--output-file', second]);
    expect(readFileSync(first, 'utf8')).toBe(readFileSync(second, 'utf8'));
  });

  it('refuses to overwrite an existing file without --force, and replaces it with --force', async () => {
    const output = tempFile();
    writeFileSync(output, 'defaultOwner: mine\n');
    const refused = await runCommand(ArchPolicyInit, ['--source-dir', sample, '--output-file', output]);
    expect(refused.error?.message).toBe(`${output} already exists.`);
    expect(refused.error?.actions?.join(' ')).toContain('--force');
    expect(readFileSync(output, 'utf8')).toBe('defaultOwner: mine\n');
    const forced = await runCommand(ArchPolicyInit, ['--source-dir', sample, '--output-file', output, '--force']);
    expect(forced.error).toBeUndefined();
    expect(readFileSync(output, 'utf8')).toContain('systems:');
  });
});

describe.runIf(hasCorpus)('sf arch policy init on the corpus', () => {
  it('Technology-Transfer-Starter: no system named, the external IDs listed in a comment; review() accepts the file', async () => {
    const source = corpus('SalesforceLabs__Technology-Transfer-Starter', 'force-app');
    const output = tempFile();
    const run = await runCommand<ArchPolicyInitResult>(ArchPolicyInit, ['--source-dir', source, '--output-file', output]);
    expect(run.error).toBeUndefined();
    expect(run.result?.systems).toEqual([]);
    expect(run.result?.unassigned).toContain('TTS_Technology__c.IP_External_Reference__c');
    const text = readFileSync(output, 'utf8');
    expect(text).toContain('systems:\n  {}\n  # No system of record found in the metadata');
    expect(text).toContain('#   TTS_Technology__c.IP_External_Reference__c: external ID; its text says the value comes from outside Salesforce');
    const { result } = await review({ baseDir: repoRoot, sourceDirs: [source], policyFile: output, asOf: '2026-11-23' });
    expect(result.warnings).toEqual([]);
    expect(result.ruleErrors).toEqual([]);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('sor/'))).toEqual([]);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ArchReview from '../../../../src/commands/arch/review.js';
import { fixturesDir } from '../../../helpers/paths.js';
import { runCommand } from '../../../helpers/run-command.js';

const sample = join(fixturesDir, 'acme', 'force-app');

function policyFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'arch-policy-bad-')), 'arch-review.yml');
  writeFileSync(file, text);
  return file;
}

describe('sf arch review with a broken policy file', () => {
  it('fails with the line number and a readable message for a schema error in systems', async () => {
    const file = policyFile(['systems:', '  sap:', '    owns: [Account.Credit_Limit__c]', '    direction: sideways', ''].join('\n'));
    const run = await runCommand(ArchReview, ['--source-dir', sample, '--policy', file]);
    expect(run.error?.exitCode).toBe(2);
    expect(run.error?.message).toMatch(/arch-review\.yml:4: systems\.sap\.direction must be one of inbound, outbound, bidirectional/);
    expect(run.error?.actions?.join(' ')).toContain('docs/policy.md');
  });

  it('names the line of a writer automation that is not Type:Name', async () => {
    const file = policyFile(['systems:', '  sap:', '    integration:', '      automations:', '        - ERP_Inbound_Sync', ''].join('\n'));
    const run = await runCommand(ArchReview, ['--source-dir', sample, '--policy', file]);
    expect(run.error?.message).toMatch(/arch-review\.yml:5: systems\.sap\.integration\.automations\.0 must match/);
  });

  it('fails on YAML that does not parse, with the line', async () => {
    const file = policyFile('systems:\n  sap: [\n');
    const run = await runCommand(ArchReview, ['--source-dir', sample, '--policy', file]);
    expect(run.error?.message).toMatch(/arch-review\.yml:\d+: not valid YAML/);
  });
});

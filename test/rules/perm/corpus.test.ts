import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dangerOf } from '../../../src/rules/perm/catalogue.js';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import type { IntegrationUsersReport } from '../../../src/review/sections/integration-users.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/paths.js';

const integrationRule = (finding: Finding): boolean => finding.ruleId.startsWith('perm/integration-');

describe.runIf(hasCorpus)('integration permissions on the real corpus', () => {
  const tts = corpus('SalesforceLabs__Technology-Transfer-Starter', 'force-app');

  it('Technology-Transfer-Starter: the Admin profile has ModifyAllData but is no integration, so nothing is reported', async () => {
    const { result, model } = await review({ baseDir: repoRoot, sourceDirs: [tts], asOf: '2026-11-23' });
    expect(result.ruleErrors).toEqual([]);
    const admin = model.profiles.find((profile) => profile.name === 'Admin')!;
    expect(admin.userPermissions).toEqual(expect.arrayContaining(['ModifyAllData', 'ViewAllData', 'ApiEnabled']));
    expect(result.findings.filter(integrationRule)).toEqual([]);
    expect(result.integrationUsers).toBeUndefined();
  });

  it('Technology-Transfer-Starter: once the policy declares the Admin profile an integration, it is reported', async () => {
    const policy = join(mkdtempSync(join(tmpdir(), 'arch-review-policy-')), 'arch-review.yml');
    writeFileSync(policy, 'systems:\n  lab:\n    label: Lab system\n    integration:\n      profiles: [Admin]\n');
    const { result } = await review({ baseDir: repoRoot, sourceDirs: [tts], asOf: '2026-11-23', policyFile: policy });
    const found = result.findings.filter(integrationRule);
    expect(found.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.components[0]!.type} ${finding.components[0]!.name}`)).toEqual([
      'critical perm/integration-dangerous-permission Profile Admin',
      'high perm/integration-interactive Profile Admin',
    ]);
    expect(found[0]!.message).toMatch(/ModifyAllData \(critical\)/);
    expect(found[0]!.message).toMatch(/ViewAllData \(critical\)/);
    expect(found[0]!.components[0]!.file).toBe('../shared/corpus/SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/profiles/Admin.profile-meta.xml');
    const principals = (result.integrationUsers as IntegrationUsersReport).principals;
    expect(principals.map((principal) => `${principal.id} ${principal.origin} ${principal.systemLabel}`)).toEqual(['Profile:Admin declared Lab system']);
  });

  it('NPSP: its permission sets load and are classified: people, one holding a critical permission, one a clone', async () => {
    const dirs = ['qa', 'trial_tso', 'trial', 'platformencryption_permset'].map((folder) => corpus('SalesforceFoundation__NPSP', 'unpackaged', 'config', folder));
    const { result, model } = await review({ baseDir: repoRoot, sourceDirs: dirs, asOf: '2026-11-23' });
    expect(result.ruleErrors).toEqual([]);
    // The config folders are alternative org setups that repeat some objects: each repeat is reported
    // (and read once), never double counted; nothing else is unreadable.
    expect(result.parseIssues.filter((issue) => !issue.message.includes('is defined in more than one place'))).toEqual([]);
    const names = [...new Set(model.permissionSets.map((set) => set.name))];
    expect(names).toEqual(
      expect.arrayContaining(['Batch_Gift_Entry', 'Edit_Donations', 'Encryption', 'Gift_Entry', 'Gift_Entry_Perms', 'NPSP_Data_Import', 'QA', 'View_Donations']),
    );
    // None is an integration's: no ApiUserOnly, no integration licence, no integration vocabulary.
    expect(result.integrationUsers).toBeUndefined();
    expect(result.findings.filter(integrationRule)).toEqual([]);
    // Encryption holds a critical permission, but it is for people (key administrators): not reported.
    const encryption = model.permissionSets.find((set) => set.name === 'Encryption')!;
    expect(encryption.userPermissions.map((permission) => `${permission} ${dangerOf(permission)?.tier ?? '-'}`)).toContain('ManageEncryptionKeys critical');
    // Gift_Entry_Perms says "Clone of Gift Entry Permission Set." in its description; its grants say so too.
    const clones = result.findings.filter((finding) => finding.ruleId === 'hygiene/cloned-permission-set');
    expect(clones.map((finding) => finding.components[0]!.name)).toEqual(['Gift_Entry_Perms']);
    expect(clones[0]!.message).toContain('is a copy of Gift_Entry');
  });
});

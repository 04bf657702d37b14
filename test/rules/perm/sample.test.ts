import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../src/permissions/snapshot.js';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';

const acme = join(fixturesDir, 'acme');
const PERMISSION_SETS = 'force-app/main/default/permissionsets';

const ours = (finding: Finding): boolean => finding.ruleId.startsWith('perm/') || finding.ruleId === 'hygiene/cloned-permission-set';
const line = (finding: Finding): string => `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => `${component.type} ${component.name}`).join(' > ')}`;

/** A copy of the sample to edit. */
function copyOfSample(): string {
  const root = mkdtempSync(join(tmpdir(), 'arch-review-acme-'));
  cpSync(acme, root, { recursive: true });
  return root;
}

/** Adds a userPermissions entry to a permission set file, where Salesforce would write it (sorted, at the end here). */
function grant(root: string, set: string, permission: string): void {
  const file = join(root, PERMISSION_SETS, `${set}.permissionset-meta.xml`);
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, xml.replace('</PermissionSet>', `    <userPermissions>\n        <enabled>true</enabled>\n        <name>${permission}</name>\n    </userPermissions>\n</PermissionSet>`));
}

describe('the sample: integration permission findings (seeds 10a, 10b, 10c, 11)', () => {
  let sample: Review;
  beforeAll(async () => {
    sample = await review({ baseDir: acme, sourceDirs: [], asOf: '2026-11-23' });
  });

  it('reports exactly the seeds, with the README severities', () => {
    expect(sample.result.ruleErrors).toEqual([]);
    expect(sample.result.findings.filter(ours).map(line)).toEqual([
      'critical perm/integration-dangerous-permission PermissionSet SAP_Integration', // seed 10a
      'high perm/integration-bypass PermissionSet Billing_Sync > CustomPermission Bypass_Validation', // seed 10c
      'high perm/integration-bypass PermissionSet SAP_Integration > CustomPermission Bypass_Validation', // seed 10c
      'high perm/integration-field-scope PermissionSet SAP_Integration > CustomField Subscription__c.MRR__c > CustomField Subscription__c.Plan_Tier__c', // seed 10b
      'low hygiene/cloned-permission-set PermissionSet Copy_of_Sales_Operations', // seed 11
    ]);
    const [dangerous, billingBypass, sapBypass, fieldScope, clone] = sample.result.findings.filter(ours);
    // One custom permission switches five validation rules off for both integrations (Acme_Platform_Admin holds it too, but is for people).
    for (const bypass of [billingBypass!, sapBypass!]) {
      expect(bypass.message).toContain('holds custom permission Bypass_Validation ("Bypass Validation Rules"), which 5 automations check');
      expect(bypass.evidence.slice(1).map((evidence) => `${evidence.file}:${evidence.line}`)).toEqual([
        'force-app/main/default/objects/Account/validationRules/SAP_Customer_Id_Is_Locked.validationRule-meta.xml:2',
        'force-app/main/default/objects/Case/validationRules/Resolution_Required_To_Close.validationRule-meta.xml:2',
        'force-app/main/default/objects/Contact/validationRules/Email_Or_Phone_Required.validationRule-meta.xml:2',
        'force-app/main/default/objects/Invoice__c/validationRules/Paid_Invoice_Is_Locked.validationRule-meta.xml:2',
        'force-app/main/default/objects/Opportunity/validationRules/Max_Discount_Without_Approval.validationRule-meta.xml:2',
      ]);
    }
    expect(dangerous!.message).toMatch(/: ModifyAllData \(critical\), ViewAllData \(critical\)/);
    expect(dangerous!.components[0]!.file).toBe('force-app/main/default/permissionsets/SAP_Integration.permissionset-meta.xml');
    expect(fieldScope!.message).toContain('can edit 2 fields outside its system: Subscription__c.MRR__c (Billing system), Subscription__c.Plan_Tier__c (Billing system)');
    expect(clone!.message).toContain('is a copy of Sales_Operations');
    expect(clone!.evidence.map((evidence) => evidence.text)).toEqual(['original: PermissionSet Sales_Operations', 'only in the copy: Opportunity: delete']);
  });

  it('knows the principals of the README, and the people sets are not among them', () => {
    const principals = (sample.result.integrationUsers as { principals: Array<{ id: string; system?: string }> }).principals;
    expect(principals.filter((principal) => !principal.id.startsWith('User:')).map((principal) => `${principal.id} ${principal.system}`)).toEqual([
      'Profile:SAP Integration Profile sap',
      'PermissionSet:Billing_Sync billing',
      'PermissionSet:SAP_Integration sap',
    ]);
  });

  it('finds the same from the metadata alone, without arch-review.yml (README conventions: detected principals)', async () => {
    const root = copyOfSample();
    rmSync(join(root, 'arch-review.yml'), { force: true });
    const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
    expect(result.findings.filter(ours).map(line)).toEqual(sample.result.findings.filter(ours).map(line));
    const principals = (result.integrationUsers as { principals: Array<{ id: string; origin: string }> }).principals;
    expect(principals.map((principal) => `${principal.id} ${principal.origin}`)).toEqual([
      'Profile:SAP Integration Profile detected',
      'PermissionSet:Billing_Sync detected',
      'PermissionSet:SAP_Integration detected',
    ]);
  });

  it('against a baseline of itself, reports no creep; with one grant added, exactly that grant', async () => {
    const root = copyOfSample();
    writeFileSync(join(root, 'baseline.json'), serializeSnapshot(sample.permissionSnapshot()));
    const same = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23', permissionBaselineFile: 'baseline.json' });
    expect(same.result.findings.filter((finding) => finding.ruleId === 'perm/integration-creep')).toEqual([]);

    grant(root, 'Billing_Sync', 'AuthorApex');
    const grown = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23', permissionBaselineFile: 'baseline.json' });
    const creep = grown.result.findings.filter((finding) => finding.ruleId === 'perm/integration-creep');
    expect(creep.map(line)).toEqual(['critical perm/integration-creep PermissionSet Billing_Sync']);
    expect(creep[0]!.message).toBe('Integration principal PermissionSet Billing_Sync gained 1 grant since the baseline baseline.json: AuthorApex.');
    expect(creep[0]!.evidence).toEqual([
      { text: 'added: AuthorApex, granted by PermissionSet Billing_Sync', file: `${PERMISSION_SETS}/Billing_Sync.permissionset-meta.xml`, line: 2 },
    ]);
    const report = grown.result.integrationUsers as { baseline: { file: string; changes: unknown[] } };
    expect(report.baseline).toEqual({
      file: 'baseline.json',
      changes: [{ principal: 'PermissionSet:Billing_Sync', change: 'added', grant: 'AuthorApex', sources: ['PermissionSet:Billing_Sync'] }],
    });
  });

  it('reports a removed grant as info', async () => {
    const root = copyOfSample();
    writeFileSync(join(root, 'baseline.json'), serializeSnapshot(sample.permissionSnapshot()));
    const file = join(root, PERMISSION_SETS, 'SAP_Integration.permissionset-meta.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<enabled>true<\/enabled>(\s*)<name>ViewSetup<\/name>/, '<enabled>false</enabled>$1<name>ViewSetup</name>'));
    const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23', permissionBaselineFile: 'baseline.json' });
    const creep = result.findings.filter((finding) => finding.ruleId === 'perm/integration-creep');
    expect(creep.map((finding) => `${finding.severity} ${finding.message}`)).toEqual([
      'info Integration principal PermissionSet SAP_Integration lost 1 grant since the baseline baseline.json: ViewSetup.',
    ]);
  });
});

import { expect } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import { type DxFile, writePolicy, writeProject } from '../../helpers/dx-project.js';

/** Reviews a small DX project (with `arch-review.yml` when `policy` is given); returns the sor/* findings. */
export async function sorReview(files: DxFile[], policy?: string): Promise<{ findings: Finding[]; review: Review; root: string }> {
  const root = writeProject(files);
  if (policy !== undefined) writePolicy(root, policy);
  const result = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
  expect(result.result.ruleErrors).toEqual([]);
  expect(result.result.parseIssues).toEqual([]);
  return { findings: result.result.findings.filter((finding) => finding.ruleId.startsWith('sor/')), review: result, root };
}

export const summary = (list: Finding[]): string[] => list.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => component.name).join(' > ')}`);

/** SAP owns Account.Credit_Limit__c; SAP_Integration may only read it. */
export const SAP_POLICY = [
  'systems:',
  '  sap:',
  '    label: SAP S/4HANA (ERP)',
  '    owns: [Account.Credit_Limit__c, "Account.ERP_*"]',
  '    integration:',
  '      permissionSets: [SAP_Integration]',
  '      automations: ["Flow:ERP_Inbound_Sync", "ApexClass:ErpSyncService"]',
  '  billing:',
  '    owns: ["Subscription__c.*", Account.Billing_Status__c]',
  '    integration: {permissionSets: [Billing_Sync]}',
  'defaultOwner: salesforce',
  '',
].join('\n');

/** The findings of the two writer rules (the shared policy also names things these small projects lack). */
export const writerFindings = (list: Finding[]): Finding[] => list.filter((finding) => finding.ruleId === 'sor/foreign-field-write' || finding.ruleId === 'sor/multiple-writers');

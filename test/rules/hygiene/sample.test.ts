import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderers } from '../../../src/report/index.js';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import { fixturesDir } from '../../helpers/paths.js';

const acme = (asOf: string): Promise<Review> => review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf });

const ours = (finding: Finding): boolean =>
  (finding.ruleId.startsWith('hygiene/') || finding.ruleId.startsWith('legacy/')) && finding.ruleId !== 'hygiene/cloned-permission-set';

const line = (finding: Finding): string =>
  `${finding.severity} ${finding.ruleId} ${finding.components.map((component) => `${component.type} ${component.name}`).join(' > ')}`;

/** fixtures/acme/README.md is the ground truth: seeds 12a–d, 13, 14, 15a–c, 16a–b, and nothing else. */
describe('the sample project: hygiene and legacy seeds', () => {
  let sample: Review;
  beforeAll(async () => {
    sample = await acme('2026-11-23');
  });

  it('reports exactly the seeded findings, with their severities', () => {
    expect(sample.result.ruleErrors).toEqual([]);
    expect(sample.result.findings.filter(ours).map(line)).toEqual([
      'medium hygiene/deprecated-still-used CustomField Account.Legacy_Region__c > WorkflowFieldUpdate Account.Set_Legacy_Region', // 14
      'medium hygiene/expired Flow Holiday_Promo_Discount', // 13
      'medium legacy/process-builder Flow Contact_New_Contact_Defaults', // 16b
      'medium legacy/workflow-rule WorkflowRule Account.New Customer - Create in SAP', // 16a
      'low hygiene/missing-expiry CustomField Account.Spring_Campaign_2025__c', // 12b
      'low hygiene/missing-expiry Flow Pilot_Case_Routing', // 12a
      'low hygiene/missing-owner CustomField Account.Spring_Campaign_2025__c', // 12d
      'low hygiene/missing-owner Flow Pilot_Case_Routing', // 12c
      'info hygiene/inactive-automation Flow Invoice_Dispute_Case_Creation', // 15a
      'info hygiene/inactive-automation ValidationRule Opportunity.Primary_Competitor_Required', // 15b
      'info hygiene/inactive-automation ApexTrigger SubscriptionTrigger', // 15c
    ]);
  });

  it('points at the files the README names', () => {
    const byRule = (ruleId: string, name: string): Finding => sample.result.findings.find((finding) => finding.ruleId === ruleId && finding.components[0]!.name === name)!;
    const base = 'force-app/main/default/';
    expect(byRule('hygiene/missing-expiry', 'Pilot_Case_Routing').components[0]!.file).toBe(`${base}flows/Pilot_Case_Routing.flow-meta.xml`);
    expect(byRule('hygiene/missing-owner', 'Account.Spring_Campaign_2025__c').components[0]!.file).toBe(`${base}objects/Account/fields/Spring_Campaign_2025__c.field-meta.xml`);
    expect(byRule('hygiene/expired', 'Holiday_Promo_Discount').message).toContain('expired on 2026-01-31 (296 days before the review date 2026-11-23)');
    expect(byRule('hygiene/deprecated-still-used', 'Account.Legacy_Region__c').components[1]).toMatchObject({ file: `${base}workflows/Account.workflow-meta.xml` });
    expect(byRule('hygiene/inactive-automation', 'SubscriptionTrigger').evidence[0]).toEqual({ text: 'status Inactive', file: `${base}triggers/SubscriptionTrigger.trigger-meta.xml` });
    expect(byRule('hygiene/inactive-automation', 'Opportunity.Primary_Competitor_Required').components[0]!.file).toBe(
      `${base}objects/Opportunity/validationRules/Primary_Competitor_Required.validationRule-meta.xml`,
    );
    expect(byRule('legacy/workflow-rule', 'Account.New Customer - Create in SAP').object).toBe('Account');
    expect(byRule('legacy/process-builder', 'Contact_New_Contact_Defaults').object).toBe('Contact');
  });

  it('says where each owner and expiry came from', () => {
    const components = sample.result.ownership!.components;
    const find = (type: string, name: string) => components.find((component) => component.type === type && component.name === name)!;
    expect(find('Flow', 'Holiday_Promo_Discount')).toMatchObject({ owner: 'marketing-ops', ownerSource: 'description', expires: '2026-01-31', expiresSource: 'description', expiry: { state: 'expired', daysLeft: -296 } });
    expect(find('CustomField', 'Account.Credit_Limit__c')).toMatchObject({ owner: 'finance-ops', ownerSource: 'description' });
    expect(find('CustomField', 'Account.Legacy_Region__c')).toMatchObject({ owner: 'sales-ops', retiring: true });
    expect(find('Flow', 'Pilot_Case_Routing').owner).toBeUndefined();
    expect(components.some((component) => component.type.startsWith('Apex'))).toBe(false);
    expect(sample.result.ownership!.deadlines.map((component) => component.name)).toEqual(['Holiday_Promo_Discount']);
    expect(sample.result.ownership!.counts.find((count) => count.type === 'Flow')).toEqual({
      type: 'Flow',
      components: 16,
      owned: 15,
      unowned: 1,
      expired: 1,
      expiring: 0,
      retiring: 0,
      ownerSources: { description: 15 },
    });
  });

  it('gives byte-identical JSON for the same input and --as-of, and follows the date', async () => {
    const again = await acme('2026-11-23');
    expect(renderers.json(again.result)).toBe(renderers.json(sample.result));
    expect(renderers.markdown(again.result)).toBe(renderers.markdown(sample.result));
    const before = await acme('2026-01-15');
    const expiring = before.result.findings.filter((finding) => finding.ruleId === 'hygiene/expired');
    expect(expiring.map(line)).toEqual(['info hygiene/expired Flow Holiday_Promo_Discount']);
    expect(expiring[0]!.message).toContain('expires on 2026-01-31 (in 16 days)');
    expect(renderers.json(before.result)).not.toBe(renderers.json(sample.result));
  });
});

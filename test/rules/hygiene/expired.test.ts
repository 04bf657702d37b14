import { describe, expect, it } from 'vitest';
import { customObject, simpleFlow } from '../../helpers/dx-project.js';
import { brief, findingsOf } from './run-review.js';

const RULE = 'hygiene/expired';

const flowExpiring = (name: string, date: string): ReturnType<typeof simpleFlow> =>
  simpleFlow(name, 'Ticket__c', { description: `Owner: support-ops. Expires: ${date}. Temporary routing.` });

describe('hygiene/expired', () => {
  it('grows with how long ago the date passed: ≤30 days low, ≤365 medium, beyond high', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      flowExpiring('Expired_10_Days', '2026-11-13'),
      flowExpiring('Expired_30_Days', '2026-10-24'),
      flowExpiring('Expired_31_Days', '2026-10-23'),
      flowExpiring('Expired_296_Days', '2026-01-31'),
      flowExpiring('Expired_365_Days', '2025-11-23'),
      flowExpiring('Expired_366_Days', '2025-11-22'),
    ]);
    expect(list.map(brief)).toEqual([
      'high Flow Expired_366_Days',
      'medium Flow Expired_296_Days',
      'medium Flow Expired_31_Days',
      'medium Flow Expired_365_Days',
      'low Flow Expired_10_Days',
      'low Flow Expired_30_Days',
    ]);
    const sample = list.find((finding) => finding.components[0]!.name === 'Expired_296_Days')!;
    expect(sample.message).toBe(
      'Flow Expired_296_Days expired on 2026-01-31 (296 days before the review date 2026-11-23) and is still deployed; owner support-ops (from the description). Remove it, or agree a new date with its owner.',
    );
    expect(sample.evidence).toEqual([{ text: 'description: Expires: 2026-01-31', file: 'force-app/main/default/flows/Expired_296_Days.flow-meta.xml' }]);
  });

  it('reports an expiry today or within 30 days as info, and nothing later', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      flowExpiring('Expires_Today', '2026-11-23'),
      flowExpiring('Expires_In_30_Days', '2026-12-23'),
      flowExpiring('Expires_In_31_Days', '2026-12-24'),
    ]);
    expect(list.map(brief)).toEqual(['info Flow Expires_In_30_Days', 'info Flow Expires_Today']);
    expect(list.map((finding) => finding.message.slice(0, finding.message.indexOf(';')))).toEqual([
      'Flow Expires_In_30_Days expires on 2026-12-23 (in 30 days)',
      'Flow Expires_Today expires on 2026-11-23 (today)',
    ]);
  });

  it('takes the policy registry date over the description, and points at the policy line', async () => {
    const files = [...customObject('Ticket__c'), flowExpiring('Old_Pilot', '2020-01-01'), flowExpiring('Other_Pilot', '2020-01-01')];
    const policy = 'owners:\n  - match: "Flow:Old_*"\n    expires: 2027-06-30\n  - match: "Flow:Other_*"\n    expires: 2026-11-01\n';
    const list = await findingsOf(RULE, files, { policy });
    expect(list.map(brief)).toEqual(['low Flow Other_Pilot']);
    expect(list[0]!.evidence).toEqual([{ text: 'owners entry in the policy: expires 2026-11-01', file: 'arch-review.yml', line: 4 }]);
  });

  it('depends only on --as-of: the same flow is fine earlier and expired later', async () => {
    const files = [...customObject('Ticket__c'), flowExpiring('Promo_Routing', '2026-01-31')];
    expect(await findingsOf(RULE, files, { asOf: '2025-12-01' })).toEqual([]);
    expect((await findingsOf(RULE, files, { asOf: '2027-02-01' })).map(brief)).toEqual(['high Flow Promo_Routing']);
  });
});

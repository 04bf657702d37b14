import { describe, expect, it } from 'vitest';
import { applyAcceptances, EXPIRED_ACCEPTANCE_ID } from '../../src/gate/accepted.js';
import { applyGate } from '../../src/gate/apply-gate.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { finding, sampleResult } from '../report/result-kit.js';

const cycle = finding({
  ruleId: 'recursion/cross-object-cycle',
  severity: 'critical',
  fingerprint: 'c1c1c1c1c1c1c1c1',
  components: [{ type: 'ApexTrigger', name: 'AccountTrigger', file: 'force-app/main/default/triggers/AccountTrigger.trigger', line: 1 }],
});
const selfUpdate = finding({ ruleId: 'recursion/self-update', severity: 'high', fingerprint: '5e1f5e1f5e1f5e1f' });
const hygiene = finding({ ruleId: 'hygiene/missing-owner', severity: 'low', fingerprint: '0000111122223333' });

const policy = (yaml: string) => parsePolicy(yaml, 'arch-review.yml');

describe('accepted risks', () => {
  it('an entry by fingerprint accepts that finding until its expiry day (inclusive)', () => {
    const loaded = policy(`accepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: Bounded by design\n    owner: sales-ops\n    expires: 2026-11-23\n`);
    const outcome = applyAcceptances([cycle, selfUpdate], loaded, '2026-11-23');
    expect(outcome.accepted).toEqual([
      { fingerprint: 'c1c1c1c1c1c1c1c1', ruleId: 'recursion/cross-object-cycle', reason: 'Bounded by design', owner: 'sales-ops', expires: '2026-11-23', policyLine: 2 },
    ]);
    expect(outcome.findings).toEqual([cycle, selfUpdate]);
    expect(outcome.warnings).toEqual([]);
  });

  it('an entry by rule and component glob accepts every finding it matches; all given keys must match', () => {
    const loaded = policy(
      [
        'accepted:',
        '  - rule: recursion/*',
        '    component: ApexTrigger:Account*',
        '    reason: Guarded in the handler',
        '    owner: platform',
        '    expires: 2027-06-30',
        '  - component: account_after_save', // case-insensitive, bare name
        '    reason: Known',
        '    owner: ops',
        '    expires: 2027-06-30',
      ].join('\n'),
    );
    const outcome = applyAcceptances([cycle, selfUpdate, hygiene], loaded, '2026-11-23');
    // cycle: entry 1 (rule glob + typed component); selfUpdate and hygiene: entry 2 (their component is Flow Account_After_Save).
    expect(outcome.accepted.map((item) => `${item.fingerprint} ${item.owner}`)).toEqual(['c1c1c1c1c1c1c1c1 platform', '5e1f5e1f5e1f5e1f ops', '0000111122223333 ops']);
    const typed = policy('accepted:\n  - rule: recursion/*\n    component: Flow:AccountTrigger\n    reason: x\n    owner: y\n    expires: 2027-01-01\n');
    expect(applyAcceptances([cycle], typed, '2026-11-23').accepted).toEqual([]);
  });

  it('an expired entry stops working and becomes a gate/expired-acceptance finding at its policy line', () => {
    const loaded = policy(`# risks\naccepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: Until the Q3 refactor\n    owner: sales-ops\n    expires: 2026-11-22\n`);
    const outcome = applyAcceptances([cycle, selfUpdate], loaded, '2026-11-23');
    expect(outcome.accepted).toEqual([]);
    const expired = outcome.findings.filter((item) => item.ruleId === EXPIRED_ACCEPTANCE_ID);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({
      severity: 'low',
      category: 'gate',
      components: [{ type: 'ArchReviewPolicy', name: 'accepted: fingerprint c1c1c1c1c1c1c1c1', file: 'arch-review.yml', line: 3 }],
    });
    expect(expired[0]!.message).toBe(
      'The accepted risk fingerprint c1c1c1c1c1c1c1c1 (owner sales-ops) expired on 2026-11-22. 1 finding(s) it covered count in the release gate again: renew it (new date, same owner) or fix them.',
    );
    expect(expired[0]!.evidence.map((item) => item.text)).toEqual(['reason: Until the Q3 refactor', `covered recursion/cross-object-cycle c1c1c1c1c1c1c1c1: ${cycle.message}`]);
    // Findings stay in report order, the expired one among them.
    expect(outcome.findings.map((item) => item.ruleId)).toEqual(['recursion/cross-object-cycle', 'recursion/self-update', EXPIRED_ACCEPTANCE_ID]);
    // The fingerprint depends on the entry, not its position in the file.
    const moved = policy(`accepted:\n  - rule: x/y\n    reason: r\n    owner: o\n    expires: 2030-01-01\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: other words\n    owner: someone\n    expires: 2026-11-22\n`);
    expect(applyAcceptances([cycle], moved, '2026-11-23').findings.find((item) => item.ruleId === EXPIRED_ACCEPTANCE_ID)!.fingerprint).toBe(expired[0]!.fingerprint);
  });

  it('an expired entry whose findings are gone (or accepted again elsewhere) asks to be removed', () => {
    const loaded = policy(
      'accepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: old\n    owner: a\n    expires: 2025-01-01\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: renewed\n    owner: a\n    expires: 2027-01-01\n',
    );
    const outcome = applyAcceptances([cycle], loaded, '2026-11-23');
    expect(outcome.accepted.map((item) => item.reason)).toEqual(['renewed']);
    expect(outcome.findings.find((item) => item.ruleId === EXPIRED_ACCEPTANCE_ID)!.message).toContain('No current finding depends on it: remove it.');
  });

  it('warns about entries that can never match, and (on request) about entries that match nothing', () => {
    const loaded = policy('accepted:\n  - reason: no key\n    owner: a\n    expires: 2027-01-01\n  - rule: sor/*\n    reason: unused\n    owner: a\n    expires: 2027-01-01\n');
    expect(applyAcceptances([cycle], loaded, '2026-11-23').warnings).toEqual(['arch-review.yml:2: an accepted entry needs a fingerprint, a rule or a component; it matches nothing.']);
    expect(applyAcceptances([cycle], loaded, '2026-11-23', { reportUnused: true }).warnings).toEqual([
      'arch-review.yml:2: an accepted entry needs a fingerprint, a rule or a component; it matches nothing.',
      'arch-review.yml:5: the accepted risk rule sor/* matches no finding; remove it if the risk is gone.',
    ]);
  });

  it('keeps accepted findings out of the gate, and lets an expiry bring them back', () => {
    const result = sampleResult({ findings: [cycle, hygiene], parseIssues: [], ruleErrors: [] });
    const entry = (expires: string) => policy(`accepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: r\n    owner: o\n    expires: ${expires}\n`);
    const accepted = applyGate(result, { policy: entry('2027-01-01'), asOf: '2026-11-23', gate: { failOn: 'high' } });
    expect(accepted.gate).toMatchObject({ status: 'passed', exitCode: 0 });
    expect(accepted.gate!.summary).toBe('Release gate passed: no finding at high or above that is not accepted.');
    expect(accepted.accepted).toHaveLength(1);
    const expired = applyGate(result, { policy: entry('2026-01-01'), asOf: '2026-11-23', gate: { failOn: 'high' } });
    expect(expired.gate).toMatchObject({ status: 'failed', exitCode: 1, failing: ['c1c1c1c1c1c1c1c1'] });
    expect(expired.accepted).toBeUndefined();
    // The expired-acceptance finding itself is low: it fails only a gate at low.
    const low = applyGate(sampleResult({ findings: [], parseIssues: [], ruleErrors: [] }), { policy: entry('2026-01-01'), asOf: '2026-11-23', gate: { failOn: 'low' } });
    expect(low.gate).toMatchObject({ status: 'failed', failing: [low.findings[0]!.fingerprint] });
    // ... and the policy can grade or disable it like any rule.
    const graded = policy(`rules:\n  gate/expired-acceptance: {severity: high}\naccepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: r\n    owner: o\n    expires: 2026-01-01\n`);
    expect(applyGate(sampleResult({ findings: [] }), { policy: graded, asOf: '2026-11-23' }).findings[0]!.severity).toBe('high');
    const off = policy(`rules:\n  gate/expired-acceptance: {enabled: false}\naccepted:\n  - fingerprint: c1c1c1c1c1c1c1c1\n    reason: r\n    owner: o\n    expires: 2026-01-01\n`);
    expect(applyGate(sampleResult({ findings: [] }), { policy: off, asOf: '2026-11-23' }).findings).toEqual([]);
  });
});

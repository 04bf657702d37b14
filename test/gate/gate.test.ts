import { describe, expect, it } from 'vitest';
import { applyGate } from '../../src/gate/apply-gate.js';
import { atOrAbove, evaluateGate, type GateInput } from '../../src/gate/gate.js';
import type { GatedFinding } from '../../src/gate/types.js';
import { EMPTY_POLICY } from '../../src/policy/policy.js';
import { renderVerdict } from '../../src/report/markdown/verdict.js';
import { finding, sampleResult } from '../report/result-kit.js';

const critical = (state?: 'new' | 'existing'): GatedFinding => ({ ...finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', fingerprint: `crit-${state}` }), ...(state ? { baselineState: state } : {}) });
const high = (state?: 'new' | 'existing'): GatedFinding => ({ ...finding({ ruleId: 'recursion/self-update', severity: 'high', fingerprint: `high-${state}` }), ...(state ? { baselineState: state } : {}) });
const medium = (state?: 'new' | 'existing'): GatedFinding => ({ ...finding({ ruleId: 'recursion/event-loop', severity: 'medium', fingerprint: `med-${state}` }), ...(state ? { baselineState: state } : {}) });

const input = (findings: GatedFinding[], extra: Partial<GateInput> = {}): GateInput => ({ findings, parseIssues: [], ruleErrors: [], hasBaseline: findings.some((item) => item.baselineState), ...extra });

describe('the release gate', () => {
  it('--fail-on high --fail-on-scope new fails (exit 1) only when a new high-or-worse finding exists', () => {
    expect(evaluateGate(input([high('new'), medium('existing')]), { failOn: 'high', scope: 'new' })).toMatchObject({ status: 'failed', exitCode: 1, failing: ['high-new'] });
    expect(evaluateGate(input([critical('new')]), { failOn: 'high', scope: 'new' })).toMatchObject({ exitCode: 1 });
    expect(evaluateGate(input([high('existing'), critical('existing'), medium('new')]), { failOn: 'high', scope: 'new' })).toMatchObject({ status: 'passed', exitCode: 0, failing: [] });
    expect(evaluateGate(input([], { hasBaseline: true }), { failOn: 'high', scope: 'new' }).exitCode).toBe(0);
  });

  it('scope all counts existing findings too; each threshold includes everything more severe', () => {
    expect(evaluateGate(input([high('existing')]), { failOn: 'high', scope: 'all' }).exitCode).toBe(1);
    expect(evaluateGate(input([medium()]), { failOn: 'high', scope: 'all' }).exitCode).toBe(0);
    expect(evaluateGate(input([medium()]), { failOn: 'medium', scope: 'all' }).exitCode).toBe(1);
    expect(evaluateGate(input([critical()]), { failOn: 'critical', scope: 'all' }).exitCode).toBe(1);
    expect(evaluateGate(input([high()]), { failOn: 'critical', scope: 'all' }).exitCode).toBe(0);
    expect(['critical', 'high', 'medium', 'low', 'info'].map((severity) => atOrAbove(severity as 'low', 'low'))).toEqual([true, true, true, true, false]);
  });

  it('never gates with --fail-on never, whatever it finds or could not read', () => {
    const verdict = evaluateGate(input([critical('new')], { parseIssues: [{}], ruleErrors: [{ ruleId: 'x/y' }] }), { failOn: 'never', scope: 'all' });
    expect(verdict).toMatchObject({ status: 'passed', exitCode: 0, summary: 'Release gate not enforced (--fail-on never).' });
  });

  it('is incomplete (exit 3) when nothing fails it but files could not be read or rules failed; a failure wins', () => {
    const unread = evaluateGate(input([medium()], { parseIssues: [{}, {}], ruleErrors: [{ ruleId: 'sor/foreign-field-write' }] }), { failOn: 'high', scope: 'all' });
    expect(unread).toMatchObject({ status: 'incomplete', exitCode: 3 });
    expect(unread.summary).toBe('Release gate incomplete: no finding at high or above, but 2 files could not be read and 1 rule failed (sor/foreign-field-write), so findings may be missing.');
    expect(evaluateGate(input([high()], { parseIssues: [{}] }), { failOn: 'high', scope: 'all' })).toMatchObject({ status: 'failed', exitCode: 1 });
  });

  it('rejects --fail-on-scope new without a baseline as a usage error (exit 2)', () => {
    expect(() => evaluateGate(input([high()]), { failOn: 'high', scope: 'new' })).toThrow(expect.objectContaining({ exitCode: 2, name: 'GateNeedsBaseline' }));
  });

  it('applyGate: the scope defaults to new with a baseline and all without; no gate options, no verdict', () => {
    const result = sampleResult({ findings: [high()], parseIssues: [], ruleErrors: [] });
    expect(applyGate(result, { policy: EMPTY_POLICY, asOf: '2026-11-23' }).gate).toBeUndefined();
    expect(applyGate(result, { policy: EMPTY_POLICY, asOf: '2026-11-23', gate: { failOn: 'high' } }).gate).toMatchObject({ scope: 'all', exitCode: 1 });
    const withBaseline = applyGate(result, {
      policy: EMPTY_POLICY,
      asOf: '2026-11-23',
      baseline: { info: { kind: 'baseline-file', file: 'base.json', findings: 1 }, findings: [high()], objectFilter: ['Account'] },
      gate: { failOn: 'high' },
    });
    expect(withBaseline.gate).toMatchObject({ scope: 'new', exitCode: 0 });
    expect(withBaseline.warnings).toContain('The baseline was made with --object Account: findings on other objects show as new or fixed.');
  });
});

describe('the verdict line (Markdown)', () => {
  it('starts the report with the verdict, then the comparison and the accepted count', () => {
    const result = sampleResult({ findings: [high('new'), medium('existing')], parseIssues: [], ruleErrors: [] });
    const gated = applyGate(result, {
      policy: EMPTY_POLICY,
      asOf: '2026-11-23',
      baseline: { info: { kind: 'base-ref', ref: 'origin/main', commit: '0123456789abcdef0123', findings: 2 }, findings: [medium('existing'), critical()] },
      gate: { failOn: 'high', scope: 'new' },
    });
    expect(renderVerdict(gated)).toBe(
      '**Release gate failed.** 1 new finding at high or above (1 high). Compared with `origin/main` (`0123456789ab`): 1 new, 1 existing, 1 fixed.',
    );
  });

  it('is left out when the review ran without gate options', () => {
    expect(renderVerdict(sampleResult())).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { applySeverityOverrides, disabledByPolicy, ruleSetting, selectRules, splitPatterns } from '../../src/gate/rule-selection.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import type { Rule } from '../../src/rules/rule.js';
import { finding } from '../report/result-kit.js';

const rule = (id: string, severity: Rule['meta']['defaultSeverity'] = 'high'): Rule => ({
  meta: { id, category: id.split('/')[0]!, defaultSeverity: severity, description: `${id} finds things.`, docs: `docs/rules/${id}.md` },
  run: () => [],
});

const ALL = [rule('recursion/cross-object-cycle', 'critical'), rule('recursion/self-update'), rule('sor/foreign-field-write'), rule('hygiene/missing-owner', 'low')];
const ids = (rules: Rule[]): string[] => rules.map((item) => item.meta.id);
const policy = (yaml: string) => parsePolicy(yaml, 'arch-review.yml');

describe('rule selection', () => {
  it('runs every rule by default, --rules narrows with globs, --exclude-rules removes', () => {
    expect(ids(selectRules(ALL).rules)).toEqual(ids(ALL));
    expect(ids(selectRules(ALL, { rules: ['recursion/*,sor/*'] }).rules)).toEqual(['recursion/cross-object-cycle', 'recursion/self-update', 'sor/foreign-field-write']);
    expect(ids(selectRules(ALL, { rules: ['recursion/*'], excludeRules: ['recursion/self-update'] }).rules)).toEqual(['recursion/cross-object-cycle']);
    expect(ids(selectRules(ALL, { excludeRules: ['*/missing-*', 'sor/*'] }).rules)).toEqual(['recursion/cross-object-cycle', 'recursion/self-update']);
  });

  it('the policy disables rules (globs first, the exact id wins); only naming a rule exactly on the command line brings it back', () => {
    const loaded = policy('rules:\n  recursion/*: {enabled: false}\n  recursion/cross-object-cycle: {enabled: true}\n  hygiene/missing-owner: {enabled: false}\n');
    expect(ids(selectRules(ALL, { policy: loaded }).rules)).toEqual(['recursion/cross-object-cycle', 'sor/foreign-field-write']);
    expect(ids(selectRules(ALL, { policy: loaded, rules: ['hygiene/*', 'recursion/*'] }).rules)).toEqual(['recursion/cross-object-cycle']);
    expect(ids(selectRules(ALL, { policy: loaded, rules: ['hygiene/missing-owner'] }).rules)).toEqual(['hygiene/missing-owner']);
    expect(ids(selectRules(ALL, { policy: loaded, rules: ['hygiene/missing-owner'], excludeRules: ['hygiene/*'] }).rules)).toEqual([]);
    expect(disabledByPolicy('recursion/self-update', loaded.policy.rules)).toBe(true);
    expect(ruleSetting('recursion/cross-object-cycle', loaded.policy.rules!)).toEqual({ enabled: true });
  });

  it('gives each selected rule its effective severity, sorted by id', () => {
    const loaded = policy('rules:\n  "*": {severity: medium}\n  sor/foreign-field-write: {severity: critical}\n');
    expect(selectRules(ALL, { policy: loaded }).summaries.map((item) => `${item.id} ${item.severity}`)).toEqual([
      'hygiene/missing-owner medium',
      'recursion/cross-object-cycle medium',
      'recursion/self-update medium',
      'sor/foreign-field-write critical',
    ]);
    expect(selectRules(ALL).summaries[0]).toEqual({ id: 'hygiene/missing-owner', category: 'hygiene', severity: 'low', description: 'hygiene/missing-owner finds things.', docs: 'docs/rules/hygiene/missing-owner.md' });
  });

  it('a --rules pattern that matches nothing is a usage error; unknown excludes and policy keys are warnings', () => {
    expect(() => selectRules(ALL, { rules: ['recursion/*', 'recusion/self-update'] })).toThrow(expect.objectContaining({ exitCode: 2, name: 'UnknownRule', message: '--rules "recusion/self-update" matches no rule.' }));
    const loaded = policy('rules:\n  perm/nope: {enabled: false}\n  gate/expired-acceptance: {severity: high}\n');
    expect(selectRules(ALL, { excludeRules: ['limits/*'], policy: loaded }).warnings).toEqual([
      '--exclude-rules "limits/*" matches no rule.',
      'arch-review.yml:2: rules: "perm/nope" matches no rule; it is ignored.',
    ]);
  });

  it('the policy’s severity replaces the severity of every finding of the rule, and the order follows', () => {
    const findings = [
      finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', fingerprint: 'a' }),
      finding({ ruleId: 'recursion/self-update', severity: 'medium', fingerprint: 'b' }),
      finding({ ruleId: 'hygiene/missing-owner', severity: 'low', fingerprint: 'c' }),
    ];
    const rules = policy('rules:\n  recursion/cross-object-cycle: {severity: low}\n  hygiene/*: {severity: critical}\n').policy.rules;
    expect(applySeverityOverrides(findings, rules).map((item) => `${item.fingerprint} ${item.severity}`)).toEqual(['c critical', 'b medium', 'a low']);
    expect(applySeverityOverrides(findings, undefined)).toEqual(findings);
    expect(findings[0]!.severity).toBe('critical');
  });

  it('splits comma-separated and repeated flag values', () => {
    expect(splitPatterns(['recursion/*, sor/*', '', 'hygiene/x,'])).toEqual(['recursion/*', 'sor/*', 'hygiene/x']);
    expect(splitPatterns(undefined)).toEqual([]);
  });
});

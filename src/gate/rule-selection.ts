import { inputError } from '../load/errors.js';
import type { LoadedPolicy, Policy } from '../policy/policy.js';
import type { Finding, Severity } from '../review/finding.js';
import type { Rule } from '../rules/rule.js';
import { compareFindings } from '../rules/runner.js';
import { EXPIRED_ACCEPTANCE_ID } from './accepted.js';
import { globMatches, isGlob } from './glob.js';
import type { RuleSummary } from './types.js';

type PolicyRules = NonNullable<Policy['rules']>;
type RuleSetting = PolicyRules[string];

export type RuleSelectionOptions = {
  /** `--rules`: ids or globs (`recursion/*`), repeated or comma-separated. Empty means every rule. */
  rules?: readonly string[];
  /** `--exclude-rules`: ids or globs. */
  excludeRules?: readonly string[];
  policy?: LoadedPolicy;
};

export type RuleSelection = {
  /** The rules to run, in their given order. */
  rules: Rule[];
  /** The same rules with the policy's severity override, for the result (`rules`) and SARIF. */
  summaries: RuleSummary[];
  warnings: string[];
};

/** Ids the policy may configure beyond the rules themselves. */
const GATE_IDS = [EXPIRED_ACCEPTANCE_ID];

/**
 * Which rules run, as in ESLint: every rule unless the policy disables it (`rules: {id: {enabled:
 * false}}`), narrowed by `--rules` and `--exclude-rules`. The command line wins over the policy only
 * when it names a rule exactly: `--rules sor/field-owner` runs that rule even if the policy disables
 * it, `--rules sor/*` does not bring disabled rules back. `--exclude-rules` always wins.
 * A `--rules` pattern that matches no rule is a usage error (a typo would silently run nothing).
 */
export function selectRules(all: readonly Rule[], options: RuleSelectionOptions = {}): RuleSelection {
  const include = splitPatterns(options.rules);
  const exclude = splitPatterns(options.excludeRules);
  const ids = all.map((rule) => rule.meta.id);
  const unknown = include.filter((pattern) => !ids.some((id) => globMatches(pattern, id)));
  if (unknown.length > 0) {
    throw inputError(`--rules ${unknown.map((pattern) => `"${pattern}"`).join(', ')} match${unknown.length === 1 ? 'es' : ''} no rule.`, [
      `Rule ids are category/name, and * matches any text: ${ids.join(', ')}.`,
    ], 'UnknownRule');
  }
  const warnings = exclude
    .filter((pattern) => !ids.some((id) => globMatches(pattern, id)))
    .map((pattern) => `--exclude-rules "${pattern}" matches no rule.`);
  const policyRules = options.policy?.policy.rules ?? {};
  for (const key of Object.keys(policyRules)) {
    if (![...ids, ...GATE_IDS].some((id) => globMatches(key, id))) {
      const line = options.policy?.lineOf(['rules', key]);
      warnings.push(`${options.policy?.file ?? 'the policy'}${line !== undefined ? `:${line}` : ''}: rules: "${key}" matches no rule; it is ignored.`);
    }
  }
  const rules = all.filter((rule) => {
    const id = rule.meta.id;
    if (exclude.some((pattern) => globMatches(pattern, id))) return false;
    if (include.length > 0 && !include.some((pattern) => globMatches(pattern, id))) return false;
    const namedExactly = include.some((pattern) => !isGlob(pattern) && pattern === id);
    return namedExactly || ruleSetting(id, policyRules).enabled !== false;
  });
  const summaries = rules
    .map((rule): RuleSummary => ({
      id: rule.meta.id,
      category: rule.meta.category,
      severity: ruleSetting(rule.meta.id, policyRules).severity ?? rule.meta.defaultSeverity,
      description: rule.meta.description,
      docs: rule.meta.docs,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rules, summaries, warnings };
}

/**
 * The policy's `severity` replaces the severity of every finding of the rule (ESLint semantics: the
 * rule's own grading is overridden, not shifted); findings are re-sorted, most severe first.
 */
export function applySeverityOverrides(findings: readonly Finding[], policy: Policy['rules']): Finding[] {
  const rules = policy ?? {};
  if (Object.keys(rules).length === 0) return [...findings];
  return findings
    .map((finding) => {
      const severity = ruleSetting(finding.ruleId, rules).severity;
      return severity && severity !== finding.severity ? { ...finding, severity } : finding;
    })
    .sort(compareFindings);
}

/** Whether the policy turns a rule (or a gate check such as `gate/expired-acceptance`) off. */
export function disabledByPolicy(id: string, policy: Policy['rules']): boolean {
  return ruleSetting(id, policy ?? {}).enabled === false;
}

/**
 * A rule's settings: the entries whose key matches its id, merged key by key. Glob keys apply first,
 * in file order; the exact id applies last, so it wins.
 */
export function ruleSetting(id: string, rules: PolicyRules): { severity?: Severity; enabled?: boolean } {
  const keys = Object.keys(rules);
  const ordered = [...keys.filter((key) => isGlob(key) && globMatches(key, id)), ...keys.filter((key) => key === id)];
  const merged: { severity?: Severity; enabled?: boolean } = {};
  for (const key of ordered) {
    const setting: RuleSetting | undefined = rules[key];
    if (setting?.severity !== undefined) merged.severity = setting.severity;
    if (setting?.enabled !== undefined) merged.enabled = setting.enabled;
  }
  return merged;
}

/** Flag values, repeated or comma-separated, trimmed, empty ones dropped. */
export function splitPatterns(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value.length > 0);
}

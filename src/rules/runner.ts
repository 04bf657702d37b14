import { createHash } from 'node:crypto';
import type { Finding } from '../review/finding.js';
import { SEVERITIES } from '../review/finding.js';
import type { RuleError } from '../review/result.js';
import { messageOf } from '../load/parse/errors.js';
import type { CaughtFailure } from '../shared/failures.js';
import type { Rule, RuleContext, RuleFinding } from './rule.js';
import { appendAll } from '../shared/arrays.js';
import { compare } from '../shared/compare.js';

/** Findings of an earlier run, by rule id, for rules nothing they read has changed since (result-cache/rule-keys.ts). */
export type ReusedFindings = ReadonlyMap<string, readonly Finding[]>;

export type RuleRun = { findings: Finding[]; ruleErrors: RuleError[]; failures: CaughtFailure[] };

/**
 * Runs every rule. A rule that throws is reported as a rule error and the others still run; findings
 * get their rule id, category and a fingerprint, and come out most severe first in a stable order.
 */
export function runRules(rules: readonly Rule[], context: RuleContext, reused?: ReusedFindings): RuleRun {
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  const failures: CaughtFailure[] = [];
  for (const rule of rules) {
    const earlier = reused?.get(rule.meta.id);
    if (earlier) {
      appendAll(findings, earlier);
      continue;
    }
    let reported: RuleFinding[];
    try {
      reported = rule.run(context);
    } catch (error) {
      ruleErrors.push({ ruleId: rule.meta.id, message: messageOf(error) });
      failures.push({ context: { stage: 'running rules', component: rule.meta.id }, error });
      continue;
    }
    const seen = new Set<string>();
    for (const finding of reported) {
      const fingerprint = fingerprintOf(rule.meta.id, finding.identity);
      if (seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      findings.push({
        ruleId: rule.meta.id,
        severity: finding.severity,
        category: rule.meta.category,
        message: finding.message,
        ...(finding.object !== undefined ? { object: finding.object } : {}),
        components: finding.components,
        evidence: finding.evidence,
        fingerprint,
      });
    }
  }
  return { findings: findings.sort(compareFindings), ruleErrors, failures };
}

/** Rule id + identity (components, chain): stable across reformatting and unrelated edits. */
export function fingerprintOf(ruleId: string, identity: readonly string[]): string {
  return createHash('sha256').update([ruleId, ...identity].join('\u0000')).digest('hex').slice(0, 16);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compare(a.ruleId, b.ruleId) ||
    compare(a.object ?? '', b.object ?? '') ||
    compare(a.message, b.message) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

import type { AcceptedRisk, LoadedPolicy } from '../policy/policy.js';
import type { Finding } from '../review/finding.js';
import type { RuleMeta } from '../rules/rule.js';
import { compareFindings, fingerprintOf } from '../rules/runner.js';
import { globMatches } from './glob.js';
import type { AcceptedFinding } from './types.js';

export const EXPIRED_ACCEPTANCE_ID = 'gate/expired-acceptance';

/**
 * An `accepted:` entry whose `expires` date has passed stops keeping its findings out of the gate and
 * becomes a finding of its own, pointing at the policy line, so the owner renews or removes it. It is
 * a finding (not a warning) so that it shows in every report format, in SARIF with a location, and can
 * itself be gated on or graded with `rules: {gate/expired-acceptance: {severity: ...}}`.
 */
export const EXPIRED_ACCEPTANCE_META: RuleMeta = {
  id: EXPIRED_ACCEPTANCE_ID,
  category: 'gate',
  defaultSeverity: 'low',
  description: 'An accepted risk in arch-review.yml has expired: its findings count in the release gate again.',
  docs: 'docs/release-gate.md',
  // It reads the policy only, which is never a parse issue (a bad policy stops the review).
  reads: [],
};

export type AcceptanceOutcome = {
  /** The findings, plus one `gate/expired-acceptance` finding per expired entry, in report order. */
  findings: Finding[];
  /** Findings an unexpired entry covers: they stay in the report but out of the gate. */
  accepted: AcceptedFinding[];
  /** Entries that cover nothing, or can never match: the policy should be cleaned. */
  warnings: string[];
};

export type AcceptanceOptions = {
  /** Warn about unexpired entries that match no finding. Off when `--object` or `--rules` narrowed the review. */
  reportUnused?: boolean;
};

/**
 * Applies the policy's accepted risks. An entry matches a finding by `fingerprint`, or by `rule` and/or
 * `component` globs (all given keys must match). It is in force through its `expires` day (YYYY-MM-DD,
 * compared with the review's `asOf`); the first entry in force that matches a finding wins.
 */
export function applyAcceptances(findings: readonly Finding[], loaded: LoadedPolicy, asOf: string, options: AcceptanceOptions = {}): AcceptanceOutcome {
  const entries = (loaded.policy.accepted ?? []).map((entry, index) => ({ entry, index, line: loaded.lineOf(['accepted', index]) }));
  const where = (line: number | undefined): string => `${loaded.file ?? 'the policy'}${line !== undefined ? `:${line}` : ''}`;
  const warnings: string[] = [];
  const usable = entries.filter(({ entry, line }) => {
    if (entry.fingerprint || entry.rule || entry.component) return true;
    warnings.push(`${where(line)}: an accepted entry needs a fingerprint, a rule or a component; it matches nothing.`);
    return false;
  });

  const accepted: AcceptedFinding[] = [];
  const used = new Set<number>();
  const expiredMatches = new Map<number, Finding[]>();
  for (const finding of findings) {
    let covered = false;
    for (const { entry, index, line } of usable) {
      if (!matches(entry, finding)) continue;
      if (entry.expires < asOf) {
        expiredMatches.set(index, [...(expiredMatches.get(index) ?? []), finding]);
        continue;
      }
      used.add(index);
      if (covered) continue;
      covered = true;
      accepted.push({
        fingerprint: finding.fingerprint,
        ruleId: finding.ruleId,
        reason: entry.reason,
        owner: entry.owner,
        expires: entry.expires,
        ...(line !== undefined ? { policyLine: line } : {}),
      });
    }
  }

  // A finding another entry still accepts does not depend on the expired one.
  const stillAccepted = new Set(accepted.map((item) => item.fingerprint));
  const expired = usable
    .filter(({ entry }) => entry.expires < asOf)
    .map(({ entry, index, line }) => {
      const uncovered = (expiredMatches.get(index) ?? []).filter((finding) => !stillAccepted.has(finding.fingerprint));
      return expiredFinding(entry, uncovered, loaded.file, line);
    });
  if (options.reportUnused) {
    for (const { entry, index, line } of usable) {
      if (entry.expires >= asOf && !used.has(index)) warnings.push(`${where(line)}: the accepted risk ${describe(entry)} matches no finding; remove it if the risk is gone.`);
    }
  }
  return { findings: [...findings, ...expired].sort(compareFindings), accepted, warnings };
}

/** Whether an entry covers a finding: every key it gives must match. */
export function matches(entry: AcceptedRisk, finding: Finding): boolean {
  if (entry.fingerprint && entry.fingerprint !== finding.fingerprint) return false;
  if (entry.rule && !globMatches(entry.rule, finding.ruleId)) return false;
  if (entry.component && !finding.components.some((component) => componentMatches(entry.component!, component))) return false;
  return Boolean(entry.fingerprint || entry.rule || entry.component);
}

/**
 * `Type:NameGlob` (as in `owners:`) matches the component's type and name; a bare glob matches the
 * name. Case-insensitive, as Salesforce API names are.
 */
function componentMatches(glob: string, component: Finding['components'][number]): boolean {
  const colon = glob.indexOf(':');
  if (colon > 0 && /^[A-Za-z]+$/.test(glob.slice(0, colon))) {
    return glob.slice(0, colon).toLowerCase() === component.type.toLowerCase() && globMatches(glob.slice(colon + 1), component.name, true);
  }
  return globMatches(glob, component.name, true);
}

function expiredFinding(entry: AcceptedRisk, covered: Finding[], file: string | undefined, line: number | undefined): Finding {
  const what = describe(entry);
  const still = covered.length === 0 ? 'No current finding depends on it: remove it.' : `${covered.length} finding(s) it covered count in the release gate again: renew it (new date, same owner) or fix them.`;
  return {
    ruleId: EXPIRED_ACCEPTANCE_ID,
    severity: EXPIRED_ACCEPTANCE_META.defaultSeverity,
    category: EXPIRED_ACCEPTANCE_META.category,
    message: `The accepted risk ${what} (owner ${entry.owner}) expired on ${entry.expires}. ${still}`,
    components: [{ type: 'ArchReviewPolicy', name: `accepted: ${what}`, file: file ?? 'arch-review.yml', ...(line !== undefined ? { line } : {}) }],
    evidence: [
      { text: `reason: ${entry.reason}`, ...(file ? { file } : {}), ...(line !== undefined ? { line } : {}) },
      ...covered.map((finding) => ({ text: `covered ${finding.ruleId} ${finding.fingerprint}: ${finding.message}` })),
    ],
    // The entry's keys and date, never its position: moving it in the file keeps the fingerprint.
    fingerprint: fingerprintOf(EXPIRED_ACCEPTANCE_ID, [entry.fingerprint ?? '', entry.rule ?? '', entry.component ?? '', entry.expires]),
  };
}

function describe(entry: AcceptedRisk): string {
  return [entry.fingerprint && `fingerprint ${entry.fingerprint}`, entry.rule && `rule ${entry.rule}`, entry.component && `component ${entry.component}`]
    .filter(Boolean)
    .join(', ');
}

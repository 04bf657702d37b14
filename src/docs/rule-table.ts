import { cell } from '../report/markdown-escape.js';
import type { RuleMeta } from '../rules/rule.js';

/** The README's rule table sits between these markers; everything else in the README is hand-written. */
export const RULE_TABLE_START = '<!-- rules:start -->';
export const RULE_TABLE_END = '<!-- rules:end -->';

export type RuleRow = Pick<RuleMeta, 'id' | 'category' | 'defaultSeverity' | 'description' | 'docs'>;

/** The rule table, generated from the rules' metadata: one row per rule, sorted by id, linked to its docs page. */
export function ruleTable(rules: readonly RuleRow[]): string {
  const rows = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((rule) => `| [\`${rule.id}\`](${rule.docs}) | ${cell(rule.category)} | ${rule.defaultSeverity} | ${cell(rule.description)} |`);
  return ['| rule | category | default severity | what it finds |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table with its markers, as it appears in the README. */
export function ruleTableBlock(rules: readonly RuleRow[]): string {
  return `${RULE_TABLE_START}\n${ruleTable(rules)}\n${RULE_TABLE_END}`;
}

/** The marked block of a README (markers included), or undefined when the markers are missing. */
export function readRuleTable(readme: string): string | undefined {
  const start = readme.indexOf(RULE_TABLE_START);
  const end = readme.indexOf(RULE_TABLE_END, start);
  if (start === -1 || end === -1) return undefined;
  return readme.slice(start, end + RULE_TABLE_END.length);
}

/** The README with its marked block replaced by the current table. */
export function replaceRuleTable(readme: string, rules: readonly RuleRow[]): string {
  const current = readRuleTable(readme);
  if (current === undefined) throw new Error(`The README has no ${RULE_TABLE_START} … ${RULE_TABLE_END} markers.`);
  return readme.replace(current, () => ruleTableBlock(rules));
}

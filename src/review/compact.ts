import { SEVERITIES, type Severity } from './finding.js';
import type { ReviewResult } from './result.js';

/**
 * The default JSON (`--detail compact`): what a pipeline or a reviewer acts on — findings, the verdict
 * and the gate's lists, inventory counts, what could not be read, rule errors and warnings. The
 * per-object pipelines, graph edges and topic sections (most of a large org's report: the ownership
 * section alone is 20 MB at scale 1) are in `--detail full`.
 */
export type CompactResult = Pick<ReviewResult, 'schemaVersion' | 'sourceDirs' | 'objectFilter' | 'policyFile' | 'org' | 'warnings' | 'rules' | 'baseline' | 'fixed' | 'accepted' | 'gate' | 'findings' | 'ruleErrors' | 'parseIssues' | 'trend'> & {
  detail: 'compact';
  summary: CompactSummary;
};

export type CompactSummary = {
  /** Components per metadata type (the inventory's counts). */
  counts: Record<string, number>;
  /** Objects in the inventory (with metadata in the project, or automation on them). */
  objects: number;
  /** Findings per severity, every severity listed. */
  findings: Record<Severity, number>;
};

const KEPT = ['schemaVersion', 'sourceDirs', 'objectFilter', 'policyFile', 'org', 'warnings', 'rules', 'baseline', 'fixed', 'accepted', 'gate', 'findings', 'ruleErrors', 'parseIssues', 'trend'] as const;

/** The compact form of a result: a projection, so it holds exactly what the full one says about these fields. */
export function compactResult(result: ReviewResult): CompactResult {
  const kept: Record<string, unknown> = {};
  for (const key of KEPT) if (result[key] !== undefined) kept[key] = result[key];
  const findings = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const finding of result.findings) findings[finding.severity] += 1;
  return { ...(kept as Omit<CompactResult, 'detail' | 'summary'>), detail: 'compact', summary: { counts: result.summary.counts, objects: result.summary.objects.length, findings } };
}

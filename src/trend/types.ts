import type { Severity } from '../review/finding.js';

/** One audit in the trend: what it found, counted three ways. */
export type TrendRun = {
  /** The review date (`--as-of`, or the day it ran): the history entry's name. */
  date: string;
  findings: number;
  /** Every severity listed, zeros included, so a chart has a value at every run. */
  severities: Record<Severity, number>;
  /** Per rule id, every rule seen in any run shown (zeros included), keys sorted. */
  rules: Record<string, number>;
  /** Per topic (a finding's `category`), like `rules`. */
  categories: Record<string, number>;
};

/** A finding as the trend names it: enough to recognise it, not its evidence. */
export type TrendFinding = {
  ruleId: string;
  severity: Severity;
  object?: string;
  message: string;
  fingerprint: string;
};

/** What changed since the latest earlier run, matched by fingerprint. */
export type TrendChange = {
  /** The earlier run's date. */
  previous: string;
  /** Findings whose fingerprint the earlier run did not have. */
  new: TrendFinding[];
  /** The earlier run's findings whose fingerprint this run does not have. */
  fixed: TrendFinding[];
};

/** `--history`: this run and the earlier ones kept in the history folder, oldest first. */
export type Trend = {
  /** The runs shown, oldest first, this run last (at most `MAX_TREND_RUNS`). */
  runs: TrendRun[];
  /** How many runs the history holds with this one: more than `runs.length` when the oldest are not shown. */
  totalRuns: number;
  /** Absent on the first run: there is nothing to compare with. */
  sincePrevious?: TrendChange;
};

import type { PermissionSnapshot } from '../permissions/snapshot.js';
import { type CaughtFailure, withContextAsync } from '../shared/failures.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from './result.js';
import { resultKeyOf, slotOf } from './result-cache/result-key.js';
import { resultSourcesFingerprint } from './result-cache/sources.js';
import { namespaceOf, ResultStore } from './result-cache/store.js';
import { analyse, discover, graphOf, parseDiscovered, readInputs, review, type ReviewConfig } from './review.js';

export type ReviewOutcome = {
  result: ReviewResult;
  /** What the review caught and reported, with the original errors (none when the result came from the cache). */
  failures: CaughtFailure[];
  /** Every integration principal's effective permissions: only when the review ran (not from the cache). */
  permissionSnapshot?: () => PermissionSnapshot;
  fromCache: boolean;
};

/**
 * The review, reusing the last result when nothing it depends on changed (see `resultKeyOf`): a warm
 * rerun then only discovers and stats the project. Otherwise the review runs in full (the parse
 * cache still serves unchanged components) and its result is kept for next time.
 */
export async function cachedReview(config: ReviewConfig): Promise<ReviewOutcome> {
  if (!config.cache || !config.resultCache) {
    const reviewed = await review(config);
    return { result: reviewed.result, failures: reviewed.failures, permissionSnapshot: reviewed.permissionSnapshot, fromCache: false };
  }
  const inputs = readInputs(config);
  config.onProgress?.('reading the metadata');
  const found = await withContextAsync({ stage: 'reading the metadata' }, () => discover(config));
  let model;
  let key: string | undefined;
  let slot: string;
  let store: ResultStore;
  try {
    key = resultKeyOf(config, found);
    slot = slotOf(config, found.sourceDirs);
    store = ResultStore.open(config.baseDir, namespaceOf(resultSourcesFingerprint()));
    const hit = key ? decode(store.get(slot, key)) : undefined;
    if (hit) {
      config.onProgress?.('reusing the last result', `${found.loaded.components.length} components unchanged`);
      return { result: hit, failures: [], fromCache: true };
    }
    model = await withContextAsync({ stage: 'reading the metadata' }, () => parseDiscovered(config, found));
  } finally {
    found.loaded.dispose();
  }
  const { graph } = graphOf(config, model);
  const reviewed = analyse(config, inputs, model, graph);
  // A run with failures is not kept: --dev-debug could not show their stacks next time.
  if (key && reviewed.failures.length === 0) store.set(slot, key, JSON.stringify(reviewed.result));
  return { result: reviewed.result, failures: reviewed.failures, permissionSnapshot: reviewed.permissionSnapshot, fromCache: false };
}

/** A cached result, or undefined when the entry is not one (a miss: the review runs and rewrites it). */
function decode(json: string | undefined): ReviewResult | undefined {
  if (json === undefined) return undefined;
  try {
    const value = JSON.parse(json) as Partial<ReviewResult> | null;
    const ok = value !== null && typeof value === 'object' && value.schemaVersion === RESULT_SCHEMA_VERSION && [value.findings, value.ruleErrors, value.parseIssues, value.warnings, value.objects, value.edges].every(Array.isArray) && typeof value.summary === 'object';
    return ok ? (value as ReviewResult) : undefined;
  } catch {
    return undefined;
  }
}

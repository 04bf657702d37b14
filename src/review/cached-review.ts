import type { PermissionSnapshot } from '../permissions/snapshot.js';
import { type CaughtFailure, withContextAsync } from '../shared/failures.js';
import type { Finding } from './finding.js';
import type { ReviewResult } from './result.js';
import { type ResultKeys, resultKeysOf, slotOf } from './result-cache/result-key.js';
import { decodeEntry, entryJson, reusableFindings } from './result-cache/rule-reuse.js';
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
  /** Rules whose findings are the last run's (nothing they read changed): all of them on a cache hit. */
  reusedRules: string[];
};

/**
 * The review, reusing the last result when nothing it depends on changed (see `resultKeysOf`): a warm
 * rerun then only discovers and stats the project. Otherwise the review runs in full (the parse
 * cache still serves unchanged components) and its result is kept for next time.
 */
export async function cachedReview(config: ReviewConfig): Promise<ReviewOutcome> {
  if (!config.cache || !config.resultCache) {
    const reviewed = await review(config);
    return { result: reviewed.result, failures: reviewed.failures, permissionSnapshot: reviewed.permissionSnapshot, fromCache: false, reusedRules: [] };
  }
  const inputs = readInputs(config);
  config.onProgress?.('reading the metadata');
  const found = await withContextAsync({ stage: 'reading the metadata' }, () => discover(config));
  let model;
  let keys: ResultKeys | undefined;
  let slot: string;
  let store: ResultStore;
  let last: { key: string; payload: string } | undefined;
  try {
    keys = resultKeysOf(config, found);
    slot = slotOf(config, found.sourceDirs);
    store = ResultStore.open(config.baseDir, namespaceOf(resultSourcesFingerprint()));
    // One read of the slot: a hit, or the last run whose unchanged rules still hold.
    last = store.latest(slot);
    const hit = keys && last?.key === keys.result ? decodeEntry(last.payload) : undefined;
    if (hit) {
      config.onProgress?.('reusing the last result', `${found.loaded.components.length} components unchanged`);
      return { result: hit.result, failures: [], fromCache: true, reusedRules: hit.result.rules?.map((rule) => rule.id) ?? [] };
    }
    model = await withContextAsync({ stage: 'reading the metadata' }, () => parseDiscovered(config, found));
  } finally {
    found.loaded.dispose();
  }
  // Something changed: the rules that read none of it keep the last run's findings.
  const reused = keys ? reusableFindings(decodeEntry(last?.payload), keys.rules) : new Map<string, Finding[]>();
  last = undefined;
  const { graph } = graphOf(config, model);
  const reviewed = analyse(config, inputs, model, graph, reused);
  // A run with failures is not kept: --dev-debug could not show their stacks next time.
  if (keys && reviewed.failures.length === 0) {
    config.onProgress?.('keeping the result for next time');
    const ran = Object.fromEntries(reviewed.rulesRun.map((id) => [id, keys.rules[id] ?? '']).filter(([, key]) => key !== ''));
    store.set(slot, keys.result, entryJson(ran, JSON.stringify(reviewed.result)));
  }
  const reusedRules = reviewed.rulesRun.filter((id) => reused.has(id));
  return { result: reviewed.result, failures: reviewed.failures, permissionSnapshot: reviewed.permissionSnapshot, fromCache: false, reusedRules };
}

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../../load/paths.js';
import type { Discovered, ReviewConfig } from '../review.js';
import { StampIndex } from '../../load/cache/stamps.js';
import { inputDigest } from './input-digest.js';
import { RULES } from '../../rules/index.js';
import { ruleKeysOf } from './rule-keys.js';
import { resultSourcesFingerprint } from './sources.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The slot a result is kept in: what the user asked for (folders, objects, rules, detail). Each way of
 * reviewing a project keeps its last result; a new date or edit replaces it instead of adding one.
 */
export function slotOf(config: ReviewConfig, sourceDirs: readonly string[]): string {
  return sha(JSON.stringify({
    sourceDirs: sourceDirs.map((dir) => displayPath(config.baseDir, dir)),
    objects: config.objects ?? [],
    rules: config.rules ?? [],
    excludeRules: config.excludeRules ?? [],
    verbose: config.verbose ?? false,
    detail: config.detail ?? 'full',
  })).slice(0, 32);
}

/** The key of the whole result, and one per rule (see rule-keys.ts). */
export type ResultKeys = { result: string; rules: Record<string, string> };

/**
 * Everything a result depends on: the slot, the review date, the code that computes it, every input
 * file's content (through the discovered components), the policy file and the integration inputs,
 * and the org snapshot when one was retrieved. Each rule's key has all of it but the files of types
 * the rule does not read. Undefined when an input cannot be read (not cached).
 */
export function resultKeysOf(config: ReviewConfig, found: Discovered): ResultKeys | undefined {
  if (!found.cacheDir) return undefined;
  const digest = inputDigest(found.loaded.components, found.loaded.issues, config.baseDir, found.stamps?.() ?? StampIndex.load(found.cacheDir));
  if (digest === undefined) return undefined;
  const policyFile = config.policyFile ? resolve(config.baseDir, config.policyFile) : join(config.baseDir, 'arch-review.yml');
  const fileHash = (file: string | undefined): string | undefined => {
    if (!file) return undefined;
    const path = resolve(config.baseDir, file);
    return existsSync(path) ? sha(readFileSync(path, 'latin1')) : 'missing';
  };
  const common = JSON.stringify({
    slot: slotOf(config, found.sourceDirs),
    cwd: process.cwd(),
    baseDir: config.baseDir,
    asOf: config.asOf ?? new Date().toISOString().slice(0, 10),
    sources: resultSourcesFingerprint(),
    // What discovery reported is not by type: any change to it reruns every rule.
    discovery: sha(JSON.stringify(found.loaded.issues)),
    policy: [policyFile, fileHash(policyFile)],
    baseline: fileHash(config.permissionBaselineFile),
    assignmentsFile: fileHash(config.assignmentsFile),
    assignments: config.assignments ? sha(JSON.stringify(config.assignments)) : undefined,
    org: config.org ? sha(JSON.stringify(config.org)) : undefined,
  });
  return { result: sha(`${common}\n${digest.all}`), rules: ruleKeysOf(RULES, digest, sha(common)) };
}

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { inputError } from '../load/errors.js';
import { displayPath } from '../load/paths.js';
import { type Finding, SEVERITIES } from '../review/finding.js';
import { RESULT_SCHEMA_VERSION } from '../review/result.js';

export type BaselineFile = {
  /** The file as shown in messages (relative to the base folder). */
  file: string;
  findings: Finding[];
  /** The `--object` filter the saved review used, if any: a different filter makes `fixed` meaningless. */
  objectFilter?: string[];
};

/**
 * Reads `--baseline FILE`: a saved `--format json` report, or the `--json` envelope around one. Only
 * the findings are used. The schema version must match this plugin's: fingerprints and rule ids are
 * only comparable within one result version, and a silent mismatch would mark everything new.
 */
export function readBaselineFile(baseDir: string, file: string): BaselineFile {
  const path = resolve(baseDir, file);
  const shown = displayPath(baseDir, path);
  if (!existsSync(path)) {
    throw inputError(`The baseline file ${file} does not exist.`, ['Pass a report saved with --format json (or --json) to --baseline.'], 'BaselineNotFound');
  }
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw foreign(shown, `it is not JSON (${(error as Error).message})`);
  }
  return { file: shown, ...parseBaseline(value, shown) };
}

/**
 * What a `--baseline` file holds, so one flag can take a saved report (findings to compare) or a
 * permission snapshot (integration permissions to compare) and hand each to its reader.
 */
export function baselineKind(baseDir: string, file: string): 'report' | 'permission-snapshot' | 'unknown' {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(resolve(baseDir, file), 'utf8')) as unknown;
  } catch {
    return 'unknown';
  }
  if (!isRecord(value)) return 'unknown';
  if (value.kind === 'sf-arch-review/permission-snapshot') return 'permission-snapshot';
  const result = isRecord(value.result) && !('schemaVersion' in value) ? value.result : value;
  return 'schemaVersion' in result && Array.isArray(result.findings) ? 'report' : 'unknown';
}

/** The findings of a parsed baseline value; throws a usage error naming what is wrong. */
export function parseBaseline(value: unknown, shown: string): Omit<BaselineFile, 'file'> {
  if (!isRecord(value)) throw foreign(shown, 'it is not a JSON object');
  // The `--json` envelope: {status, result, warnings}.
  const result = isRecord(value.result) && !('schemaVersion' in value) ? value.result : value;
  if (result.kind === 'sf-arch-review/permission-snapshot') {
    throw foreign(shown, 'it is a permission snapshot (--save-snapshot), which compares integration permissions, not findings');
  }
  if (typeof result.version === 'string' && Array.isArray(result.runs)) {
    throw foreign(shown, 'it is a SARIF log; SARIF drops what the comparison needs');
  }
  if (!('schemaVersion' in result)) throw foreign(shown, 'it has no schemaVersion');
  if (result.schemaVersion !== RESULT_SCHEMA_VERSION) {
    throw inputError(
      `The baseline file ${shown} was written with result schema version ${JSON.stringify(result.schemaVersion)}; this plugin writes version ${RESULT_SCHEMA_VERSION}, and fingerprints are only comparable within one version.`,
      ['Re-create the baseline with this version of the plugin (for example on the base branch), or use --base-ref instead.'],
      'BaselineVersionMismatch',
    );
  }
  if (!Array.isArray(result.findings)) throw foreign(shown, 'it has no findings list');
  const findings = result.findings.map((finding, index) => checkFinding(finding, index, shown));
  const objectFilter = Array.isArray(result.objectFilter) ? result.objectFilter.filter((item): item is string => typeof item === 'string') : undefined;
  return { findings, ...(objectFilter && objectFilter.length > 0 ? { objectFilter } : {}) };
}

function checkFinding(value: unknown, index: number, shown: string): Finding {
  const ok =
    isRecord(value) &&
    typeof value.ruleId === 'string' &&
    typeof value.fingerprint === 'string' &&
    typeof value.message === 'string' &&
    (SEVERITIES as readonly unknown[]).includes(value.severity) &&
    Array.isArray(value.components) &&
    Array.isArray(value.evidence);
  if (!ok) throw foreign(shown, `findings[${index}] is not a finding (ruleId, severity, message, components, evidence, fingerprint)`);
  return value as unknown as Finding;
}

function foreign(shown: string, why: string): Error {
  return inputError(`The baseline file ${shown} is not an sf arch review result: ${why}.`, [
    'Pass a report saved with `sf arch review --format json --output-file FILE` (or the output of --json).',
  ], 'InvalidBaseline');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import { baselineKind } from '../gate/baseline-file.js';
import { inputError } from '../load/errors.js';

/**
 * `--baseline` takes a saved review report (findings to compare) and/or a permission snapshot
 * (integration permissions to compare); the file's content says which. At most one of each.
 */
export function splitBaselines(baseDir: string, files: readonly string[]): { report?: string; snapshot?: string } {
  const out: { report?: string; snapshot?: string } = {};
  for (const file of files) {
    const kind = baselineKind(baseDir, file);
    const slot = kind === 'report' ? 'report' : kind === 'permission-snapshot' ? 'snapshot' : undefined;
    if (!slot) {
      throw inputError(`--baseline ${file} is neither a saved review report nor a permission snapshot.`, [
        'Pass a report written with --format json (or the --json output), or a snapshot written with --save-snapshot.',
      ], 'InvalidBaseline');
    }
    if (out[slot]) throw inputError(`--baseline was given two ${slot === 'report' ? 'reports' : 'permission snapshots'}: ${out[slot]} and ${file}.`, ['Pass at most one report and one permission snapshot.'], 'InvalidBaseline');
    out[slot] = file;
  }
  return out;
}

import { readAssignmentsFile } from './assignments-file.js';
import type { LoadedAssignments } from './assignments.js';
import { readSnapshotFile } from './snapshot-file.js';
import type { LoadedSnapshot } from './snapshot.js';

/** What the integration rules read besides the project: a permission baseline and an assignments export. */
export type IntegrationInputs = {
  /** `--baseline FILE`: the permission snapshot to compare with (perm/integration-creep). */
  baseline?: LoadedSnapshot;
  /** `--assignments FILE`: users and their profile, permission sets and groups. */
  assignments?: LoadedAssignments;
};

/** Reads the files given (before the project, so a bad file fails fast); undefined when none is. */
export function loadIntegrationInputs(baseDir: string, files: { baselineFile?: string; assignmentsFile?: string }): IntegrationInputs | undefined {
  if (!files.baselineFile && !files.assignmentsFile) return undefined;
  return {
    ...(files.baselineFile ? { baseline: readSnapshotFile(baseDir, files.baselineFile) } : {}),
    ...(files.assignmentsFile ? { assignments: readAssignmentsFile(baseDir, files.assignmentsFile) } : {}),
  };
}

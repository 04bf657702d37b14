import type { OrgAssignment, OrgSnapshot } from './types.js';

/**
 * The snapshot's assignments in the shape of an `--assignments` export (a file name and one row a
 * line), so the review reads them the same way whether they came from a CSV or from the org.
 */
export function assignmentsExport(snapshot: OrgSnapshot): { file: string; rows: Array<OrgAssignment & { line: number }> } {
  return {
    file: `PermissionSetAssignment of ${snapshot.org.username} (retrieved ${snapshot.org.retrievedAt})`,
    rows: snapshot.assignments.map((assignment, index) => ({ ...assignment, line: index + 1 })),
  };
}

/** Everything the review of this snapshot does not cover, one entry a component (or type), for the report. */
export function coverageGaps(snapshot: OrgSnapshot): Array<{ type: string; fullName: string; reason: string }> {
  return [
    ...snapshot.componentFailures.map((failure) => ({ type: failure.type, fullName: failure.fullName, reason: `not returned by the org: ${failure.problem}` })),
    ...snapshot.notRetrievable,
    ...snapshot.installedPackages.map((pkg) => ({
      type: 'InstalledPackage',
      fullName: pkg.namespace,
      reason: `${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}: a managed package whose automation is opaque to the review`,
    })),
  ];
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import type { IntegrationUsersReport } from '../../../src/review/sections/integration-users.js';
import { type DxFile, writePolicy, writeProject } from '../../helpers/dx-project.js';

export type PermOptions = { policy?: string; assignments?: string; baseline?: string };

/** Reviews a small DX project, with an optional policy, assignments export and permission baseline (file texts). */
export async function reviewPerm(files: DxFile[], options: PermOptions = {}): Promise<Review & { root: string }> {
  const root = writeProject(files);
  if (options.policy !== undefined) writePolicy(root, options.policy);
  if (options.assignments !== undefined) writeFileSync(join(root, 'assignments.csv'), options.assignments);
  if (options.baseline !== undefined) writeFileSync(join(root, 'baseline.json'), options.baseline);
  const done = await review({
    baseDir: root,
    sourceDirs: [],
    asOf: '2026-11-23',
    ...(options.assignments !== undefined ? { assignmentsFile: 'assignments.csv' } : {}),
    ...(options.baseline !== undefined ? { permissionBaselineFile: 'baseline.json' } : {}),
  });
  expect(done.result.ruleErrors).toEqual([]);
  expect(done.result.parseIssues).toEqual([]);
  return { ...done, root };
}

/** The perm/* and cloned-permission-set findings. */
export async function permFindings(files: DxFile[], options: PermOptions = {}): Promise<Finding[]> {
  const { result } = await reviewPerm(files, options);
  return result.findings.filter((finding) => finding.ruleId.startsWith('perm/') || finding.ruleId === 'hygiene/cloned-permission-set');
}

/** `critical perm/integration-dangerous-permission PermissionSet Mule_Integration` */
export const brief = (finding: Finding): string => `${finding.severity} ${finding.ruleId} ${finding.components[0]!.type} ${finding.components[0]!.name}`;

export const principalsOf = (result: Review['result']): IntegrationUsersReport['principals'] =>
  (result.integrationUsers as IntegrationUsersReport | undefined)?.principals ?? [];

import { expect } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { type Review, review } from '../../../src/review/review.js';
import { type DxFile, writePolicy, writeProject } from '../../helpers/dx-project.js';

export const AS_OF = '2026-11-23';

/** Reviews a small DX project (with an optional arch-review.yml) and returns the whole review. */
export async function reviewProject(files: DxFile[], options: { policy?: string; asOf?: string; objects?: string[] } = {}): Promise<Review> {
  const root = writeProject(files);
  if (options.policy !== undefined) writePolicy(root, options.policy);
  const result = await review({ baseDir: root, sourceDirs: [], asOf: options.asOf ?? AS_OF, ...(options.objects ? { objects: options.objects } : {}) });
  expect(result.result.ruleErrors).toEqual([]);
  expect(result.result.parseIssues).toEqual([]);
  return result;
}

/** The findings of one rule. */
export async function findingsOf(ruleId: string, files: DxFile[], options: { policy?: string; asOf?: string; objects?: string[] } = {}): Promise<Finding[]> {
  const { result } = await reviewProject(files, options);
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** `low Flow Ticket_Pilot` */
export const brief = (finding: Finding): string => `${finding.severity} ${finding.components.map((component) => `${component.type} ${component.name}`).join(' > ')}`;

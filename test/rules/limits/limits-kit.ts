import { expect } from 'vitest';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import { type DxFile, writeProject } from '../../helpers/dx-project.js';

/** Reviews a small DX project and returns the findings of one rule (no rule errors, no parse issues). */
export async function ruleFindings(files: DxFile[], ruleId: string): Promise<Finding[]> {
  const root = writeProject(files);
  const { result } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
  expect(result.ruleErrors).toEqual([]);
  expect(result.parseIssues).toEqual([]);
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** `severity object component` per finding, for compact assertions. */
export const summary = (list: Finding[]): string[] => list.map((finding) => `${finding.severity} ${finding.object ?? '-'} ${finding.components.map((component) => component.name).join(' > ')}`);

import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compactResult } from '../review/compact.js';
import type { ReviewDetail } from '../review/review.js';
import type { ReviewResult } from '../review/result.js';
import { renderHtml } from './html/index.js';
import { renderMarkdown } from './markdown/index.js';
import { renderSarif } from './sarif.js';
import { stableStringify } from './stable-json.js';

export type ReportFormat = 'markdown' | 'json' | 'sarif' | 'html';

export type Renderer = (result: ReviewResult) => string;

/** Every output format of `sf arch review`: pure functions of the result. */
export const renderers: Record<ReportFormat, Renderer> = {
  markdown: renderMarkdown,
  json: (result) => `${stableStringify(result)}\n`,
  sarif: renderSarif,
  html: renderHtml,
};

/** `--format json`: the compact result by default, today's whole result with `--detail full`. `onTick` is called now and then while it writes. */
export function renderJson(result: ReviewResult, detail: ReviewDetail = 'compact', onTick?: () => void): string {
  return `${stableStringify(detail === 'full' ? result : compactResult(result), 2, onTick)}\n`;
}

export const REPORT_FORMATS = Object.keys(renderers) as ReportFormat[];

export { renderMarkdown, stableStringify };

/**
 * Writes `--output-file` atomically: a temporary file in the same folder, then a rename, so a reader
 * never sees half a report and a failed run never leaves one. Creates the folder when missing.
 * Returns the absolute path written.
 */
export async function writeFileAtomic(file: string, text: string): Promise<string> {
  const target = resolve(file);
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  const temp = join(folder, `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return target;
}

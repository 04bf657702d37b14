import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ReviewResult } from '../review/result.js';
import { renderMarkdown } from './markdown/index.js';

export type ReportFormat = 'markdown' | 'json';

export type Renderer = (result: ReviewResult) => string;

/** Every output format of `sf arch review`: pure functions of the result. */
export const renderers: Record<ReportFormat, Renderer> = {
  markdown: renderMarkdown,
  json: (result) => `${stableStringify(result)}\n`,
};

export const REPORT_FORMATS = Object.keys(renderers) as ReportFormat[];

export { renderMarkdown };

/**
 * JSON with object keys sorted recursively (by UTF-16 code unit, not locale) and array order kept, two
 * spaces: the same value always gives the same bytes, so reports diff cleanly between releases.
 * Like JSON.stringify, it drops undefined and function properties, writes them as `null` in arrays,
 * writes non-finite numbers as `null` and honours `toJSON`.
 */
export function stableStringify(value: unknown, indent = 2): string {
  return write(value, '', ' '.repeat(indent)) ?? 'null';
}

function write(value: unknown, margin: string, step: string): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return String(value);
    case 'bigint':
      throw new TypeError('stableStringify: BigInt has no JSON form');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const inner = margin + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => `${inner}${write(item, inner, step) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${margin}]`;
  }
  const entries = Object.keys(value as object)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => [key, write((value as Record<string, unknown>)[key], inner, step)] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, text]) => `${inner}${JSON.stringify(key)}: ${text}`).join(',\n')}\n${margin}}`;
}

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

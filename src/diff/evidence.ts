import type { SourceRef } from '../metadata/model.js';

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareRefs(a: SourceRef, b: SourceRef): number {
  return compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0);
}

/** Distinct references, sorted by file and line. */
export function uniqueRefs(refs: Iterable<SourceRef>): SourceRef[] {
  const byKey = new Map<string, SourceRef>();
  for (const ref of refs) byKey.set(`${ref.file}|${ref.line ?? ''}`, ref.line !== undefined ? { file: ref.file, line: ref.line } : { file: ref.file });
  return [...byKey.values()].sort(compareRefs);
}

export function refText(ref: SourceRef | undefined): string {
  if (!ref) return '';
  return ref.line !== undefined ? `${ref.file}:${ref.line}` : ref.file;
}

import { relative, sep } from 'node:path';

/** A path as shown in reports: relative to the review's base folder, with `/` separators. */
export function displayPath(base: string, absolute: string): string {
  const rel = relative(base, absolute);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

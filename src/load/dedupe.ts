import { realpathSync } from 'node:fs';
import type { ParseIssue } from '../metadata/model.js';
import type { DiscoveredComponent } from './discover.js';

/** Parents whose parts may legitimately sit in several package directories: the model merges them. */
const MERGED_TYPES = new Set(['CustomObject']);

/**
 * Keeps each component once. The same file reached twice (a symlink, a symlink loop) is dropped
 * quietly; the same component in two package directories is a ParseIssue
 * naming both, and only the first (in package directory order) is reviewed, so nothing is counted twice.
 * Paths are resolved only for names that collide, so the common case costs one map lookup.
 */
export function dedupeComponents(components: readonly DiscoveredComponent[], dirOf: (index: number) => number): { components: DiscoveredComponent[]; issues: ParseIssue[] } {
  const kept = new Map<string, DiscoveredComponent[]>();
  const dirs = new Map<DiscoveredComponent, number>();
  const out: DiscoveredComponent[] = [];
  const issues: ParseIssue[] = [];
  for (const [index, component] of components.entries()) {
    dirs.set(component, dirOf(index));
    const key = `${component.type}\u0000${component.fullName}`;
    const earlier = MERGED_TYPES.has(component.type) ? undefined : kept.get(key);
    if (!earlier) {
      kept.set(key, [component]);
      out.push(component);
      continue;
    }
    const path = realPath(component);
    if (earlier.some((other) => realPath(other) === path)) continue;
    earlier.push(component);
    // Within one package directory, copies (config variants of a profile) are all read, as before.
    if (earlier.every((other) => dirs.get(other) === dirs.get(component))) {
      out.push(component);
      continue;
    }
    issues.push({
      file: component.file,
      type: component.type,
      message: `${component.type} ${component.fullName} is defined in more than one place (${earlier[0]!.file} and ${component.file}); only ${earlier[0]!.file} is reviewed`,
    });
  }
  return { components: out, issues };
}

function realPath(component: DiscoveredComponent): string {
  const path = component.anchor?.path ?? component.xmlPath ?? component.contentPath;
  if (path === undefined) return component.file;
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

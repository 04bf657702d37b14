import type { ParseIssue } from '../metadata/model.js';
import { DiscoveryCache } from './cache/discovery-cache.js';
import { claimNamespace } from './cache/namespace.js';
import { dedupeComponents } from './dedupe.js';
import type { DiscoveredComponent } from './discover.js';
import { appendAll } from '../shared/arrays.js';
import { compare } from '../shared/compare.js';

export type LoadedComponents = {
  components: DiscoveredComponent[];
  issues: ParseIssue[];
  /** Removes temp folders made for conversion; call once the files have been read. */
  dispose: () => void;
};

export type LoadOptions = {
  /** The parse cache's folder for this build (`<root>/<namespace>`): discovery is cached beside the parse results. */
  cacheDir?: string;
};

/**
 * Finds every component in the source folders, in source or metadata-API format (mixed freely),
 * and says which file to read and which to show for each. With a cache, a folder whose paths did not
 * change since the last run is not resolved again (and SDR is not loaded at all when none changed).
 */
export async function loadComponents(sourceDirs: readonly string[], base: string, options: LoadOptions = {}): Promise<LoadedComponents> {
  const issues: ParseIssue[] = [];
  const disposers: Array<() => void> = [];
  const found: DiscoveredComponent[] = [];
  const dirEnds: number[] = [];
  if (options.cacheDir) claimNamespace(options.cacheDir);
  const cache = options.cacheDir ? new DiscoveryCache(options.cacheDir) : undefined;
  for (const dir of sourceDirs) {
    const cached = cache?.lookup(dir, base);
    if (cached?.hit) {
      appendAll(found, cached.hit.components);
      appendAll(issues, cached.hit.issues);
      dirEnds.push(found.length);
      continue;
    }
    const { discoverWithSdr } = await import('./sdr-discovery.js');
    const dirIssues: ParseIssue[] = [];
    const discovered = await discoverWithSdr(dir, base, dirIssues, disposers);
    appendAll(found, discovered.components);
    dirEnds.push(found.length);
    appendAll(issues, dirIssues);
    // Converted components live in temp folders that are gone after this run: not cacheable.
    if (cache && cached?.key && !discovered.converted) cache.store(dir, base, cached.key, { components: discovered.components, issues: dirIssues });
  }
  // Before sorting: the first package directory wins a duplicate.
  const unique = dedupeComponents(found, (index) => dirEnds.findIndex((end) => index < end));
  appendAll(issues, unique.issues);
  const components = unique.components.sort(compareComponents);
  return { components, issues, dispose: () => disposers.forEach((dispose) => dispose()) };
}

function compareComponents(a: DiscoveredComponent, b: DiscoveredComponent): number {
  return compare(a.type, b.type) || compare(a.fullName, b.fullName) || compare(a.file, b.file);
}

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { ParseIssue } from '../metadata/model.js';
import { messageOf } from './parse/errors.js';
import { displayPath } from './paths.js';
import { isJunkFile, JUNK_MESSAGE, JUNK_TYPE } from './junk-files.js';

/** One metadata component found on disk, with the files to read and the file to show. */
export type DiscoveredComponent = {
  type: string;
  fullName: string;
  /** Absolute path of the metadata XML to parse (may be a converted copy in a temp folder). */
  xmlPath?: string;
  /** Absolute path of the body (Apex `.cls`/`.trigger`). */
  contentPath?: string;
  /** The file a reviewer opens, relative to the base folder. */
  file: string;
  /** When `xmlPath` is a converted copy: where to find the component's line in the original file. */
  anchor?: { path: string; marker: string };
};

export type Discovery = {
  components: DiscoveredComponent[];
  issues: ParseIssue[];
};

/** Resolves a folder with SDR. When SDR rejects the folder, narrows down to the entries it rejects. */
export function resolveWithSdr(dir: string, base: string, issues: ParseIssue[]): SourceComponent[] {
  try {
    return ComponentSet.fromSource(dir).getSourceComponents().toArray();
  } catch (error) {
    let isDirectory = false;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      // unreadable: reported below
    }
    if (!isDirectory) {
      issues.push(isJunkFile(dir) ? { file: displayPath(base, dir), type: JUNK_TYPE, message: JUNK_MESSAGE } : { file: displayPath(base, dir), type: 'Unknown', message: `could not be resolved as metadata: ${messageOf(error).replace(`${dir}: `, '')}` });
      return [];
    }
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (readError) {
      issues.push({ file: displayPath(base, dir), type: 'Unknown', message: `folder could not be read: ${messageOf(readError)}` });
      return [];
    }
    return entries.flatMap((entry) => resolveWithSdr(join(dir, entry), base, issues));
  }
}

/**
 * Components of a source-format tree, with the children of decomposed types (a CustomObject's fields,
 * validation rules, ...) listed on their own. Children of other types (a Workflow's rules) live inside
 * the parent's file and are read by the parent's parser, so they are not listed twice.
 */
export function flattenComponents(components: SourceComponent[]): SourceComponent[] {
  const seen = new Set<string>();
  const out: SourceComponent[] = [];
  const add = (component: SourceComponent): void => {
    const key = `${component.type.name}\u0000${component.fullName}\u0000${component.xml ?? component.content ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(component);
  };
  for (const component of components) {
    add(component);
    if (component.type.strategies?.adapter === 'decomposed') for (const child of component.getChildren()) add(child);
  }
  return out;
}

export { messageOf } from './parse/errors.js';

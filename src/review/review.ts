import { loadComponents } from '../load/load-components.js';
import { parseComponents } from '../load/parse-components.js';
import { displayPath } from '../load/paths.js';
import { resolveSourceDirs } from '../load/project.js';
import type { MetadataModel, ParseIssue } from '../metadata/model.js';
import { type ModelSummary, summarizeModel } from './summary.js';

export const RESULT_SCHEMA_VERSION = '1';

export type ReviewConfig = {
  /** Folder that relative paths are read from and shown against (normally the current folder). */
  baseDir: string;
  /** `--source-dir` values; empty means the packageDirectories of sfdx-project.json. */
  sourceDirs: string[];
};

export type ReviewResult = {
  schemaVersion: string;
  sourceDirs: string[];
  summary: ModelSummary;
  parseIssues: ParseIssue[];
};

export type Review = {
  result: ReviewResult;
  model: MetadataModel;
};

/** The whole pipeline: flags → config → load → model → result. No printing, no exit codes. */
export async function review(config: ReviewConfig): Promise<Review> {
  const sourceDirs = resolveSourceDirs(config.baseDir, config.sourceDirs);
  const loaded = await loadComponents(sourceDirs, config.baseDir);
  let model: MetadataModel;
  try {
    model = parseComponents(loaded.components, sourceDirs.map((dir) => displayPath(config.baseDir, dir)));
  } finally {
    loaded.dispose();
  }
  model.parseIssues.push(...loaded.issues);
  model.parseIssues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.message < b.message ? -1 : 1));
  return {
    model,
    result: {
      schemaVersion: RESULT_SCHEMA_VERSION,
      sourceDirs: model.sourceDirs,
      summary: summarizeModel(model),
      parseIssues: model.parseIssues,
    },
  };
}

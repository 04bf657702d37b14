import { buildGraph } from '../graph/build/index.js';
import type { AutomationGraph } from '../graph/automation-graph.js';
import { GraphQueries } from '../graph/queries.js';
import { loadComponents } from '../load/load-components.js';
import { parseComponents } from '../load/parse-components.js';
import { displayPath } from '../load/paths.js';
import { resolveSourceDirs } from '../load/project.js';
import type { MetadataModel } from '../metadata/model.js';
import { PermissionIndex } from '../permissions/permission-index.js';
import { loadPolicy } from '../policy/load-policy.js';
import { RULES } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { runRules } from '../rules/runner.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from './result.js';
import { buildIntegrationUsersReport } from './sections/integration-users.js';
import { buildOwnershipReport } from './sections/ownership.js';
import { buildRecursionReport } from './sections/recursion.js';
import { buildSystemOfRecordReport } from './sections/system-of-record.js';
import { summarizeModel } from './summary.js';

export type { ReviewResult } from './result.js';

export type ReviewConfig = {
  /** Folder that relative paths are read from and shown against (normally the current folder). */
  baseDir: string;
  /** `--source-dir` values; empty means the packageDirectories of sfdx-project.json. */
  sourceDirs: string[];
  /** `--object` values: limit the report (and findings) to these objects. */
  objects?: string[];
  /** `--as-of` date (YYYY-MM-DD) for anything time-based; defaults to today. */
  asOf?: string;
  verbose?: boolean;
  /** `--policy FILE`; defaults to arch-review.yml in the base folder when present. */
  policyFile?: string;
};

export type Review = {
  result: ReviewResult;
  model: MetadataModel;
  graph: AutomationGraph;
};

/** Reads the project into the typed model. */
export async function loadModel(config: ReviewConfig): Promise<MetadataModel> {
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
  return model;
}

/** The model and its automation graph (what `sf arch graph` exports). */
export async function loadGraph(config: ReviewConfig): Promise<{ graph: AutomationGraph; model: MetadataModel }> {
  const model = await loadModel(config);
  return { model, graph: buildGraph(model) };
}

/** The whole pipeline: config → load → model → graph → rules → result. No printing, no exit codes. */
export async function review(config: ReviewConfig): Promise<Review> {
  // The policy first: an invalid policy file fails before any metadata is read.
  const policy = loadPolicy(config.baseDir, config.policyFile);
  const { model, graph } = await loadGraph(config);
  const queries = new GraphQueries(graph, model);
  const objectFilter = config.objects ?? [];
  const context: RuleContext = {
    model,
    queries,
    permissions: new PermissionIndex(model),
    policy,
    asOf: config.asOf ?? new Date().toISOString().slice(0, 10),
    objects: objectFilter,
    verbose: config.verbose ?? false,
  };
  const { findings, ruleErrors } = runRules(RULES, context);
  const sections = {
    recursion: buildRecursionReport(context),
    systemOfRecord: buildSystemOfRecordReport(context),
    integrationUsers: buildIntegrationUsersReport(context),
    ownership: buildOwnershipReport(context),
  };
  const reviewed = objectFilter.length > 0 ? objectFilter : queries.objectsWithAutomation();
  return {
    model,
    graph,
    result: {
      schemaVersion: RESULT_SCHEMA_VERSION,
      sourceDirs: model.sourceDirs,
      ...(objectFilter.length > 0 ? { objectFilter } : {}),
      ...(policy.file ? { policyFile: policy.file } : {}),
      warnings: policy.warnings,
      summary: summarizeModel(model),
      objects: reviewed.map((object) => queries.pipeline(object)),
      edges: graph.edges(),
      findings,
      ...Object.fromEntries(Object.entries(sections).filter(([, value]) => value !== undefined)),
      ruleErrors,
      parseIssues: model.parseIssues,
    },
  };
}

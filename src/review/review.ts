import { buildGraph } from '../graph/build/index.js';
import type { AutomationGraph } from '../graph/automation-graph.js';
import { GraphQueries } from '../graph/queries.js';
import { cacheDirFor } from '../load/cache/namespace.js';
import { loadComponents } from '../load/load-components.js';
import { parseComponents } from '../load/parse-components.js';
import { displayPath } from '../load/paths.js';
import { resolveSourceDirs } from '../load/project.js';
import type { MetadataModel } from '../metadata/model.js';
import { coverageGaps } from '../org/review-inputs.js';
import type { OrgSnapshot } from '../org/types.js';
import type { LoadedAssignments } from '../permissions/assignments.js';
import { loadIntegrationInputs } from '../permissions/integration-inputs.js';
import { PermissionIndex } from '../permissions/permission-index.js';
import type { PermissionSnapshot } from '../permissions/snapshot.js';
import { loadPolicy } from '../policy/load-policy.js';
import { selectRules } from '../gate/rule-selection.js';
import { RULES } from '../rules/index.js';
import { integrationAnalysis } from '../rules/perm/analysis.js';
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
  /** `--workers N`: parser threads (1 parses in the main thread). Default: one per core, one for small projects. */
  workers?: number;
  /** Use the parse cache under `<baseDir>/.sfdx/arch-review/cache/` (the command turns it on unless `--no-cache`). */
  cache?: boolean;
  /** `--baseline FILE`: a permission snapshot to compare integration permissions with. */
  permissionBaselineFile?: string;
  /** `--assignments FILE`: a PermissionSetAssignment export (users, profiles, permission sets, groups). */
  assignmentsFile?: string;
  /** Assignments read from an org (`--target-org`), instead of an `--assignments` file. */
  assignments?: LoadedAssignments;
  /** The org snapshot the source folder came from (`--target-org`): named in the report header. */
  org?: OrgSnapshot;
  /** `--rules` / `--exclude-rules`: rule ids or globs. */
  rules?: string[];
  excludeRules?: string[];
};

export type Review = {
  result: ReviewResult;
  model: MetadataModel;
  graph: AutomationGraph;
  /**
   * Every integration principal's effective permissions, for `--save-snapshot`: worked out when asked
   * (a million grants on a large org, and most runs do not save one).
   */
  permissionSnapshot: () => PermissionSnapshot;
};

/** Reads the project into the typed model. */
export async function loadModel(config: ReviewConfig): Promise<MetadataModel> {
  const sourceDirs = resolveSourceDirs(config.baseDir, config.sourceDirs);
  const cacheDir = config.cache ? cacheDirFor(config.baseDir) : undefined;
  const loaded = await loadComponents(sourceDirs, config.baseDir, { ...(cacheDir ? { cacheDir } : {}) });
  let model: MetadataModel;
  try {
    model = await parseComponents(loaded.components, sourceDirs.map((dir) => displayPath(config.baseDir, dir)), {
      ...(config.workers !== undefined ? { workers: config.workers } : {}),
      ...(cacheDir ? { cacheDir } : {}),
    });
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
  // So do a bad permission baseline or assignments export.
  const loadedInputs = loadIntegrationInputs(config.baseDir, {
    ...(config.permissionBaselineFile ? { baselineFile: config.permissionBaselineFile } : {}),
    ...(config.assignmentsFile ? { assignmentsFile: config.assignmentsFile } : {}),
  });
  const integration = config.assignments ? { ...loadedInputs, assignments: config.assignments } : loadedInputs;
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
    ...(integration ? { integration } : {}),
  };
  const selection = selectRules(RULES, { ...(config.rules ? { rules: config.rules } : {}), ...(config.excludeRules ? { excludeRules: config.excludeRules } : {}), policy });
  const { findings, ruleErrors } = runRules(selection.rules, context);
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
    permissionSnapshot: () => integrationAnalysis(context).snapshot(),
    result: {
      schemaVersion: RESULT_SCHEMA_VERSION,
      sourceDirs: model.sourceDirs,
      ...(objectFilter.length > 0 ? { objectFilter } : {}),
      ...(policy.file ? { policyFile: policy.file } : {}),
      ...(config.org ? { org: orgSummary(config.org) } : {}),
      warnings: [...policy.warnings, ...selection.warnings, ...graph.notes()],
      rules: selection.summaries,
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

/** What the report says of a reviewed org: which org, when it was read, and what it does not cover. */
function orgSummary(snapshot: OrgSnapshot): NonNullable<ReviewResult['org']> {
  return {
    id: snapshot.org.id,
    username: snapshot.org.username,
    instanceUrl: snapshot.org.instanceUrl,
    apiVersion: snapshot.org.apiVersion,
    retrievedAt: snapshot.org.retrievedAt,
    fromCache: snapshot.fromCache,
    notCovered: coverageGaps(snapshot),
  };
}

import { buildGraph } from '../graph/build/index.js';
import type { AutomationGraph } from '../graph/automation-graph.js';
import { GraphQueries } from '../graph/queries.js';
import { cacheDirFor } from '../load/cache/namespace.js';
import { StampIndex } from '../load/cache/stamps.js';
import { type LoadedComponents, loadComponents } from '../load/load-components.js';
import { parseComponents } from '../load/parse-components.js';
import { displayPath } from '../load/paths.js';
import { resolveSourceDirs } from '../load/project.js';
import type { MetadataModel, ParseIssue } from '../metadata/model.js';
import { messageOf } from '../load/parse/errors.js';
import { type CaughtFailure, withContext, withContextAsync } from '../shared/failures.js';
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
import type { Rule, RuleContext } from '../rules/rule.js';
import { compareFindings, type ReusedFindings, type RuleRun, runRules } from '../rules/runner.js';
import type { IntegrationInputs } from '../permissions/integration-inputs.js';
import type { LoadedPolicy } from '../policy/policy.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from './result.js';
import { buildIntegrationUsersReport } from './sections/integration-users.js';
import { buildOwnershipReport } from './sections/ownership.js';
import { buildRecursionReport } from './sections/recursion.js';
import { buildSystemOfRecordReport } from './sections/system-of-record.js';
import { summarizeModel } from './summary.js';
import { appendAll } from '../shared/arrays.js';

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
  /** `compact` leaves out what only the full report shows (sections, pipelines, edges). Default: full. */
  detail?: ReviewDetail;
  /**
   * Reuse a whole result when no input changed (`<baseDir>/.sfdx/arch-review/results/`); only with
   * `cache`, and only through `cachedReview` (a hit has no model or graph to return).
   */
  resultCache?: boolean;
  /** Told when a stage starts (and how far it is); `--json` and non-TTY runs pass none. */
  onProgress?: (stage: string, detail?: string) => void;
};

export type ReviewDetail = 'compact' | 'full';

export type Review = {
  result: ReviewResult;
  model: MetadataModel;
  graph: AutomationGraph;
  /**
   * Every integration principal's effective permissions, for `--save-snapshot`: worked out when asked
   * (a million grants on a large org, and most runs do not save one).
   */
  permissionSnapshot: () => PermissionSnapshot;
  /** Everything the review caught and reported (graph builders, rules, sections), with the original errors for `--dev-debug`. */
  failures: CaughtFailure[];
  /** The ids of the rules that ran (or whose earlier findings were reused), in run order. */
  rulesRun: string[];
};

/** Reads the project into the typed model. */
export function loadModel(config: ReviewConfig): Promise<MetadataModel> {
  return withContextAsync({ stage: 'reading the metadata' }, async () => {
    const found = await discover(config);
    try {
      return await parseDiscovered(config, found);
    } finally {
      found.loaded.dispose();
    }
  });
}

/** What discovery found, with the folders and cache it ran with: the result cache keys on it before anything is parsed. */
export type Discovered = {
  loaded: LoadedComponents;
  sourceDirs: string[];
  cacheDir?: string;
  /** The parse cache's stamp index, read once for the result key and the parse (with a cache). */
  stamps?: () => StampIndex;
};

/** Finds the project's components (SDR, or the discovery cache). The caller disposes `loaded`. */
export async function discover(config: ReviewConfig): Promise<Discovered> {
  const sourceDirs = resolveSourceDirs(config.baseDir, config.sourceDirs);
  const cacheDir = config.cache ? cacheDirFor(config.baseDir) : undefined;
  const loaded = await loadComponents(sourceDirs, config.baseDir, { ...(cacheDir ? { cacheDir } : {}) });
  if (!cacheDir) return { loaded, sourceDirs };
  let stamps: StampIndex | undefined;
  return { loaded, sourceDirs, cacheDir, stamps: () => (stamps ??= StampIndex.load(cacheDir)) };
}

/** Parses what discovery found into the model. */
export async function parseDiscovered(config: ReviewConfig, { loaded, sourceDirs, cacheDir, stamps }: Discovered): Promise<MetadataModel> {
  config.onProgress?.('parsing', `${loaded.components.length} components`);
  const model = await parseComponents(loaded.components, sourceDirs.map((dir) => displayPath(config.baseDir, dir)), {
    ...(config.workers !== undefined ? { workers: config.workers } : {}),
    ...(cacheDir ? { cacheDir } : {}),
    ...(stamps ? { stamps: stamps() } : {}),
  });
  appendAll(model.parseIssues, loaded.issues);
  model.parseIssues.sort(compareIssues);
  return model;
}

/** The model and its automation graph (what `sf arch graph` exports). */
export async function loadGraph(config: ReviewConfig): Promise<{ graph: AutomationGraph; model: MetadataModel }> {
  return graphOf(config, await loadModel(config));
}

/** Builds the automation graph of a loaded model; a builder that fails becomes a parse issue. */
export function graphOf(config: ReviewConfig, model: MetadataModel): { graph: AutomationGraph; model: MetadataModel } {
  config.onProgress?.('building the automation graph', `${model.objects.length} objects, ${model.flows.length} flows, ${model.apexTriggers.length} triggers`);
  const graph = withContext({ stage: 'building the automation graph' }, () => buildGraph(model));
  // A component whose graph builder failed is reported like a file that could not be read.
  for (const { context, error } of graph.failures()) {
    model.parseIssues.push({ file: context.file ?? '', type: context.component?.split(' ')[0] ?? 'Unknown', message: `could not be analysed (${messageOf(error)}): it is left out of the automation graph` });
  }
  if (graph.failures().length > 0) model.parseIssues.sort(compareIssues);
  return { model, graph };
}

/** What the review reads besides the project: read first, so a bad policy or input file fails before any metadata is read. */
export type ReviewInputs = { policy: LoadedPolicy; integration?: IntegrationInputs };

export function readInputs(config: ReviewConfig): ReviewInputs {
  const policy = loadPolicy(config.baseDir, config.policyFile);
  const loadedInputs = loadIntegrationInputs(config.baseDir, {
    ...(config.permissionBaselineFile ? { baselineFile: config.permissionBaselineFile } : {}),
    ...(config.assignmentsFile ? { assignmentsFile: config.assignmentsFile } : {}),
  });
  const integration = config.assignments ? { ...loadedInputs, assignments: config.assignments } : loadedInputs;
  return { policy, ...(integration ? { integration } : {}) };
}

/** The whole pipeline: config → load → model → graph → rules → result. No printing, no exit codes. */
export async function review(config: ReviewConfig): Promise<Review> {
  const inputs = readInputs(config);
  const { model, graph } = await loadGraph(config);
  return analyse(config, inputs, model, graph);
}

/**
 * Rules, report sections and the result, on a loaded model and graph. With `detail: 'compact'` the
 * sections, pipelines and edges are left out (the compact JSON has none of them).
 */
export function analyse(config: ReviewConfig, { policy, integration }: ReviewInputs, model: MetadataModel, graph: AutomationGraph, reused?: ReusedFindings): Review {
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
  const { findings, ruleErrors, failures } = withContext({ stage: 'running rules' }, () => runRulesWithProgress(selection.rules, context, config.onProgress, reused));
  appendAll(failures, graph.failures());
  // A section or an object's pipeline that fails is reported like a rule that failed; the rest of the report stands.
  const attempt = <T>(id: string, component: string | undefined, work: () => T): T | undefined => {
    try {
      return work();
    } catch (error) {
      ruleErrors.push({ ruleId: id, message: component ? `${component}: ${messageOf(error)}` : messageOf(error) });
      failures.push({ context: { stage: `building the report (${id})`, ...(component ? { component } : {}) }, error });
      return undefined;
    }
  };
  const full = config.detail !== 'compact';
  if (full) config.onProgress?.('building the report sections');
  const sections = full
    ? {
        recursion: attempt('section/recursion', undefined, () => buildRecursionReport(context)),
        systemOfRecord: attempt('section/system-of-record', undefined, () => buildSystemOfRecordReport(context)),
        integrationUsers: attempt('section/integration-users', undefined, () => buildIntegrationUsersReport(context)),
        ownership: attempt('section/ownership', undefined, () => buildOwnershipReport(context)),
      }
    : {};
  const reviewed = !full ? [] : objectFilter.length > 0 ? objectFilter : queries.objectsWithAutomation();
  const pipelines = reviewed.flatMap((object) => attempt('section/automation-by-object', object, () => queries.pipeline(object)) ?? []);
  return {
    model,
    graph,
    permissionSnapshot: () => integrationAnalysis(context).snapshot(),
    failures,
    rulesRun: selection.rules.map((rule) => rule.meta.id),
    result: {
      schemaVersion: RESULT_SCHEMA_VERSION,
      sourceDirs: model.sourceDirs,
      ...(objectFilter.length > 0 ? { objectFilter } : {}),
      ...(policy.file ? { policyFile: policy.file } : {}),
      ...(config.org ? { org: orgSummary(config.org) } : {}),
      warnings: [...policy.warnings, ...selection.warnings, ...graph.notes()],
      rules: selection.summaries,
      summary: summarizeModel(model),
      objects: pipelines,
      edges: full ? graph.edges() : [],
      findings,
      ...Object.fromEntries(Object.entries(sections).filter(([, value]) => value !== undefined)),
      ruleErrors,
      parseIssues: model.parseIssues,
    },
  };
}

/** One rule at a time, for progress; the same findings, errors and order as running them together. */
function runRulesWithProgress(rules: readonly Rule[], context: RuleContext, onProgress: ReviewConfig['onProgress'], reused: ReusedFindings | undefined): RuleRun {
  if (!onProgress) return runRules(rules, context, reused);
  const run: RuleRun = { findings: [], ruleErrors: [], failures: [] };
  rules.forEach((rule, index) => {
    onProgress('running rules', `${index + 1}/${rules.length} ${rule.meta.id}${reused?.has(rule.meta.id) ? ' (unchanged)' : ''}`);
    const one = runRules([rule], context, reused);
    appendAll(run.findings, one.findings);
    appendAll(run.ruleErrors, one.ruleErrors);
    appendAll(run.failures, one.failures);
  });
  run.findings.sort(compareFindings);
  return run;
}

function compareIssues(a: ParseIssue, b: ParseIssue): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
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

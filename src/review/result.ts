import type { GateReport } from '../gate/types.js';
import type { ObjectPipeline } from '../graph/pipeline-types.js';
import type { GraphEdge } from '../graph/types.js';
import type { ParseIssue } from '../metadata/model.js';
import type { Finding } from './finding.js';
import type { IntegrationUsersReport } from './sections/integration-users.js';
import type { OwnershipReport } from './sections/ownership.js';
import type { RecursionReport } from './sections/recursion.js';
import type { SystemOfRecordReport } from './sections/system-of-record.js';
import type { ModelSummary } from './summary.js';
import type { Trend } from '../trend/types.js';

export const RESULT_SCHEMA_VERSION = '2';

/** A rule that threw: reported, never swallowed; the other rules' findings stand. */
export type RuleError = { ruleId: string; message: string };

/** What a review returns: the `--json` result, and what every renderer draws from. The release
 * gate's fields (rules that ran, baseline, fixed and accepted findings, verdict) are optional. */
export type ReviewResult = GateReport & {
  schemaVersion: string;
  sourceDirs: string[];
  /** `--object` filters, when given. */
  objectFilter?: string[];
  /** The policy file read, when there is one. */
  policyFile?: string;
  /** With `--target-org`: the org reviewed, when it was retrieved, and what the review does not cover. */
  org?: {
    id: string;
    username: string;
    instanceUrl: string;
    apiVersion: string;
    retrievedAt: string;
    fromCache: boolean;
    notCovered: Array<{ type: string; fullName: string; reason: string }>;
  };
  /** Problems that did not stop the review (unknown policy keys, ...). */
  warnings: string[];
  /** Inventory: what was read, per type and object. */
  summary: ModelSummary;
  /** Per object, the automation a save runs, in execution order. */
  objects: ObjectPipeline[];
  /** The automation graph's edges (between node ids such as `object:Account`, `flow:Account_After_Save`). */
  edges: GraphEdge[];
  findings: Finding[];
  /** Per-topic report data (each renders its own section). */
  recursion?: RecursionReport;
  systemOfRecord?: SystemOfRecordReport;
  integrationUsers?: IntegrationUsersReport;
  ownership?: OwnershipReport;
  ruleErrors: RuleError[];
  parseIssues: ParseIssue[];
  /** With `--history`: counts per run and what changed since the last one (never in the result cache). */
  trend?: Trend;
};

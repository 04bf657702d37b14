import type { GraphQueries } from '../graph/queries.js';
import type { IntegrationInputs } from '../permissions/integration-inputs.js';
import type { PermissionIndex } from '../permissions/permission-index.js';
import type { LoadedPolicy } from '../policy/policy.js';
import type { MetadataModel } from '../metadata/model.js';
import type { Finding, FindingComponent, FindingEvidence, Severity } from '../review/finding.js';

export type RuleMeta = {
  /** `category/kebab-name` */
  id: string;
  category: string;
  defaultSeverity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** Path of the rule's docs page in the repo (`docs/rules/<category>/<name>.md`). */
  docs: string;
};

/** What a rule reads: the model and the graph (through queries). Rules never touch the file system. */
export type RuleContext = {
  model: MetadataModel;
  queries: GraphQueries;
  /** Who may do what: profiles, permission sets, groups and their grants. */
  permissions: PermissionIndex;
  /** `arch-review.yml` (empty when the project has none). */
  policy: LoadedPolicy;
  /** The review date (`--as-of`), YYYY-MM-DD, for anything time-based. */
  asOf: string;
  /** Objects the review is limited to (`--object`); empty means all. */
  objects: string[];
  verbose: boolean;
  /** `--baseline` (permission snapshot) and `--assignments`, read before the rules run, when given. */
  integration?: IntegrationInputs;
};

/** A finding as a rule reports it; the runner adds the rule id, category and fingerprint. */
export type RuleFinding = {
  severity: Severity;
  message: string;
  object?: string;
  components: FindingComponent[];
  evidence: FindingEvidence[];
  /** What identifies this finding across edits (component names, the chain), never lines or text. */
  identity: string[];
};

export type Rule = {
  meta: RuleMeta;
  run(context: RuleContext): RuleFinding[];
};

export function docsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export type { Finding };

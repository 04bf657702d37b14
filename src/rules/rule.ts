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
  /**
   * The metadata types whose files the rule's findings depend on (SDR type names, as a ParseIssue's
   * `type` gives them). The release gate calls a review incomplete only for files that could not be
   * read of a type some enabled rule reads: a broken layout never makes a recursion review incomplete.
   */
  reads: readonly MetadataTypeName[];
};

/** The metadata types the model is read from (what the loader parses: src/load/parse/handlers.ts). */
export type MetadataTypeName =
  | 'ApexClass'
  | 'ApexTrigger'
  | 'CustomField'
  | 'CustomMetadata'
  | 'CustomObject'
  | 'CustomPermission'
  | 'Flow'
  | 'MutingPermissionSet'
  | 'PermissionSet'
  | 'PermissionSetGroup'
  | 'Profile'
  | 'ValidationRule'
  | 'Workflow';

/*
 * The rules list their types literally (data, easy to read next to the rule). A rule that asks the
 * automation graph (`queries`) reads everything the graph is built from: ApexClass, ApexTrigger,
 * CustomField, CustomMetadata, CustomObject, Flow, ValidationRule, Workflow. The permission index reads
 * MutingPermissionSet, PermissionSet, PermissionSetGroup and Profile.
 */

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

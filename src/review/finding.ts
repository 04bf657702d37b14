/** The one shape every rule's findings take (JSON `findings[]`, every renderer). */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export type FindingComponent = {
  /** Metadata type: Flow, ApexTrigger, ApexClass, ValidationRule, WorkflowRule, CustomField, PermissionSet, ... */
  type: string;
  name: string;
  file: string;
  line?: number;
};

export type FindingEvidence = {
  text: string;
  file?: string;
  line?: number;
};

export type Finding = {
  /** `category/kebab-name`, e.g. `recursion/cross-object-cycle`. */
  ruleId: string;
  severity: Severity;
  category: string;
  message: string;
  object?: string;
  components: FindingComponent[];
  evidence: FindingEvidence[];
  /** Stable across unrelated edits: rule id + the components and path involved, never lines or text. */
  fingerprint: string;
  /** Against a baseline (`--base-ref`, `--baseline`): new in this release or existing before it. */
  baselineState?: 'new' | 'existing';
};

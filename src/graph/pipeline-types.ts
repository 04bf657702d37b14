import type { SourceRef } from '../metadata/model.js';
import type { AutomationType, Confidence, ImplicitReason, WriteOperation } from './types.js';

/**
 * The steps of a record save, per the Apex Developer Guide's "Triggers and Order of Execution".
 * `covered` says whether this version reads the metadata for that step, so a report never implies
 * it knows more than it does.
 */
export const EXECUTION_STEPS = [
  { id: 'before-save-flows', label: 'Before-save flows', covered: true },
  { id: 'before-triggers', label: 'Before triggers', covered: true },
  { id: 'validation', label: 'System and custom validation rules', covered: true },
  { id: 'duplicate-rules', label: 'Duplicate rules', covered: false },
  { id: 'after-triggers', label: 'After triggers', covered: true },
  { id: 'assignment-rules', label: 'Assignment rules', covered: false },
  { id: 'auto-response-rules', label: 'Auto-response rules', covered: false },
  { id: 'workflow-rules', label: 'Workflow rules (field updates re-fire update triggers once)', covered: true },
  { id: 'escalation-rules', label: 'Escalation rules', covered: false },
  { id: 'process-builder', label: 'Process Builder', covered: true },
  { id: 'after-save-flows', label: 'After-save flows', covered: true },
  { id: 'entitlement-rules', label: 'Entitlement rules', covered: false },
  { id: 'parent-roll-ups', label: 'Roll-up summaries and cross-object workflow on the parent', covered: true },
  { id: 'sharing-rules', label: 'Criteria-based sharing', covered: false },
  { id: 'commit', label: 'Commit', covered: true },
  { id: 'post-commit', label: 'Post-commit: async paths, future/queueable jobs, platform event subscribers, outbound messages', covered: true },
] as const;

export type StepId = (typeof EXECUTION_STEPS)[number]['id'];

/** One thing an automation does, as shown in its pipeline row. */
export type EffectSummary = {
  /** Object written/read, endpoint called, event published, job enqueued. */
  target: string;
  fields?: string[];
  operation?: WriteOperation;
  targetsTriggeringRecord?: boolean;
  inMemory?: boolean;
  async?: boolean;
  implicit?: ImplicitReason;
  confidence: Confidence;
  path?: string[];
  note?: string;
  evidence: SourceRef;
};

export type PipelineEntry = {
  /** 1-based position in the object's pipeline. */
  position: number;
  step: StepId;
  automationId: string;
  automationType: AutomationType;
  name: string;
  label?: string;
  active: boolean;
  /** Events it fires on: create, update, delete, `before update`, ... */
  events: string[];
  criteria?: string;
  /** Where Salesforce orders it within the step, or says it does not. */
  order?: string;
  /** For post-commit entries: the automation that enqueued or published it. */
  via?: string;
  writes: EffectSummary[];
  reads: EffectSummary[];
  callsOut: EffectSummary[];
  changesAccess: EffectSummary[];
  publishes: EffectSummary[];
  enqueues: EffectSummary[];
  /** Calls into code the project does not hold (managed packages): what they do is not known. */
  notVisible: EffectSummary[];
  source?: SourceRef;
};

export type ObjectPipeline = {
  object: string;
  objectKind?: string;
  /** Active automation, in execution order. */
  entries: PipelineEntry[];
  /** Drafts, obsolete versions and inactive rules: deployed but not firing. */
  inactive: PipelineEntry[];
  /** Steps with automation this version does not read (duplicate rules, assignment rules, ...). */
  stepsNotCovered: StepId[];
  /** What Salesforce does not guarantee (order within a step), and similar cautions. */
  notes: string[];
};

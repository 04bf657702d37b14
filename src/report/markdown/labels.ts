import { EXECUTION_STEPS, type StepId } from '../../graph/pipeline-types.js';
import type { AutomationType, ImplicitReason } from '../../graph/types.js';
import type { SourceRef } from '../../metadata/model.js';
import { code } from '../markdown-escape.js';

/** How each automation type reads in a report. */
export const AUTOMATION_TYPE_LABELS: Record<AutomationType, string> = {
  flow: 'Flow',
  'process-builder': 'Process Builder',
  'apex-trigger': 'Apex trigger',
  'apex-method': 'Apex method',
  'validation-rule': 'Validation rule',
  'workflow-rule': 'Workflow rule',
  'workflow-field-update': 'Workflow field update',
  'outbound-message': 'Outbound message',
  'email-alert': 'Email alert',
  'roll-up-summary': 'Roll-up summary',
};

/** Short step names, for diagram nodes. */
const STEP_SHORT: Record<StepId, string> = {
  'before-save-flows': 'before-save flow',
  'before-triggers': 'before trigger',
  validation: 'validation',
  'duplicate-rules': 'duplicate rule',
  'after-triggers': 'after trigger',
  'assignment-rules': 'assignment rule',
  'auto-response-rules': 'auto-response rule',
  'workflow-rules': 'workflow',
  'escalation-rules': 'escalation rule',
  'process-builder': 'Process Builder',
  'after-save-flows': 'after-save flow',
  'entitlement-rules': 'entitlement rule',
  'parent-roll-ups': 'roll-up',
  'sharing-rules': 'sharing',
  commit: 'commit',
  'post-commit': 'after commit',
};

export const IMPLICIT_LABELS: Record<ImplicitReason, string> = {
  'roll-up-summary': 'implicit: roll-up summary recalculates the parent',
  'workflow-refire': 'implicit: workflow field update re-fires update triggers once',
  'cross-object-workflow': 'implicit: cross-object workflow field update',
};

export function typeLabel(type: AutomationType | string): string {
  return AUTOMATION_TYPE_LABELS[type as AutomationType] ?? type;
}

/** A step's name in the object table: the documented label, except post-commit, whose label lists every kind of async work. */
export function stepCell(step: StepId | string): string {
  return step === 'post-commit' ? 'Post-commit (async)' : stepLabel(step);
}

export function stepLabel(step: StepId | string): string {
  return EXECUTION_STEPS.find((candidate) => candidate.id === step)?.label ?? step;
}

export function stepShort(step: StepId | string): string {
  return STEP_SHORT[step as StepId] ?? step;
}

/** The order-of-execution steps this version does not read, as labels. */
export function uncoveredStepLabels(steps?: readonly string[]): string[] {
  const ids = steps ?? EXECUTION_STEPS.filter((step) => !step.covered).map((step) => step.id);
  return ids.map(stepLabel);
}

/** `file:line` as inline code, or nothing. */
export function sourceRef(source: SourceRef | undefined): string {
  if (!source) return '';
  return code(source.line !== undefined ? `${source.file}:${source.line}` : source.file);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Lists at most `max` items, then `+N more`. */
export function capped(items: string[], max: number, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}+${items.length - max} more`;
}

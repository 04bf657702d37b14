import type { Rule } from '../rule.js';
import { legacyProcessBuilder } from './process-builder.js';
import { legacyWorkflowRule } from './workflow-rule.js';

/** Exported through HYGIENE_RULES (src/rules/index.ts has no legacy line of its own). */
export const LEGACY_RULES: readonly Rule[] = [legacyProcessBuilder, legacyWorkflowRule];

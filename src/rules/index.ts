import { crossObjectCycle } from './recursion/cross-object-cycle.js';
import { eventLoop } from './recursion/event-loop.js';
import { selfUpdate } from './recursion/self-update.js';
import { workflowRefire } from './recursion/workflow-refire.js';
import type { Rule } from './rule.js';

/** Every rule, by id. Adding a rule: one file, one line here, one docs page (a test checks all three). */
export const RULES: readonly Rule[] = [crossObjectCycle, eventLoop, selfUpdate, workflowRefire].sort((a, b) =>
  a.meta.id < b.meta.id ? -1 : 1,
);

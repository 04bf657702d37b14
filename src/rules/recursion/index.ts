import type { Rule } from '../rule.js';
import { crossObjectCycle } from './cross-object-cycle.js';
import { eventLoop } from './event-loop.js';
import { selfUpdate } from './self-update.js';
import { workflowRefire } from './workflow-refire.js';

export const RECURSION_RULES: readonly Rule[] = [crossObjectCycle, eventLoop, selfUpdate, workflowRefire];

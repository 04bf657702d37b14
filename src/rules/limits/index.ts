import type { Rule } from '../rule.js';

export const LIMITS_RULES: readonly Rule[] = [];

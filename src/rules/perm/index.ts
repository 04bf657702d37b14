import type { Rule } from '../rule.js';

export const PERM_RULES: readonly Rule[] = [];

import type { Rule } from '../rule.js';

export const SOR_RULES: readonly Rule[] = [];

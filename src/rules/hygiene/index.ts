import type { Rule } from '../rule.js';

export const HYGIENE_RULES: readonly Rule[] = [];

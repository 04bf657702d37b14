import { HYGIENE_RULES } from './hygiene/index.js';
import { LIMITS_RULES } from './limits/index.js';
import { PERM_RULES } from './perm/index.js';
import { RECURSION_RULES } from './recursion/index.js';
import type { Rule } from './rule.js';
import { SOR_RULES } from './sor/index.js';

/** Every rule, sorted by id. Adding a rule: one file, one line in its category's index, one docs page. */
export const RULES: readonly Rule[] = [...RECURSION_RULES, ...LIMITS_RULES, ...SOR_RULES, ...PERM_RULES, ...HYGIENE_RULES].sort((a, b) =>
  a.meta.id < b.meta.id ? -1 : 1,
);

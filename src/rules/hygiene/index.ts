import { LEGACY_RULES } from '../legacy/index.js';
import type { Rule } from '../rule.js';
import { deprecatedStillUsed } from './deprecated-still-used.js';
import { expired } from './expired.js';
import { inactiveAutomation } from './inactive-automation.js';
import { missingExpiry } from './missing-expiry.js';
import { missingOwner } from './missing-owner.js';

/**
 * Hygiene rules, and the legacy ones (workflow rules, Process Builder), which ride along here.
 * hygiene/cloned-permission-set is registered by its owner in PERM_RULES (src/rules/perm/index.ts).
 */
export const HYGIENE_RULES: readonly Rule[] = [deprecatedStillUsed, expired, inactiveAutomation, missingExpiry, missingOwner, ...LEGACY_RULES];

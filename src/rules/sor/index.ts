import type { Rule } from '../rule.js';
import { foreignFieldWrite } from './foreign-field-write.js';
import { multipleWriters } from './multiple-writers.js';
import { policyMismatch } from './policy-mismatch.js';
import { unownedIntegrationField } from './unowned-integration-field.js';

export const SOR_RULES: readonly Rule[] = [foreignFieldWrite, multipleWriters, policyMismatch, unownedIntegrationField];

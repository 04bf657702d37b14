import type { Rule } from '../rule.js';
import { dmlInLoop } from './dml-in-loop.js';
import { soqlInLoop } from './soql-in-loop.js';
import { syncCalloutInTransaction } from './sync-callout-in-transaction.js';

export const LIMITS_RULES: readonly Rule[] = [dmlInLoop, soqlInLoop, syncCalloutInTransaction];

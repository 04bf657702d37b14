import { resolveFieldOwnership } from '../../policy/ownership.js';
import { type Rule, docsPath } from '../rule.js';
import { knownNames } from './support/known-names.js';
import { disagreements, missingPrincipals, overlaps, undeclaredTagSystems, unmatchedGlobs } from './support/policy-checks.js';

const id = 'sor/policy-mismatch';

/**
 * The policy and the project disagree: a glob or name in the policy matches nothing (a typo, a removed
 * field), globs of two systems claim a field equally, or a field description names another owner than the
 * policy. Every finding points at the policy line. Policy-level: `--object` does not filter it.
 */
export const policyMismatch: Rule = {
  meta: {
    id,
    category: 'sor',
    defaultSeverity: 'medium',
    description: 'The policy names fields, principals or owners the project does not have or contradicts.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile'],
  },
  run({ model, policy, queries }) {
    if (policy.file === undefined && Object.keys(policy.policy).length === 0) return [];
    const context = { model, policy, ownership: resolveFieldOwnership(model, policy), known: knownNames(model, queries) };
    return [...unmatchedGlobs(context), ...overlaps(context), ...disagreements(context), ...undeclaredTagSystems(context), ...missingPrincipals(context)];
  },
};

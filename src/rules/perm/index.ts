import { clonedPermissionSet } from '../hygiene/cloned-permission-set.js';
import type { Rule } from '../rule.js';
import { integrationBypass } from './integration-bypass.js';
import { integrationCreep } from './integration-creep.js';
import { integrationDangerousPermission } from './integration-dangerous-permission.js';
import { integrationFieldScope } from './integration-field-scope.js';
import { integrationInteractive } from './integration-interactive.js';
import { integrationObjectScope } from './integration-object-scope.js';

/** Integration-user permission rules (issue 6), and the cloned permission set rule that shares their grants. */
export const PERM_RULES: readonly Rule[] = [
  integrationBypass,
  integrationCreep,
  integrationDangerousPermission,
  integrationFieldScope,
  integrationInteractive,
  integrationObjectScope,
  clonedPermissionSet,
];

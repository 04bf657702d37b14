import { describe, expect, it } from 'vitest';
import { buildPolicyDraft } from '../../../src/policy/init/index.js';
import { loadModel } from '../../../src/review/review.js';
import { permissionContainer, writeProject } from '../../helpers/dx-project.js';

describe('policy init proposes the integration principals the permission rules see', () => {
  it('leaves Service Cloud "Service User" and "Service Agent" profiles out, keeps real integrations and an API-only service user', async () => {
    const root = writeProject([
      permissionContainer('Profile', 'Service User 01', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }),
      permissionContainer('Profile', 'Custom: Service Agent', { license: 'Salesforce', userPermissions: ['ApiEnabled'] }),
      permissionContainer('Profile', 'Service User API', { license: 'Salesforce', userPermissions: ['ApiEnabled', 'ApiUserOnly'] }),
      permissionContainer('PermissionSet', 'Workday_Integration', { description: 'Integration user: Workday HR feed.' }),
    ]);
    const draft = buildPolicyDraft(await loadModel({ baseDir: root, sourceDirs: [] }));
    const principals = draft.systems.flatMap((system) => [...system.profiles, ...system.permissionSets].map((entry) => `${system.key}: ${entry.name} (${entry.evidence})`));
    expect(principals.sort()).toEqual(['service: Service User API (ApiUserOnly)', 'workday: Workday_Integration (description: "Integration user: Workday HR feed")']);
  });
});

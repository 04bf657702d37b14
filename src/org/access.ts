import type { Connection } from '@salesforce/core';
import { queryAll } from './query.js';
import type { RetryContext } from './retry.js';
import type { OrgAssignment, OrgUser } from './types.js';

export const USERS_SOQL = 'SELECT Username, IsActive, Profile.Name, Profile.UserLicense.Name FROM User WHERE IsActive = true ORDER BY Username';

// Profile-owned permission sets stand for the profile; PermissionSetGroupId marks an assignment through a group.
export const ASSIGNMENTS_SOQL =
  'SELECT Assignee.Username, PermissionSet.Name, PermissionSet.IsOwnedByProfile, PermissionSet.Profile.Name, PermissionSetGroupId, PermissionSetGroup.DeveloperName ' +
  'FROM PermissionSetAssignment WHERE Assignee.IsActive = true ORDER BY Assignee.Username';

type UserRecord = { Username: string; IsActive: boolean; Profile?: { Name?: string; UserLicense?: { Name?: string } | null } | null };

type AssignmentRecord = {
  Assignee?: { Username?: string } | null;
  PermissionSet?: { Name?: string; IsOwnedByProfile?: boolean; Profile?: { Name?: string } | null } | null;
  PermissionSetGroupId?: string | null;
  PermissionSetGroup?: { DeveloperName?: string } | null;
};

/** Active users with their profile and user license. */
export async function queryUsers(conn: Connection, apiVersion: string, retry: RetryContext): Promise<OrgUser[]> {
  const records = await queryAll<UserRecord>(conn, USERS_SOQL, retry, { apiVersion });
  return records.map((record) => ({
    username: record.Username,
    isActive: record.IsActive,
    ...(record.Profile?.Name ? { profile: record.Profile.Name } : {}),
    ...(record.Profile?.UserLicense?.Name ? { userLicense: record.Profile.UserLicense.Name } : {}),
  }));
}

/** Who holds which permission set, group (through PermissionSetGroupId) or profile. */
export async function queryAssignments(conn: Connection, apiVersion: string, retry: RetryContext): Promise<OrgAssignment[]> {
  const records = await queryAll<AssignmentRecord>(conn, ASSIGNMENTS_SOQL, retry, { apiVersion });
  return records.flatMap((record): OrgAssignment[] => {
    const username = record.Assignee?.Username;
    if (!username) return [];
    if (record.PermissionSetGroupId) return [{ username, permissionSetGroup: record.PermissionSetGroup?.DeveloperName ?? record.PermissionSetGroupId }];
    if (record.PermissionSet?.IsOwnedByProfile) return record.PermissionSet.Profile?.Name ? [{ username, profile: record.PermissionSet.Profile.Name }] : [];
    return record.PermissionSet?.Name ? [{ username, permissionSet: record.PermissionSet.Name }] : [];
  });
}

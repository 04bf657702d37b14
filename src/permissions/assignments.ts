/**
 * Who holds what in the org, from `--assignments FILE` (a PermissionSetAssignment export). The project
 * only says what each profile and permission set grants; users and their assignments live in the org.
 */
import { compare } from '../shared/compare.js';

/** One row of the export. Empty cells are left out. */
export type Assignment = {
  username: string;
  permissionSet?: string;
  permissionSetGroup?: string;
  profile?: string;
  /** 1-based line in the file, for messages. */
  line: number;
};

/** One user's profile, permission sets and groups. */
export type UserAssignments = {
  username: string;
  profile?: string;
  permissionSets: string[];
  permissionSetGroups: string[];
  /** Line of the user's first row. */
  line: number;
};

/** The export and the file it came from (as shown in messages). */
export type LoadedAssignments = { file: string; rows: Assignment[] };

/**
 * Groups rows by user (usernames are case-insensitive in Salesforce). A row for a group carries the
 * group's internal permission set too, so only the group is kept; a profile's own permission set
 * (`X00e...`, IsOwnedByProfile) is the profile itself.
 */
export function groupByUser(rows: readonly Assignment[]): UserAssignments[] {
  const users = new Map<string, { username: string; line: number; profile?: string; sets: Set<string>; groups: Set<string> }>();
  for (const row of rows) {
    const key = row.username.toLowerCase();
    const user = users.get(key) ?? { username: row.username, line: row.line, sets: new Set<string>(), groups: new Set<string>() };
    if (row.profile && (user.profile === undefined || compare(row.profile, user.profile) < 0)) user.profile = row.profile;
    if (row.permissionSetGroup) user.groups.add(row.permissionSetGroup);
    else if (row.permissionSet && !isProfileOwnedSet(row.permissionSet)) user.sets.add(row.permissionSet);
    users.set(key, user);
  }
  return [...users.values()]
    .map((user) => ({
      username: user.username,
      ...(user.profile !== undefined ? { profile: user.profile } : {}),
      permissionSets: [...user.sets].sort(compare),
      permissionSetGroups: [...user.groups].sort(compare),
      line: user.line,
    }))
    .sort((a, b) => compare(a.username.toLowerCase(), b.username.toLowerCase()));
}

/** The permission set Salesforce keeps behind every profile: its Name is `X00e` + the profile's id. */
export function isProfileOwnedSet(name: string): boolean {
  return /^X00e[0-9A-Za-z]{11,14}$/.test(name);
}

/**
 * Profile names in an export are display names; source files of standard profiles use short names
 * (`Admin.profile-meta.xml` is "System Administrator"). Both are tried.
 */
export const STANDARD_PROFILE_FILES: Record<string, string> = {
  'system administrator': 'Admin',
  'standard user': 'Standard',
  'read only': 'ReadOnly',
  'solution manager': 'SolutionManager',
  'marketing user': 'MarketingProfile',
  'contract manager': 'ContractManager',
  'standard platform user': 'Standard Platform User',
  'minimum access - salesforce': 'Minimum Access - Salesforce',
};

/**
 * Writes that change who can see or do what: permission set and group assignments, a user's profile
 * or role, and share records. Returns why the write changes access, or undefined when it does not.
 */
const ACCESS_OBJECTS: Record<string, string> = {
  permissionsetassignment: 'assigns permission sets',
  permissionsetlicenseassign: 'assigns permission set licenses',
  groupmember: 'changes group or queue membership',
  userrole: 'changes the role hierarchy',
};

const USER_ACCESS_FIELDS = ['profileid', 'userroleid', 'isactive'];

export function accessChangeNote(object: string, fields: readonly string[]): string | undefined {
  const lower = object.toLowerCase();
  const known = ACCESS_OBJECTS[lower];
  if (known) return known;
  if (lower.endsWith('share') || lower.endsWith('__share')) return 'writes share records';
  if (lower === 'user') {
    const changed = fields.filter((field) => USER_ACCESS_FIELDS.includes(field.slice(field.indexOf('.') + 1).toLowerCase()));
    if (changed.length > 0) return `changes ${changed.join(', ')}`;
  }
  return undefined;
}

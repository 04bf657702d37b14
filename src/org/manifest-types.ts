/** A metadata type the review reads from an org. */
export type ManifestType = {
  name: string;
  /** Files one component takes in the retrieve zip (the Metadata API counts files against its limit). */
  files: number;
  /** For in-folder types: the folder type to list first (listMetadata needs a folder, and `*` does not cover them). */
  folderType?: string;
  /**
   * Profiles (and permission sets) come back holding only the permissions for the other components
   * in the same retrieve, so they go into every batch and are merged afterwards.
   */
  permissionContainer?: boolean;
};

/**
 * Exactly what the analysis needs. Every member is named: `*` leaves out standard objects (and so
 * their custom fields and validation rules), in-folder types and anything from a managed package.
 * CustomObject brings its fields and validation rules along.
 */
export const MANIFEST_TYPES: readonly ManifestType[] = [
  { name: 'CustomObject', files: 1 },
  { name: 'Flow', files: 1 },
  { name: 'FlowDefinition', files: 1 },
  { name: 'ApexClass', files: 2 },
  { name: 'ApexTrigger', files: 2 },
  { name: 'Workflow', files: 1 },
  { name: 'AssignmentRules', files: 1 },
  { name: 'AutoResponseRules', files: 1 },
  { name: 'EscalationRules', files: 1 },
  { name: 'DuplicateRule', files: 1 },
  { name: 'MatchingRules', files: 1 },
  { name: 'CustomPermission', files: 1 },
  { name: 'Queue', files: 1 },
  { name: 'Group', files: 1 },
  { name: 'EmailFolder', files: 1 },
  { name: 'EmailTemplate', files: 2, folderType: 'EmailFolder' },
  { name: 'PermissionSetGroup', files: 1 },
  { name: 'PermissionSet', files: 1, permissionContainer: true },
  { name: 'MutingPermissionSet', files: 1, permissionContainer: true },
  { name: 'Profile', files: 1, permissionContainer: true },
];

export function manifestType(name: string): ManifestType | undefined {
  return MANIFEST_TYPES.find((type) => type.name === name);
}

/** Apex and flows from managed packages: the Metadata API hides them; they become opaque package automation. */
export const HIDDEN_WHEN_MANAGED = new Set(['ApexClass', 'ApexTrigger', 'Flow', 'FlowDefinition']);

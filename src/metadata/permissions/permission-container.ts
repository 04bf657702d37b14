import type { FieldPermission, ObjectPermission, PermissionContainerKind, PermissionContainerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { children, parseMetadataXmlAs, text } from '../xml.js';
import { extractTopLevel, type ExtractedBlock, type ExtractedDocument } from './selective-extract.js';
import { compare } from '../../shared/compare.js';

/**
 * Profiles, permission sets and muting permission sets share one shape. They are read with the
 * selective extractor (profiles are often megabytes of fieldPermissions); a tree-based reading over
 * fast-xml-parser is kept as `parsePermissionContainerWithTree` to cross-check it.
 *
 * Muting permission sets: their XML uses the same elements, but a `true` there means "muted"
 * (`<userPermissions><enabled>true</enabled>` mutes the permission, `<allowEdit>true</allowEdit>`
 * mutes edit). The model keeps the same fields, so for that kind they list what is muted.
 */

const BLOCKS = [
  'userPermissions',
  'objectPermissions',
  'fieldPermissions',
  'classAccesses',
  'customPermissions',
  'externalCredentialPrincipalAccesses',
  'tabSettings',
  'tabVisibilities',
] as const;

const SCALARS = ['label', 'description', 'license', 'userLicense', 'custom'] as const;

/** Line of the root element, found without indexing every line of a multi-megabyte file. */
function rootLine(content: string, root: string): number | undefined {
  const offset = content.indexOf(`<${root}`);
  if (offset === -1) return undefined;
  let line = 1;
  for (let index = content.indexOf('\n'); index !== -1 && index < offset; index = content.indexOf('\n', index + 1)) line += 1;
  return line;
}

const isTrue = (value: string | undefined): boolean => value?.trim().toLowerCase() === 'true';

/** Builds the model from extracted blocks, merging duplicates (OR of grants) and dropping entries that grant nothing. */
function toModel(kind: PermissionContainerKind, input: ParseInput, doc: ExtractedDocument): PermissionContainerModel {
  const blocks = (name: (typeof BLOCKS)[number]): ExtractedBlock[] => doc.blocks[name] ?? [];

  const userPermissions = new Set<string>();
  for (const entry of blocks('userPermissions')) {
    if (entry['name'] && isTrue(entry['enabled'])) userPermissions.add(entry['name']);
  }

  const objects = new Map<string, ObjectPermission>();
  for (const entry of blocks('objectPermissions')) {
    const object = entry['object'];
    if (!object) continue;
    const current = objects.get(object) ?? {
      object,
      create: false,
      read: false,
      edit: false,
      delete: false,
      viewAll: false,
      modifyAll: false,
    };
    current.create ||= isTrue(entry['allowCreate']);
    current.read ||= isTrue(entry['allowRead']);
    current.edit ||= isTrue(entry['allowEdit']);
    current.delete ||= isTrue(entry['allowDelete']);
    current.viewAll ||= isTrue(entry['viewAllRecords']);
    current.modifyAll ||= isTrue(entry['modifyAllRecords']);
    objects.set(object, current);
  }

  const fields = new Map<string, FieldPermission>();
  for (const entry of blocks('fieldPermissions')) {
    const field = entry['field'];
    if (!field) continue;
    const current = fields.get(field) ?? { field, readable: false, editable: false };
    current.readable ||= isTrue(entry['readable']);
    current.editable ||= isTrue(entry['editable']);
    fields.set(field, current);
  }

  const classAccess = new Set<string>();
  for (const entry of blocks('classAccesses')) {
    if (entry['apexClass'] && isTrue(entry['enabled'])) classAccess.add(entry['apexClass']);
  }

  const customPermissions = new Set<string>();
  for (const entry of blocks('customPermissions')) {
    if (entry['name'] && isTrue(entry['enabled'])) customPermissions.add(entry['name']);
  }

  const credentials = new Set<string>();
  for (const entry of blocks('externalCredentialPrincipalAccesses')) {
    if (entry['externalCredentialPrincipal'] && isTrue(entry['enabled'])) credentials.add(entry['externalCredentialPrincipal']);
  }

  const tabs = new Set<string>();
  for (const entry of [...blocks('tabSettings'), ...blocks('tabVisibilities')]) {
    if (entry['tab']) tabs.add(entry['tab']);
  }

  const scalar = (name: (typeof SCALARS)[number]): string | undefined => {
    const value = doc.scalars[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const customText = scalar('custom');

  const model: PermissionContainerModel = {
    kind,
    name: input.fullName,
    userPermissions: [...userPermissions].sort(compare),
    objectPermissions: [...objects.values()]
      .filter((entry) => entry.create || entry.read || entry.edit || entry.delete || entry.viewAll || entry.modifyAll)
      .sort((left, right) => compare(left.object, right.object)),
    fieldPermissions: [...fields.values()]
      .filter((entry) => entry.readable || entry.editable)
      .sort((left, right) => compare(left.field, right.field)),
    classAccess: [...classAccess].sort(compare),
    tabCount: tabs.size,
    source: { file: input.file, line: rootLine(input.text, kind) },
  };
  const label = scalar('label');
  const description = scalar('description');
  // Profiles say `userLicense`; permission sets say `license` (older API versions: `userLicense`).
  const license = kind === 'Profile' ? scalar('userLicense') : (scalar('license') ?? scalar('userLicense'));
  if (label !== undefined) model.label = label;
  if (description !== undefined) model.description = description;
  if (license !== undefined) model.license = license;
  if (customText !== undefined) model.custom = isTrue(customText);
  // Only when present: most containers grant neither, and models compared in tests stay as they were.
  if (customPermissions.size > 0) model.customPermissions = [...customPermissions].sort(compare);
  if (credentials.size > 0) model.externalCredentialPrincipals = [...credentials].sort(compare);
  return model;
}

function parseSelective(kind: PermissionContainerKind, input: ParseInput): PermissionContainerModel {
  const doc = extractTopLevel(input.text, kind, { blocks: BLOCKS, scalars: SCALARS });
  return toModel(kind, input, doc);
}

/** Reads a `.permissionset` / `.permissionset-meta.xml` file. */
export function parsePermissionSet(input: ParseInput): PermissionContainerModel {
  return parseSelective('PermissionSet', input);
}

/** Reads a `.profile` / `.profile-meta.xml` file. */
export function parseProfile(input: ParseInput): PermissionContainerModel {
  return parseSelective('Profile', input);
}

/** Reads a `.mutingpermissionset-meta.xml` file: the permissions listed are the muted ones. */
export function parseMutingPermissionSet(input: ParseInput): PermissionContainerModel {
  return parseSelective('MutingPermissionSet', input);
}

/**
 * The same reading over a full fast-xml-parser tree. Slower and memory-hungry on big profiles; kept
 * to cross-check the selective extractor (tests compare both on real files).
 */
export function parsePermissionContainerWithTree(kind: PermissionContainerKind, input: ParseInput): PermissionContainerModel {
  const body = parseMetadataXmlAs(input.text, kind);
  const doc: ExtractedDocument = { scalars: {}, blocks: {} };
  for (const name of SCALARS) {
    const value = text(body[name]);
    if (value !== undefined) doc.scalars[name] = value;
  }
  for (const name of BLOCKS) {
    doc.blocks[name] = children(body[name]).map((entry) => {
      const block: ExtractedBlock = {};
      for (const [key, value] of Object.entries(entry)) {
        const content = text(value);
        if (content !== undefined && !key.startsWith('@_') && !key.startsWith('#')) block[key] = content;
      }
      return block;
    });
  }
  return toModel(kind, input, doc);
}

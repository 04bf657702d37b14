/**
 * Permission sets (some for integration users, with broad grants), permission set groups, and
 * profiles that carry a field permission for every field of the org: several MB each, as in real
 * enterprise orgs.
 */
import { block, documentOf, escapeXml, leaf } from './xml.mjs';

const objectPermission = (depth, object, edit, modifyAll) =>
  block(depth, 'objectPermissions', [
    leaf(depth + 1, 'allowCreate', String(edit)),
    leaf(depth + 1, 'allowDelete', String(modifyAll)),
    leaf(depth + 1, 'allowEdit', String(edit)),
    leaf(depth + 1, 'allowRead', 'true'),
    leaf(depth + 1, 'modifyAllRecords', String(modifyAll)),
    leaf(depth + 1, 'object', object),
    leaf(depth + 1, 'viewAllRecords', String(modifyAll)),
  ]);

/** One fieldPermissions block, written as a single string: profiles hold tens of thousands. */
const fieldPermission = (field, editable) =>
  `    <fieldPermissions>\n        <editable>${editable}</editable>\n        <field>${escapeXml(field)}</field>\n        <readable>true</readable>\n    </fieldPermissions>`;

const classAccess = (name) => block(1, 'classAccesses', [leaf(2, 'apexClass', name), leaf(2, 'enabled', 'true')]);
const userPermission = (name) => block(1, 'userPermissions', [leaf(2, 'enabled', 'true'), leaf(2, 'name', name)]);

export function permissionSetFile(set) {
  const fields = set.objects
    .flatMap(({ object, edit }) => object.fields.map((field) => [`${object.name}.${field.name}`, edit && field.type !== 'Formula']))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([field, editable]) => fieldPermission(field, editable));
  const objects = [...set.objects].sort((a, b) => (a.object.name < b.object.name ? -1 : 1));
  return [
    `permissionsets/${set.name}.permissionset-meta.xml`,
    documentOf('PermissionSet', [
      [...set.classes].sort().map(classAccess),
      leaf(1, 'description', set.description),
      fields,
      leaf(1, 'hasActivationRequired', 'false'),
      leaf(1, 'label', set.name.replace(/_/g, ' ')),
      ...(set.integration ? [leaf(1, 'license', 'Salesforce Integration')] : []),
      objects.map(({ object, edit, modifyAll }) => objectPermission(1, object.name, edit, modifyAll)),
      [...set.userPermissions].sort().map(userPermission),
    ]),
  ];
}

export function permissionSetGroupFile(group) {
  return [
    `permissionsetgroups/${group.name}.permissionsetgroup-meta.xml`,
    documentOf('PermissionSetGroup', [
      leaf(1, 'description', group.description),
      leaf(1, 'label', group.name.replace(/_/g, ' ')),
      group.permissionSets.map((name) => leaf(1, 'permissionSets', name)),
      leaf(1, 'status', 'Updated'),
    ]),
  ];
}

export function profileFile(profile, index, objects) {
  const fields = [];
  for (const object of objects) for (const field of object.fields) fields.push(`${object.name}.${field.name}`);
  fields.sort();
  // Which fields a profile may edit: a fixed hash, not the PRNG, so millions of entries stay cheap.
  const threshold = Math.floor(profile.editShare * 1000);
  const fieldLines = fields.map((field, k) => fieldPermission(field, profile.integration || ((k * 2654435761 + index * 40503) >>> 0) % 1000 < threshold));
  const sortedObjects = [...objects].sort((a, b) => (a.name < b.name ? -1 : 1));
  return [
    `profiles/${profile.name}.profile-meta.xml`,
    documentOf('Profile', [
      [...profile.classes].sort().map(classAccess),
      leaf(1, 'custom', 'true'),
      leaf(1, 'description', profile.description),
      fieldLines,
      sortedObjects.map((object, k) => objectPermission(1, object.name, profile.integration || k % 3 !== 0, profile.integration)),
      sortedObjects.filter((object) => object.custom).map((object) => block(1, 'tabVisibilities', [leaf(2, 'tab', object.name), leaf(2, 'visibility', 'DefaultOn')])),
      leaf(1, 'userLicense', profile.integration ? 'Salesforce Integration' : 'Salesforce'),
      (profile.integration ? ['ApiEnabled', 'ApiUserOnly', 'ModifyAllData', 'ViewAllData'] : ['ApiEnabled', 'RunReports', 'ExportReport']).map(userPermission),
    ]),
  ];
}

/**
 * A custom permission (`customPermissions/Bypass_Validation.customPermission-meta.xml`). On its own it
 * grants nothing: validation rules, flows and Apex ask for it (`$Permission.X`,
 * `FeatureManagement.checkPermission('X')`), usually to let its holders skip them. The model keeps what
 * a reviewer needs to tell such a bypass: its label, description and the permissions it requires.
 */
import { LineLocator } from './lines.js';
import type { CustomPermissionModel } from './model.js';
import type { ParseInput } from './parse-input.js';
import { asArray, bool, parseMetadataXmlAs, text } from './xml.js';

export function parseCustomPermission(input: ParseInput): CustomPermissionModel {
  const body = parseMetadataXmlAs(input.text, 'CustomPermission');
  // `<requiredPermission><customPermission>X</customPermission><dependency>true</dependency>`.
  const requires = asArray<Record<string, unknown>>(body['requiredPermission'])
    .filter((entry) => text(entry['dependency'])?.trim().toLowerCase() !== 'false')
    .map((entry) => text(entry['customPermission'])?.trim())
    .filter((name): name is string => name !== undefined && name.length > 0);
  const model: CustomPermissionModel = {
    name: input.fullName,
    isLicensed: bool(body['isLicensed']),
    source: { file: input.file, line: new LineLocator(input.text).find('<CustomPermission') },
  };
  const label = text(body['label'])?.trim();
  const description = text(body['description'])?.trim();
  const connectedApp = text(body['connectedApp'])?.trim();
  if (label) model.label = label;
  if (description) model.description = description;
  if (connectedApp) model.connectedApp = connectedApp;
  if (requires.length > 0) model.requires = [...new Set(requires)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return model;
}

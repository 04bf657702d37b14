import { LineLocator } from '../lines.js';
import type { PermissionSetGroupModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { asArray, parseMetadataXmlAs, text } from '../xml.js';
import { compare } from '../../shared/compare.js';

const names = (value: unknown): string[] =>
  [...new Set(asArray(value).map((item) => text(item)?.trim()).filter((item): item is string => Boolean(item)))].sort(compare);

/** Reads a `.permissionsetgroup-meta.xml` file (small: a list of permission set names). */
export function parsePermissionSetGroup(input: ParseInput): PermissionSetGroupModel {
  const body = parseMetadataXmlAs(input.text, 'PermissionSetGroup');
  const model: PermissionSetGroupModel = {
    name: input.fullName,
    permissionSets: names(body['permissionSets']),
    mutingPermissionSets: names(body['mutingPermissionSets']),
    source: { file: input.file, line: new LineLocator(input.text).find('<PermissionSetGroup') },
  };
  const label = text(body['label']);
  const description = text(body['description']);
  const status = text(body['status']);
  if (label) model.label = label;
  if (description) model.description = description;
  if (status) model.status = status;
  return model;
}

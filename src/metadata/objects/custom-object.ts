import { LineLocator } from '../lines.js';
import type { CustomObjectModel, ObjectKind } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { indexBlockNames } from '../permissions/selective-extract.js';
import { children, parseMetadataXmlAs, text } from '../xml.js';
import { customFieldFromBody } from './custom-field.js';
import { validationRuleFromBody } from './validation-rule.js';

/** Suffix (after the last `__`, lower-cased) → kind. Unknown `__x` suffixes count as custom. */
const SUFFIX_KINDS: Record<string, ObjectKind> = {
  c: 'custom',
  e: 'platform-event',
  mdt: 'custom-metadata',
  x: 'external',
  b: 'big-object',
  changeevent: 'change-event',
};

function suffixOf(name: string): string | undefined {
  const index = name.lastIndexOf('__');
  if (index === -1 || index === 0) return undefined;
  const suffix = name.slice(index + 2);
  return /^[A-Za-z]+$/.test(suffix) ? suffix.toLowerCase() : undefined;
}

/** Whether an object API name is a custom one (`Invoice__c`, `ns__Event__e`, `Rate__mdt`, ...). */
export function isCustomObjectName(name: string): boolean {
  return suffixOf(name) !== undefined;
}

/**
 * The kind of an object from its API name alone, for objects that have no object file (custom
 * settings cannot be told from the name: they read as `custom`). Standard change events
 * (`AccountChangeEvent`) read as `change-event`.
 */
export function objectKindOf(name: string): ObjectKind {
  const suffix = suffixOf(name);
  if (suffix === undefined) return name.endsWith('ChangeEvent') && name !== 'ChangeEvent' ? 'change-event' : 'standard';
  return SUFFIX_KINDS[suffix] ?? 'custom';
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

function objectFromBody(
  body: Record<string, unknown>,
  input: ParseInput,
): Omit<CustomObjectModel, 'fields' | 'validationRules'> {
  const name = input.fullName;
  let kind = objectKindOf(name);
  if (kind === 'custom' && text(body['customSettingsType']) !== undefined) kind = 'custom-setting';
  const model: Omit<CustomObjectModel, 'fields' | 'validationRules'> = {
    name,
    kind,
    custom: isCustomObjectName(name),
    source: { file: input.file, line: new LineLocator(input.text).find('<CustomObject') },
  };
  const optional = {
    label: nonEmpty(text(body['label'])),
    pluralLabel: nonEmpty(text(body['pluralLabel'])),
    description: nonEmpty(text(body['description'])),
    sharingModel: nonEmpty(text(body['sharingModel'])),
    externalSharingModel: nonEmpty(text(body['externalSharingModel'])),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (model as Record<string, unknown>)[key] = value;
  }
  return model;
}

/**
 * Reads a source-format `.object-meta.xml` file (`input.fullName` is the object's API name). Fields
 * and validation rules live in their own files; a metadata-API `.object` file with inline children
 * goes through `parseCustomObjectWithChildren`.
 */
export function parseCustomObject(input: ParseInput): Omit<CustomObjectModel, 'fields' | 'validationRules'> {
  if (!input.fullName.trim()) throw new Error('the object has no name');
  return objectFromBody(parseMetadataXmlAs(input.text, 'CustomObject'), input);
}

/**
 * Reads a whole metadata-API `.object` file, fields and validation rules included. Each child's
 * line is the line of its `<fullName>` (the one right after its `<fields>`/`<validationRules>`). Throws when a child has no `<fullName>`.
 */
export function parseCustomObjectWithChildren(input: ParseInput): CustomObjectModel {
  if (!input.fullName.trim()) throw new Error('the object has no name');
  const body = parseMetadataXmlAs(input.text, 'CustomObject');
  const base = objectFromBody(body, input);
  const locator = new LineLocator(input.text);
  const lineAt = (offset: number): number => locator.lineAt(offset);

  const childName = (child: Record<string, unknown>, element: string, index: number): string => {
    const name = nonEmpty(text(child['fullName']))?.trim();
    if (!name) throw new Error(`<${element}> number ${index + 1} has no <fullName>`);
    return name;
  };

  const fieldLines = indexBlockNames(input.text, 'fields', lineAt);
  const fields = children(body['fields']).map((child, index) => {
    const name = childName(child, 'fields', index);
    return customFieldFromBody(child, base.name, name, { file: input.file, line: fieldLines.get(name) ?? locator.findElement('fullName', name) });
  });

  const ruleLines = indexBlockNames(input.text, 'validationRules', lineAt);
  const validationRules = children(body['validationRules']).map((child, index) => {
    const name = childName(child, 'validationRules', index);
    return validationRuleFromBody(child, base.name, name, { file: input.file, line: ruleLines.get(name) ?? locator.findElement('fullName', name) });
  });

  return { ...base, fields, validationRules };
}

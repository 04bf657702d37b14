import { LineLocator } from '../lines.js';
import type { CustomFieldModel, DataClassification, RollupSummary, SourceRef } from '../model.js';
import { splitChildName, type ParseInput } from '../parse-input.js';
import { asArray, bool, parseMetadataXmlAs, text } from '../xml.js';

/** Field types that hold a lookup-style reference to another record. */
const LOOKUP_TYPES = new Set(['lookup', 'hierarchy', 'externallookup', 'indirectlookup']);

const CLASSIFICATION_TAGS = [
  'businessOwnerGroup',
  'businessOwnerUser',
  'businessStatus',
  'securityClassification',
  'complianceGroup',
] as const;

/** Custom fields end with `__c` (namespaced or not); standard fields have no suffix. */
export function isCustomFieldName(name: string): boolean {
  return /__c$/i.test(name);
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/**
 * Builds a field from the content of a `<CustomField>` element (a source-format field file) or of a
 * `<fields>` element inside a metadata-API `.object` file.
 */
export function customFieldFromBody(
  body: Record<string, unknown>,
  object: string,
  name: string,
  source: SourceRef,
): CustomFieldModel {
  const type = nonEmpty(text(body['type']));
  const field: CustomFieldModel = {
    object,
    name,
    fullName: object ? `${object}.${name}` : name,
    custom: isCustomFieldName(name),
    externalId: bool(body['externalId']),
    unique: bool(body['unique']),
    required: bool(body['required']),
    referenceTo: asArray(body['referenceTo'])
      .map((item) => text(item)?.trim())
      .filter((item): item is string => Boolean(item)),
    classification: {},
    source,
  };
  const optional = {
    type,
    label: nonEmpty(text(body['label'])),
    description: nonEmpty(text(body['description'])),
    inlineHelpText: nonEmpty(text(body['inlineHelpText'])),
    formula: nonEmpty(text(body['formula'])),
    // Kept as written: "00123" stays a string, "false" for a checkbox stays "false".
    defaultValue: nonEmpty(text(body['defaultValue'])),
    relationshipName: nonEmpty(text(body['relationshipName'])),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) (field as Record<string, unknown>)[key] = value;
  }

  const lowerType = type?.toLowerCase();
  if (lowerType === 'masterdetail') field.relationship = 'master-detail';
  else if (lowerType !== undefined && LOOKUP_TYPES.has(lowerType)) field.relationship = 'lookup';

  if (lowerType === 'summary') {
    const rollup = rollupOf(body);
    if (rollup) field.rollup = rollup;
  }

  const classification: DataClassification = {};
  for (const tag of CLASSIFICATION_TAGS) {
    const value = nonEmpty(text(body[tag]));
    if (value !== undefined) classification[tag] = value;
  }
  field.classification = classification;
  return field;
}

function rollupOf(body: Record<string, unknown>): RollupSummary | undefined {
  const summaryForeignKey = nonEmpty(text(body['summaryForeignKey']))?.trim();
  if (summaryForeignKey === undefined) return undefined;
  const dot = summaryForeignKey.indexOf('.');
  const rollup: RollupSummary = {
    summaryForeignKey,
    operation: (text(body['summaryOperation']) ?? '').trim().toLowerCase(),
    childObject: dot === -1 ? summaryForeignKey : summaryForeignKey.slice(0, dot),
  };
  const summarizedField = nonEmpty(text(body['summarizedField']))?.trim();
  if (summarizedField !== undefined) rollup.summarizedField = summarizedField;
  return rollup;
}

/**
 * Reads a source-format `.field-meta.xml` file. `input.fullName` is SDR's `Object.Field`; the file's
 * own `<fullName>` (just the field name) is used only when the input name carries no object.
 */
export function parseCustomField(input: ParseInput): CustomFieldModel {
  const body = parseMetadataXmlAs(input.text, 'CustomField');
  const split = splitChildName(input.fullName);
  const name = split.name || nonEmpty(text(body['fullName']))?.trim();
  if (!name) throw new Error('the field has no name (neither the component name nor <fullName> gives one)');
  const line = new LineLocator(input.text).find('<CustomField');
  return customFieldFromBody(body, split.object, name, { file: input.file, line });
}

/**
 * A custom metadata record (`customMetadata/Trigger_Handler.AccountHandler.md-meta.xml`): its type,
 * name and the field values it sets. Handler frameworks list Apex class names in such records and
 * create the classes with `Type.forName`, so the Apex analysis reads them to follow the dispatch.
 * Nil values (`xsi:nil="true"`) are left out; every other value is kept as the text written.
 */
import type { CustomMetadataRecordModel } from './model.js';
import type { ParseInput } from './parse-input.js';
import { children, parseMetadataXmlAs, text } from './xml.js';

export function parseCustomMetadataRecord(input: ParseInput): CustomMetadataRecordModel {
  const body = parseMetadataXmlAs(input.text, 'CustomMetadata');
  const dot = input.fullName.indexOf('.');
  if (dot <= 0 || dot === input.fullName.length - 1) throw new Error(`custom metadata record name "${input.fullName}" is not Type.Record`);
  const values: CustomMetadataRecordModel['values'] = [];
  for (const entry of children(body['values'])) {
    const field = text(entry['field'])?.trim();
    const value = text(entry['value'])?.trim();
    if (field && value !== undefined && value !== '') values.push({ field, value });
  }
  return { type: `${input.fullName.slice(0, dot)}__mdt`, name: input.fullName.slice(dot + 1), values, source: { file: input.file } };
}

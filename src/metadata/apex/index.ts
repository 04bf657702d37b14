/**
 * Apex parsing: classes and triggers into the metadata model. The body goes through the default
 * backend (`@apexdevtools/apex-parser`); apiVersion and status come from the `-meta.xml` when given.
 */
import type { ApexClassModel, ApexTriggerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { AntlrApexBackend } from './apex-parser-backend.js';
import type { ApexParserBackend } from './backend.js';
import { readApexMeta } from './meta.js';

export type { ApexParserBackend } from './backend.js';
export { AntlrApexBackend } from './apex-parser-backend.js';

export const defaultApexBackend: ApexParserBackend = new AntlrApexBackend();

/** Parses one class file. Throws an Error (naming the line for syntax errors) when the file cannot be read. */
export function parseApexClass(input: ParseInput, metaXml?: string, backend: ApexParserBackend = defaultApexBackend): ApexClassModel {
  const model = backend.parseClass(input);
  if (metaXml !== undefined) {
    const meta = readApexMeta(metaXml, 'ApexClass');
    if (meta.apiVersion) model.apiVersion = meta.apiVersion;
    model.status = meta.status ?? 'Active';
  }
  return model;
}

/** Parses one trigger file. `active` is true only for status Active (the default when the meta says nothing). */
export function parseApexTrigger(input: ParseInput, metaXml?: string, backend: ApexParserBackend = defaultApexBackend): ApexTriggerModel {
  const model = backend.parseTrigger(input);
  const meta = metaXml !== undefined ? readApexMeta(metaXml, 'ApexTrigger') : {};
  if (meta.apiVersion) model.apiVersion = meta.apiVersion;
  model.status = meta.status ?? 'Active';
  model.active = model.status === 'Active';
  return model;
}

/**
 * Apex parsing: classes and triggers into the metadata model. The body goes through the default
 * backend (`@apexdevtools/apex-parser`); apiVersion and status come from the `-meta.xml` when given.
 * The meta is read first: it is cheap, and a broken one should not cost a parse.
 */
import type { ApexClassModel, ApexTriggerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { AntlrApexBackend } from './apex-parser-backend.js';
import type { ApexParserBackend } from './backend.js';
import { readApexMeta } from './meta.js';

export type { ApexParserBackend } from './backend.js';
export { AntlrApexBackend } from './apex-parser-backend.js';

export const defaultApexBackend: ApexParserBackend = new AntlrApexBackend();

/**
 * Parses one class file. Throws an Error (naming the line for syntax errors) when the file cannot be read.
 * Without a -meta.xml, apiVersion and status stay absent; with one, status defaults to Active.
 */
export function parseApexClass(input: ParseInput, metaXml?: string, backend: ApexParserBackend = defaultApexBackend): ApexClassModel {
  const meta = metaXml !== undefined ? readApexMeta(metaXml, 'ApexClass') : undefined;
  const model = backend.parseClass(input);
  if (meta) {
    if (meta.apiVersion) model.apiVersion = meta.apiVersion;
    model.status = meta.status ?? 'Active';
  }
  return model;
}

/** Parses one trigger file. `active` is true only for status Active (the default when the meta says nothing). */
export function parseApexTrigger(input: ParseInput, metaXml?: string, backend: ApexParserBackend = defaultApexBackend): ApexTriggerModel {
  const meta = metaXml !== undefined ? readApexMeta(metaXml, 'ApexTrigger') : {};
  const model = backend.parseTrigger(input);
  if (meta.apiVersion) model.apiVersion = meta.apiVersion;
  model.status = meta.status ?? 'Active';
  model.active = model.status === 'Active';
  return model;
}

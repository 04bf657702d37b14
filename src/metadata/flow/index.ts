/**
 * Flow parser: one Flow metadata file (`.flow-meta.xml` or mdapi `.flow`) into a FlowModel.
 * Pure: it reads only the text it is given, parses it once and builds one LineLocator.
 * Process Builder processes (processType Workflow, CustomEvent, InvocableProcess) are flows too;
 * their trigger comes from flow-level processMetadataValues instead of `<start>`.
 */
import { LineLocator } from '../lines.js';
import type { FlowModel, FlowTrigger } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import { parseMetadataXmlAs, XmlSecurityError } from '../xml.js';
import { readElements } from './elements.js';
import {
  isProcessBuilderType,
  processBuilderRecordVariables,
  processBuilderTrigger,
  readProcessMetadataValues,
} from './process-builder.js';
import { ReferenceResolver } from './references.js';
import { readTrigger, startTarget } from './trigger.js';
import { compact, optionalText } from './values.js';
import { appendAll } from '../../shared/arrays.js';

export { ELEMENT_KINDS } from './elements.js';
export { isProcessBuilderType } from './process-builder.js';

/** Parses one Flow file. Throws an Error with a readable message when the file is not a usable Flow. */
export function parseFlow(input: ParseInput): FlowModel {
  const body = readFlowBody(input.text);
  const processType = optionalText(body, 'processType');
  const isProcessBuilder = isProcessBuilderType(processType);

  let trigger: FlowTrigger;
  const recordReferences = ['$Record'];
  if (isProcessBuilder && processType !== undefined) {
    const metadata = readProcessMetadataValues(body['processMetadataValues']);
    trigger = processBuilderTrigger(processType, metadata, startTarget(body));
    appendAll(recordReferences, processBuilderRecordVariables(metadata));
  } else {
    trigger = readTrigger(body);
  }

  const resolver = new ReferenceResolver(body, trigger.object, recordReferences);
  const locate = elementLocator(input.text);
  const elements = readElements(body, { triggerObject: trigger.object, recordReferences, resolver, locate });

  return compact({
    name: input.fullName,
    label: optionalText(body, 'label'),
    description: optionalText(body, 'description'),
    processType,
    status: optionalText(body, 'status') ?? 'Active',
    apiVersion: optionalText(body, 'apiVersion'),
    isProcessBuilder,
    trigger,
    elements,
    source: { file: input.file },
  });
}

/** The `<Flow>` root's content; XML and root-element errors get a prefix that says what was being read. */
function readFlowBody(text: string): Record<string, unknown> {
  try {
    return parseMetadataXmlAs(text, 'Flow');
  } catch (error) {
    if (error instanceof XmlSecurityError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`not a readable Flow file: ${message}`, { cause: error });
  }
}

/**
 * Finds an element's line from `<name>X</name>`, searching from where its list (`<recordUpdates>`)
 * was last seen so a same-named nested value earlier in the file is not taken for it.
 */
function elementLocator(text: string): (tag: string, name: string) => number | undefined {
  const locator = new LineLocator(text);
  const cursors = new Map<string, number>();
  return (tag, name) => {
    let from = cursors.get(tag);
    if (from === undefined) {
      from = Math.max(0, text.indexOf(`<${tag}>`));
      cursors.set(tag, from);
    }
    const marker = `<name>${escapeXml(name)}</name>`;
    const offset = text.indexOf(marker, from);
    if (offset === -1) return locator.findElement('name', name);
    cursors.set(tag, offset + marker.length);
    return locator.lineAt(offset);
  };
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

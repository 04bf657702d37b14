/** Shared helpers for the Flow parser tests: load a fixture, parse inline XML, find an element. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FlowElement, FlowModel } from '../../../src/metadata/model.js';
import { parseFlow } from '../../../src/metadata/flow/index.js';
import { fixturesDir } from '../../helpers/paths.js';

export const flowFixturesDir = join(fixturesDir, 'parsers', 'flow');

/** Parses `fixtures/parsers/flow/<fileName>`; the full name is the file name without its extension. */
export function fixtureFlow(fileName: string): FlowModel {
  const text = readFileSync(join(flowFixturesDir, fileName), 'utf8');
  return parseFlow({ file: `fixtures/parsers/flow/${fileName}`, text, fullName: flowName(fileName) });
}

export function flowName(fileName: string): string {
  return fileName.replace(/\.flow(-meta\.xml)?$/, '');
}

/** Wraps Flow children in a Flow document as Salesforce writes it and parses it. */
export function inlineFlow(children: string, fullName = 'Inline_Flow'): FlowModel {
  return parseFlow({ file: `${fullName}.flow-meta.xml`, text: flowXml(children), fullName });
}

export function flowXml(children: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n${children}\n</Flow>\n`;
}

/** The element named `name`; fails the test with the names present when it is missing. */
export function elementNamed(flow: FlowModel, name: string): FlowElement {
  const found = flow.elements.find((element) => element.name === name);
  if (!found) throw new Error(`no element ${name} in ${flow.name}: ${flow.elements.map((element) => element.name).join(', ')}`);
  return found;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseApexClass, parseApexTrigger } from '../../../src/metadata/apex/index.js';
import type { ApexClassModel, ApexMethodModel, ApexTriggerModel } from '../../../src/metadata/model.js';
import { fixturesDir } from '../../helpers/paths.js';

export const apexFixtures = join(fixturesDir, 'parsers', 'apex');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(apexFixtures, ...parts), 'utf8');
}

export function parseClass(text: string, metaXml?: string): ApexClassModel {
  const name = /\b(?:class|interface|enum)\s+(\S+?)\b/i.exec(text)?.[1] ?? 'Anonymous';
  return parseApexClass({ file: `classes/${name}.cls`, fullName: name, text }, metaXml);
}

export function parseTrigger(text: string, metaXml?: string): ApexTriggerModel {
  const name = /\btrigger\s+(\w+)/i.exec(text)?.[1] ?? 'Anonymous';
  return parseApexTrigger({ file: `triggers/${name}.trigger`, fullName: name, text }, metaXml);
}

/** A class with one method `m` wrapping the given body; returns that method. */
export function methodOf(body: string, members = '', params = ''): ApexMethodModel {
  // Line 1: class, line 2: members, line 3: the method, line 4: the body's first line.
  const model = parseClass(`public class Subject {\n${members}\n  public void m(${params}) {\n${body.replace(/^\n/, '')}\n  }\n}`);
  return method(model, 'm');
}

export function method(model: ApexClassModel, name: string): ApexMethodModel {
  const found = model.methods.find((candidate) => candidate.name === name);
  expect(found, `method ${name} in ${model.methods.map((m) => m.name).join(', ')}`).toBeDefined();
  return found!;
}

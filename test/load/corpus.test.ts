import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetadataModel } from '../../src/metadata/model.js';
import { review } from '../../src/review/review.js';
import { CORPUS_FOLDERS, corpus, hasCorpus } from '../helpers/corpus.js';
import { repoRoot } from '../helpers/paths.js';

async function load(...sourceDirs: string[]): Promise<MetadataModel> {
  return (await review({ baseDir: repoRoot, sourceDirs })).model;
}

/** Top-level CustomField blocks of an mdapi .object file: they start with <fullName>, list-view <fields> do not. */
function mdapiCount(file: string, element: 'fields' | 'validationRules'): number {
  return (readFileSync(file, 'utf8').match(new RegExp(`<${element}>\\s*<fullName>`, 'g')) ?? []).length;
}

function sourceCount(objectDir: string, folder: 'fields' | 'validationRules'): number {
  try {
    return readdirSync(join(objectDir, folder)).filter((name) => name.endsWith('-meta.xml')).length;
  } catch {
    return 0;
  }
}

describe.runIf(hasCorpus)('loading the real corpus', () => {
  it.each(CORPUS_FOLDERS)('loads every file of %s with no parse issue', async (folder) => {
    const model = await load(corpus(folder));
    expect(model.parseIssues).toEqual([]);
    const read = model.objects.length + model.flows.length + model.permissionSets.length + model.profiles.length;
    expect(read).toBeGreaterThan(0);
  });

  it('reads NPSP in metadata API format: field and validation-rule counts equal the XML', async () => {
    const src = corpus('SalesforceFoundation__NPSP__mdapi', 'src');
    const model = await load(src);
    for (const name of ['DataImport__c', 'Opportunity', 'Contact', 'Level__c', 'Address__c']) {
      const object = model.objects.find((candidate) => candidate.name === name);
      const file = join(src, 'objects', `${name}.object`);
      expect(object?.fields.length, name).toBe(mdapiCount(file, 'fields'));
      expect(object?.validationRules.length, name).toBe(mdapiCount(file, 'validationRules'));
    }
    const level = model.objects.find((object) => object.name === 'Level__c');
    expect(level?.validationRules.map((rule) => rule.name)).toEqual(['Target_Required']);
    // Children of a converted .object point at the original file and the line that declares them.
    expect(level?.validationRules[0]?.source.file).toBe('../shared/corpus/SalesforceFoundation__NPSP__mdapi/src/objects/Level__c.object');
    const line = level?.validationRules[0]?.source.line ?? 0;
    expect(readFileSync(join(src, 'objects', 'Level__c.object'), 'utf8').split('\n')[line - 1]).toContain('<fullName>Target_Required</fullName>');
  });

  it('reads a workflow once: its rules and actions come from the parent file, not as extra components', async () => {
    const { result } = await review({ baseDir: repoRoot, sourceDirs: [corpus('SalesforceFoundation__NPSP__mdapi', 'src')] });
    expect(result.summary.counts).toMatchObject({ Workflow: 1, WorkflowRule: 2, WorkflowFieldUpdate: 3 });
    expect(result.summary.counts.WorkflowAlert).toBeUndefined();
  });

  it('reads NPSP in source format: field and validation-rule counts equal the files', async () => {
    const forceApp = corpus('SalesforceFoundation__NPSP', 'force-app');
    const model = await load(forceApp);
    for (const name of ['DataImport__c', 'Opportunity', 'Contact', 'Level__c', 'Address__c']) {
      const object = model.objects.find((candidate) => candidate.name === name);
      const dir = join(forceApp, 'main', 'default', 'objects', name);
      expect(object?.fields.length, name).toBe(sourceCount(dir, 'fields'));
      expect(object?.validationRules.length, name).toBe(sourceCount(dir, 'validationRules'));
    }
  });

  it('gives the same objects and fields for NPSP in both formats where both carry them', async () => {
    const mdapi = await load(corpus('SalesforceFoundation__NPSP__mdapi', 'src'));
    const source = await load(corpus('SalesforceFoundation__NPSP', 'force-app'));
    const level = (model: MetadataModel) =>
      model.objects.find((object) => object.name === 'Level__c')?.fields.map((field) => `${field.fullName}:${field.type}`);
    expect(level(mdapi)).toEqual(level(source));
  });

  it('mixes formats across --source-dir values', async () => {
    const model = await load(
      corpus('SalesforceFoundation__NPSP__mdapi', 'src'),
      corpus('SalesforceLabs__Technology-Transfer-Starter', 'force-app'),
    );
    expect(model.objects.some((object) => object.name === 'DataImport__c')).toBe(true);
    expect(model.objects.some((object) => object.name.startsWith('TTS_'))).toBe(true);
    expect(model.flows.length).toBeGreaterThan(0);
    expect(model.parseIssues).toEqual([]);
  });
});

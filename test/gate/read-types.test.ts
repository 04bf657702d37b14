import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../src/gate/gate.js';
import { countsForGate, typesRead } from '../../src/gate/read-types.js';
import { RULES } from '../../src/rules/index.js';
import { gatedReview } from '../../src/review/gated-review.js';
import { customObject, recordTriggeredFlow, updateRecordElement, writeProject } from '../helpers/dx-project.js';

const KNOWN = ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'CustomPermission', 'Flow', 'MutingPermissionSet', 'PermissionSet', 'PermissionSetGroup', 'Profile', 'ValidationRule', 'Workflow'];

describe('what each rule reads (meta.reads)', () => {
  it.each(RULES.map((rule) => [rule.meta.id, rule.meta.reads] as const))('%s names the metadata types it reads', (_id, reads) => {
    expect(reads.length).toBeGreaterThan(0);
    for (const type of reads) expect(KNOWN).toContain(type);
    expect([...reads].sort()).toEqual([...new Set(reads)].sort());
  });

  it('gives the types of the rules that ran, and counts an issue only when one of them reads its type', () => {
    const read = typesRead([{ id: 'legacy/process-builder' }, { id: 'hygiene/cloned-permission-set' }, { id: 'section/not-a-rule' }]);
    expect([...read!].sort()).toEqual(['Flow', 'PermissionSet']);
    expect(countsForGate({ type: 'Flow' }, read)).toBe(true);
    expect(countsForGate({ type: 'CustomPermission' }, read)).toBe(false);
    expect(countsForGate({ type: 'Layout' }, read)).toBe(false);
    // What an unresolved folder or the project held is unknown: it always counts.
    expect(countsForGate({ type: 'Unknown' }, read)).toBe(true);
    expect(countsForGate({ type: 'Project' }, read)).toBe(true);
    // A metadata-API .object carries its fields and validation rules.
    expect(countsForGate({ type: 'CustomObject' }, typesRead([{ id: 'perm/integration-field-scope' }]))).toBe(true);
    expect(countsForGate({ type: 'CustomObject' }, new Set(['ValidationRule']))).toBe(true);
    // A result that does not say which rules ran: every issue counts, as before.
    expect(typesRead(undefined)).toBeUndefined();
    expect(countsForGate({ type: 'Layout' }, undefined)).toBe(true);
  });

  it('the gate: an unreadable file no enabled rule reads leaves exit 0 (and says so); one it reads gives 3', () => {
    const base = { findings: [], ruleErrors: [], hasBaseline: false, readTypes: new Set(['Flow']) };
    const unread = evaluateGate({ ...base, parseIssues: [{ type: 'CustomPermission' }] }, { failOn: 'high', scope: 'all' });
    expect(unread).toMatchObject({ status: 'passed', exitCode: 0 });
    expect(unread.summary).toBe('Release gate passed: no finding at high or above. 1 file could not be read, of types no enabled rule reads.');
    const read = evaluateGate({ ...base, parseIssues: [{ type: 'CustomPermission' }, { type: 'Flow' }] }, { failOn: 'high', scope: 'all' });
    expect(read).toMatchObject({ status: 'incomplete', exitCode: 3 });
    expect(read.summary).toContain('but 1 file could not be read');
  });
});

describe('exit codes of a real review with a file that cannot be read', () => {
  const XML = '<?xml version="1.0" encoding="UTF-8"?>';
  const project = (broken: [string, string]): string =>
    writeProject([
      ...customObject('Account'),
      recordTriggeredFlow({ name: 'Account_After', object: 'Account', triggerType: 'RecordAfterSave', elements: updateRecordElement('Touch', { object: 'Contact', fields: { Description: 'x' } }), firstElement: 'Touch' }),
      broken,
    ]);
  const brokenPermission: [string, string] = ['customPermissions/Bypass.customPermission-meta.xml', `${XML}\n<CustomPermission xmlns="http://soap.sforce.com/2006/04/metadata"><label>Trunc`];
  const brokenFlow: [string, string] = ['flows/Broken.flow-meta.xml', `${XML}\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata"><label>Trunc`];

  it('a custom permission no enabled rule reads: reported, exit 0', async () => {
    const { result } = await gatedReview({ baseDir: project(brokenPermission), sourceDirs: [], asOf: '2026-11-23', rules: ['recursion/*'] }, { failOn: 'high' });
    expect(result.parseIssues.map((issue) => `${issue.type} ${issue.file}`)).toEqual(['CustomPermission force-app/main/default/customPermissions/Bypass.customPermission-meta.xml']);
    expect(result.gate).toMatchObject({ status: 'passed', exitCode: 0 });
  });

  it('the same file with every rule (perm/integration-bypass reads custom permissions), or a flow the recursion rules read: exit 3', async () => {
    const all = await gatedReview({ baseDir: project(brokenPermission), sourceDirs: [], asOf: '2026-11-23' }, { failOn: 'high' });
    expect(all.result.gate).toMatchObject({ status: 'incomplete', exitCode: 3 });
    const flow = await gatedReview({ baseDir: project(brokenFlow), sourceDirs: [], asOf: '2026-11-23', rules: ['recursion/*'] }, { failOn: 'high' });
    expect(flow.result.parseIssues.map((issue) => issue.type)).toEqual(['Flow']);
    expect(flow.result.gate).toMatchObject({ status: 'incomplete', exitCode: 3 });
  });
});

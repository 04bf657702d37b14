// Managed-package code and classes not in the project: explicit unknowns in the graph, the pipeline,
// the Markdown report and `arch explain`, never dropped and never taken as writes.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/explain/index.js';
import type { AutomationGraph } from '../../../src/graph/automation-graph.js';
import { loadPolicy } from '../../../src/policy/load-policy.js';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { review } from '../../../src/review/review.js';
import { actionCallElement, apexClass, apexTrigger, customObject, type DxFile, recordTriggeredFlow, writeProject } from '../../helpers/dx-project.js';

const NAMESPACED_FIELD = { name: 'npe01__Preferred_Email__c' };

async function reviewOf(files: DxFile[]) {
  const root = writeProject(files);
  const reviewed = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
  expect(reviewed.result.parseIssues).toEqual([]);
  expect(reviewed.result.ruleErrors).toEqual([]);
  return { root, ...reviewed };
}

const hiddenOf = (graph: AutomationGraph, from: string): string[] =>
  graph
    .outEdges(from, 'calls-not-visible')
    .map((edge) => `${graph.node(edge.target)?.name} ${edge.confidence} ${edge.note}${graph.node(edge.target)?.notVisible ? ' [not visible]' : ''}`)
    .sort();

const HANDLER = [
  'public class ContactHandler {',
  '    public static void afterUpdate(List<Contact> contacts) {',
  '        npe01.ContactService.syncEmails(contacts);',
  '        PaymentGateway.charge(contacts[0].Id);',
  '        String trimmed = String.valueOf(contacts.size()).trim();',
  '        Database.update(contacts, false);',
  '        Helper.localWork(contacts);',
  '        System.debug(Schema.SObjectType.Contact.getName());',
  '    }',
  '}',
];

describe('code out of sight in Apex chains', () => {
  const project = (): DxFile[] => [
    ...customObject('Contact', [NAMESPACED_FIELD]),
    ...apexTrigger('ContactTrigger', 'Contact', 'after update', '    ContactHandler.afterUpdate(Trigger.new);'),
    ...apexClass('ContactHandler', HANDLER.join('\n')),
    ...apexClass('Helper', 'public class Helper {\n    public static void localWork(List<Contact> contacts) {\n        Math.abs(1);\n    }\n}'),
  ];

  it('names a managed package call and a class not in the project, with what they may write; nothing for platform or project code', async () => {
    const { graph } = await reviewOf(project());
    expect(hiddenOf(graph, 'apex-trigger:ContactTrigger')).toEqual([
      'PaymentGateway.charge possible effects unknown; code not visible (not in the project) [not visible]',
      'npe01.ContactService.syncEmails possible may write Contact; code not visible (managed package npe01) [not visible]',
    ]);
    // Possible writes are never writes: the SoR and recursion rules see only what the project's code does.
    expect(graph.outEdges('apex-trigger:ContactTrigger', 'writes').map((edge) => graph.node(edge.target)?.name)).toEqual(['Contact']);
    const path = graph.outEdges('apex-trigger:ContactTrigger', 'calls-not-visible').map((edge) => edge.path);
    expect(path).toContainEqual(['ContactTrigger', 'ContactHandler.afterUpdate']);
  });

  it('without a namespaced object or field in the project, `npe01.` is not taken for a package', async () => {
    const files = project().filter(([path]) => !path.includes('npe01__'));
    const { graph } = await reviewOf(files);
    expect(hiddenOf(graph, 'apex-trigger:ContactTrigger').map((line) => line.split(' ')[0])).toEqual(['PaymentGateway.charge']);
  });

  it('shows them in the pipeline, the Markdown report and explain', async () => {
    const { root, result, graph, model } = await reviewOf(project());
    const entry = result.objects.find((pipeline) => pipeline.object === 'Contact')!.entries.find((candidate) => candidate.name === 'ContactTrigger')!;
    expect(entry.notVisible.map((effect) => effect.target).sort()).toEqual(['PaymentGateway.charge', 'npe01.ContactService.syncEmails']);
    const markdown = renderMarkdown(result);
    expect(markdown).toContain('calls `npe01.ContactService.syncEmails` (possible; may write Contact; code not visible (managed package npe01))');
    const explained = explain({ model, graph, policy: loadPolicy(root), asOf: '2026-11-23', name: 'ContactTrigger' });
    expect(JSON.stringify(explained)).toContain('npe01.ContactService.syncEmails (may write Contact; code not visible (managed package npe01))');
  });
});

describe('code out of sight in flows', () => {
  it('a managed invocable action is an unknown on the flow, with its namespace', async () => {
    const flow = recordTriggeredFlow({
      name: 'Invoice_On_Update',
      object: 'Account',
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'Update',
      elements: actionCallElement('Send_Invoice', 'apex', 'billing__SendInvoice'),
      firstElement: 'Send_Invoice',
    });
    const { graph, result } = await reviewOf([...customObject('Account'), flow]);
    expect(hiddenOf(graph, 'flow:Invoice_On_Update')).toEqual(['billing__SendInvoice possible apex action Send_Invoice: effects unknown; code not visible (managed package billing) [not visible]']);
    const entry = result.objects.find((pipeline) => pipeline.object === 'Account')!.entries.find((candidate) => candidate.name === 'Invoice_On_Update')!;
    expect(entry.notVisible).toHaveLength(1);
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('recursion/'))).toEqual([]);
  });
});

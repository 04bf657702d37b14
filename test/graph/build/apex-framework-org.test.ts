import { describe, expect, it } from 'vitest';
import type { AutomationGraph } from '../../../src/graph/automation-graph.js';
import { review } from '../../../src/review/review.js';
import { writeFrameworkOrg } from '../../helpers/apex-frameworks.js';

/** `object fields confidence [inLoop]` of a trigger's write edges, sorted. */
function writes(graph: AutomationGraph, trigger: string): string[] {
  return graph
    .outEdges(`apex-trigger:${trigger}`, 'writes')
    .map((edge) => `${graph.node(edge.target)?.name} ${edge.operation} [${(edge.fields ?? []).join(',')}] ${edge.confidence}${edge.inLoop ? ' inLoop' : ''}${edge.inMemory ? ' inMemory' : ''} ${edge.evidence.file.replace(/^.*\//, '')}:${edge.evidence.line}`)
    .sort();
}

describe('the framework org: chains as real code writes them', async () => {
  const root = writeFrameworkOrg();
  const { result, graph, model } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });

  it('reads every class, trigger and custom metadata record, with no issue', () => {
    expect(result.parseIssues).toEqual([]);
    expect(result.ruleErrors).toEqual([]);
    expect(model.customMetadataRecords?.map((record) => `${record.type}.${record.name}`)).toEqual(['Trigger_Handler__mdt.Account_Audit', 'Trigger_Handler__mdt.Contact_Account_Rollup']);
    // Reached only through dispatch: the subclass by its base class, the handlers by the records and the interface.
    expect(model.apexClasses.map((cls) => cls.name)).toEqual([
      'AccountAuditHandler',
      'AccountHierarchy',
      'AccountService',
      'AccountTriggerHandler',
      'ContactAccountRollup',
      'ContactSelector',
      'ContactUnitOfWork',
      'ITriggerHandler',
      'LegacyContactHandler',
      'MetadataTriggerDispatcher',
      'OpportunityTriggerHandler',
      'TriggerHandler',
    ]);
  });

  it('follows the base class run() into the Account override, through the service, the helper and the unit of work', () => {
    expect(writes(graph, 'AccountTrigger')).toEqual([
      'Account update [Account.Rating] certain AccountHierarchy.cls:9',
      'Contact update [Contact.Account_Region__c] certain ContactUnitOfWork.cls:8',
      // The helper assigns in memory, once per contact of the loop; the unit of work's save carries the field.
      'Contact update [Contact.Account_Region__c] certain inLoop inMemory AccountService.cls:13',
      'Task create [Task.Subject,Task.WhatId] certain inLoop AccountService.cls:17',
    ]);
    const toContact = graph.outEdges('apex-trigger:AccountTrigger', 'writes').find((edge) => edge.evidence.file.endsWith('ContactUnitOfWork.cls'))!;
    expect(toContact.path).toEqual(['AccountTrigger', 'TriggerHandler.run', 'AccountTriggerHandler.afterUpdate', 'AccountService.syncContacts', 'ContactUnitOfWork.commitWork']);
  });

  it('follows the metadata dispatcher to the handler its record registers for Contact only, as likely', () => {
    expect(writes(graph, 'ContactTrigger')).toEqual(['Account update [Account.Contact_Count__c] likely ContactAccountRollup.cls:7']);
  });

  it('reports exactly the cycle, the self-update, the foreign write and the DML in a loop', () => {
    const summary = result.findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.object ?? '-'} ${finding.components.map((component) => component.name).join(' > ')}`);
    expect(summary).toEqual([
      'limits/dml-in-loop high Account AccountService',
      'recursion/cross-object-cycle high Account AccountTrigger > ContactTrigger',
      'recursion/self-update high Account AccountTrigger',
      'sor/foreign-field-write high Contact AccountTrigger > Contact.Account_Region__c',
      'hygiene/missing-owner low - ERP_Integration',
    ]);
    const cycle = result.findings.find((finding) => finding.ruleId === 'recursion/cross-object-cycle')!;
    expect(cycle.message).toContain('likely rather than certain');
    const loop = result.findings.find((finding) => finding.ruleId === 'limits/dml-in-loop')!;
    expect(loop.evidence[0]).toMatchObject({ text: "AccountService.logChanges: insert new Task(WhatId = a.Id, Subject = 'Account changed') (Task) inside a loop", line: 17 });
  });
});

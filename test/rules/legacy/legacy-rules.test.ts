import { describe, expect, it } from 'vitest';
import { customObject, processBuilder, simpleFlow, workflow } from '../../helpers/dx-project.js';
import { brief, findingsOf } from '../hygiene/run-review.js';

describe('legacy/workflow-rule', () => {
  it('reports one medium finding per object, with the count and every rule', async () => {
    const list = await findingsOf('legacy/workflow-rule', [
      ...customObject('Ticket__c'),
      ...customObject('Asset__c'),
      workflow('Ticket__c', [{ name: 'Notify Owner' }, { name: 'Old Stamp', active: false }]),
      workflow('Asset__c', [{ name: 'Asset Alert' }]),
    ]);
    expect(list.map(brief)).toEqual(['medium WorkflowRule Asset__c.Asset Alert', 'medium WorkflowRule Ticket__c.Notify Owner > WorkflowRule Ticket__c.Old Stamp']);
    const ticket = list[1]!;
    expect(ticket.object).toBe('Ticket__c');
    expect(ticket.message).toMatch(/^Ticket__c has 2 workflow rules \(1 active\): Notify Owner, Old Stamp\. Workflow rules are past end of support/);
    expect(ticket.evidence.map((evidence) => evidence.text)).toEqual([
      'workflow rule Notify Owner: active, 0 actions, onCreateOrTriggeringUpdate',
      'workflow rule Old Stamp: inactive, 0 actions, onCreateOrTriggeringUpdate',
    ]);
  });

  it('does not fire without workflow rules', async () => {
    expect(await findingsOf('legacy/workflow-rule', [...customObject('Ticket__c'), simpleFlow('Ticket_Defaults', 'Ticket__c')])).toEqual([]);
  });
});

describe('legacy/process-builder', () => {
  it('reports one medium finding per object with its processes; record-triggered flows are not legacy', async () => {
    const list = await findingsOf('legacy/process-builder', [
      ...customObject('Ticket__c'),
      processBuilder('Ticket_Process_A', 'Ticket__c'),
      processBuilder('Ticket_Process_B', 'Ticket__c', { status: 'Draft' }),
      processBuilder('Contact_Process', 'Contact'),
      simpleFlow('Ticket_Defaults', 'Ticket__c'),
    ]);
    expect(list.map(brief)).toEqual(['medium Flow Contact_Process', 'medium Flow Ticket_Process_A > Flow Ticket_Process_B']);
    expect(list[1]!.message).toMatch(/^Ticket__c: 2 Process Builder processes \(1 active\): Ticket_Process_A, Ticket_Process_B\. Process Builder is past end of support/);
    expect(list[1]!.evidence.map((evidence) => evidence.text)).toEqual([
      'process Ticket_Process_A: processType Workflow, status Active, onCreateOnly',
      'process Ticket_Process_B: processType Workflow, status Draft, onCreateOnly',
    ]);
  });
});

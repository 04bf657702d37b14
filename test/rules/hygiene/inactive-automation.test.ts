import { describe, expect, it } from 'vitest';
import { apexTrigger, customObject, simpleFlow, validationRule, withFlowStatus, workflow } from '../../helpers/dx-project.js';
import { brief, findingsOf } from './run-review.js';

const RULE = 'hygiene/inactive-automation';

describe('hygiene/inactive-automation', () => {
  it('reports Draft, Obsolete and InvalidDraft flows as info, never the active one', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      simpleFlow('Ticket_Active', 'Ticket__c'),
      simpleFlow('Ticket_Draft', 'Ticket__c', { status: 'Draft' }),
      withFlowStatus(simpleFlow('Ticket_Obsolete', 'Ticket__c'), 'Obsolete'),
      withFlowStatus(simpleFlow('Ticket_Invalid', 'Ticket__c'), 'InvalidDraft'),
    ]);
    expect(list.map(brief)).toEqual(['info Flow Ticket_Draft', 'info Flow Ticket_Invalid', 'info Flow Ticket_Obsolete']);
    expect(list[0]!.message).toBe('Flow Ticket_Draft on Ticket__c is deployed but never runs (status Draft). Activate it or delete the version.');
    expect(list[0]!.evidence).toEqual([{ text: 'status Draft', file: 'force-app/main/default/flows/Ticket_Draft.flow-meta.xml' }]);
  });

  it('reports inactive validation rules, workflow rules and triggers, with the file that says so', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c'),
      validationRule('Ticket__c', 'Name_Required', { formula: 'ISBLANK(Name)' }),
      validationRule('Ticket__c', 'Old_Check', { formula: 'ISBLANK(Name)', active: false }),
      workflow('Ticket__c', [{ name: 'Live Rule' }, { name: 'Dead Rule', active: false }]),
      ...apexTrigger('TicketTrigger', 'Ticket__c', 'before insert', ''),
      ...apexTrigger('OldTicketTrigger', 'Ticket__c', 'before insert', '', 'Inactive'),
    ]);
    expect(list.map(brief)).toEqual(['info ApexTrigger OldTicketTrigger', 'info ValidationRule Ticket__c.Old_Check', 'info WorkflowRule Ticket__c.Dead Rule']);
    expect(list[0]!.evidence[0]).toEqual({ text: 'status Inactive', file: 'force-app/main/default/triggers/OldTicketTrigger.trigger-meta.xml' });
    expect(list.every((finding) => finding.object === 'Ticket__c')).toBe(true);
  });

  it('keeps to the objects reviewed with --object', async () => {
    const files = [...customObject('Ticket__c'), ...customObject('Case__c'), simpleFlow('Ticket_Draft', 'Ticket__c', { status: 'Draft' }), simpleFlow('Case_Draft', 'Case__c', { status: 'Draft' })];
    expect((await findingsOf(RULE, files, { objects: ['Case__c'] })).map(brief)).toEqual(['info Flow Case_Draft']);
  });
});

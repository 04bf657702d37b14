import { describe, expect, it } from 'vitest';
import { parseApexTrigger } from '../../../src/metadata/apex/index.js';
import { parseTrigger, readFixture } from './apex-helpers.js';

const META = (status?: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ApexTrigger xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>60.0</apiVersion>${status ? `<status>${status}</status>` : ''}</ApexTrigger>`;

describe('Apex triggers', () => {
  it('reads name, object and events normalised to lower case', () => {
    const trigger = parseTrigger(`trigger InvoiceTrigger on Invoice__c (BEFORE INSERT, before Update, After Delete, after undelete, after insert, before delete, after update) {}`);
    expect(trigger).toMatchObject({
      name: 'InvoiceTrigger',
      object: 'Invoice__c',
      events: ['before insert', 'before update', 'after delete', 'after undelete', 'after insert', 'before delete', 'after update'],
      status: 'Active',
      active: true,
      source: { file: 'triggers/InvoiceTrigger.trigger', line: 1 },
    });
  });

  it('reads status from the -meta.xml: Inactive is not active', () => {
    const text = 'trigger Off on Account (after insert) { }';
    const inactive = parseApexTrigger({ file: 'triggers/Off.trigger', fullName: 'Off', text }, readFixture('misc', 'InactiveTrigger.trigger-meta.xml'));
    expect(inactive).toMatchObject({ status: 'Inactive', active: false, apiVersion: '58.0' });
    expect(parseTrigger(text, META())).toMatchObject({ status: 'Active', active: true, apiVersion: '60.0' });
    expect(parseTrigger(text, META('Deleted'))).toMatchObject({ status: 'Deleted', active: false });
    expect(parseTrigger(text)).toMatchObject({ status: 'Active', active: true });
    expect(parseTrigger(text).apiVersion).toBeUndefined();
  });

  it('extracts the body as one code block: top-level locals, loops, DML, SOQL, calls', () => {
    const trigger = parseTrigger(`trigger ContactTrigger on Contact (after insert, after update) {
  Set<Id> accountIds = new Set<Id>();
  for (Contact c : Trigger.new) {
    accountIds.add(c.AccountId);
    c.Description = 'seen';
  }
  List<Account> accs = [SELECT Id, Name FROM Account WHERE Id IN :accountIds];
  for (Account a : accs) {
    a.Last_Contact_Change__c = System.now();
  }
  update accs;
  if (Trigger.isUpdate) {
    ContactService.notify(Trigger.newMap.keySet());
  }
}`);
    expect(trigger.body).toEqual({
      calls: [{ qualifier: 'ContactService', className: 'ContactService', method: 'notify', line: 13, inLoop: false }],
      dml: [{ operation: 'update', sobjectType: 'Account', expression: 'accs', viaDatabase: false, line: 11, inLoop: false }],
      soql: [{ objects: ['Account'], fields: ['Id', 'Name'], kind: 'soql', line: 7, inLoop: false }],
      fieldAssignments: [
        { sobjectType: 'Contact', field: 'Description', target: 'c', line: 5 },
        { sobjectType: 'Account', field: 'Last_Contact_Change__c', target: 'a', line: 9 },
      ],
      callouts: [],
      async: [],
      guardChecks: [],
    });
  });

  it('records guard checks on other classes from a trigger', () => {
    const trigger = parseTrigger(`trigger G on Account (after update) {
  if (!TriggerControl.accountDisabled) { AccountHandler.run(); }
}`);
    expect(trigger.body.guardChecks).toEqual([{ member: 'TriggerControl.accountDisabled', line: 2 }]);
  });

  it('throws on a syntax error with a message naming the line', () => {
    expect(() => parseTrigger('trigger Bad on Account (before insert) {\n  update Trigger.new\n}')).toThrow(/^Apex syntax error at line 3, column 1: /);
    expect(() => parseTrigger('trigger Bad on Account (before upsert) {}')).toThrow(/^Apex syntax error at line 1/);
  });
});

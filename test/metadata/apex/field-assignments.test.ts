import { describe, expect, it } from 'vitest';
import { method, methodOf, parseClass, parseTrigger } from './apex-helpers.js';

describe('Apex field assignments', () => {
  it('records writes through typed variables, loop variables and indexes', () => {
    const model = parseClass(`public class Writer {
  public void m(List<Account> accs, Opportunity opp) {
    opp.StageName = 'Closed Won';
    for (Account a : accs) {
      a.Rating = 'Hot';
      a.NumberOfEmployees += 1;
    }
    accs[0].Description = 'first';
    Invoice__c inv = new Invoice__c();
    inv.Amount__c = 10;
  }
}`);
    expect(method(model, 'm').fieldAssignments).toEqual([
      { sobjectType: 'Opportunity', field: 'StageName', target: 'opp', line: 3 },
      { sobjectType: 'Account', field: 'Rating', target: 'a', line: 5 },
      { sobjectType: 'Account', field: 'NumberOfEmployees', target: 'a', line: 6 },
      { sobjectType: 'Account', field: 'Description', target: 'accs[0]', line: 8 },
      { sobjectType: 'Invoice__c', field: 'Amount__c', target: 'inv', line: 10 },
    ]);
  });

  it('records writes through Trigger.new loop variables, including a generic SObject loop variable', () => {
    const trigger = parseTrigger(`trigger CaseTrigger on Case (before insert, before update) {
  for (Case c : Trigger.new) { c.Priority = 'High'; }
  for (SObject s : Trigger.new) { s.put('Origin', 'Web'); }
  Trigger.new[0].Subject = 'First';
}`);
    expect(trigger.body.fieldAssignments).toEqual([
      { sobjectType: 'Case', field: 'Priority', target: 'c', line: 2 },
      { sobjectType: 'Case', field: 'Origin', target: 's', line: 3 },
      { sobjectType: 'Case', field: 'Subject', target: 'Trigger.new[0]', line: 4 },
    ]);
  });

  it('records put() with a string literal or a field token on records only', () => {
    const block = methodOf(
      `
    acc.put('Industry', 'Tech');
    acc.put(Account.Rating, 'Hot');
    rec.put('Custom__c', 1);
    settings.put('Industry', 'Tech');
    acc.put(fieldName, 'x');`,
      '',
      'Account acc, SObject rec, Map<String, String> settings, String fieldName',
    );
    expect(block.fieldAssignments.map((entry) => [entry.sobjectType, entry.field, entry.target])).toEqual([
      ['Account', 'Industry', 'acc'],
      ['Account', 'Rating', 'acc'],
      ['unknown', 'Custom__c', 'rec'],
    ]);
  });

  it('records name=value pairs of an SObject constructor', () => {
    const block = methodOf("insert new Contact(LastName = 'Doe', Email = 'a@b.c');");
    expect(block.fieldAssignments).toEqual([
      { sobjectType: 'Contact', field: 'LastName', target: 'new Contact()', line: 4 },
      { sobjectType: 'Contact', field: 'Email', target: 'new Contact()', line: 4 },
    ]);
  });

  it('records `unknown` for receivers of unknown type and skips receivers that are not records', () => {
    const block = methodOf(
      `
    wrapper.record.Name = 'x';
    this.counter = 1;
    helper.total = 2;
    Config.enabled = true;
    label.text = 'no';
    undeclared.Status__c = 'Open';`,
      'private Integer counter; private Helper helper;',
      'String label',
    );
    expect(block.fieldAssignments.map((entry) => [entry.sobjectType, entry.field, entry.target])).toEqual([
      ['unknown', 'Name', 'wrapper.record'],
      ['unknown', 'Status__c', 'undeclared'],
    ]);
  });
});

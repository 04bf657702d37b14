import { describe, expect, it } from 'vitest';
import { method, methodOf, parseClass, parseTrigger } from './apex-helpers.js';

describe('Apex DML', () => {
  it('infers the SObject type from declared variables, parameters and fields', () => {
    const model = parseClass(`public class Svc {
  private List<Contact> contacts;
  public void m(Set<Opportunity> opps, Account single) {
    Map<Id, Case> cases = new Map<Id, Case>();
    Invoice__c[] invoices = new Invoice__c[]{};
    insert single;
    update opps;
    upsert contacts;
    delete cases.values();
    undelete invoices;
    merge single other;
  }
}`);
    expect(method(model, 'm').dml).toEqual([
      { operation: 'insert', sobjectType: 'Account', expression: 'single', viaDatabase: false, line: 6, inLoop: false },
      { operation: 'update', sobjectType: 'Opportunity', expression: 'opps', viaDatabase: false, line: 7, inLoop: false },
      { operation: 'upsert', sobjectType: 'Contact', expression: 'contacts', viaDatabase: false, line: 8, inLoop: false },
      { operation: 'delete', sobjectType: 'Case', expression: 'cases.values()', viaDatabase: false, line: 9, inLoop: false },
      { operation: 'undelete', sobjectType: 'Invoice__c', expression: 'invoices', viaDatabase: false, line: 10, inLoop: false },
      { operation: 'merge', sobjectType: 'Account', expression: 'single', viaDatabase: false, line: 11, inLoop: false },
    ]);
  });

  it('infers the type of new records, collection literals, casts and inline SOQL', () => {
    const dml = methodOf(`
    insert new Account(Name = 'Acme');
    insert new List<Contact>{ new Contact(LastName = 'A') };
    update (Lead) record;
    update [SELECT Id FROM Opportunity WHERE IsClosed = false];
    delete Schema.Task.class == null ? null : new Task();`).dml;
    expect(dml.map((entry) => [entry.operation, entry.sobjectType])).toEqual([
      ['insert', 'Account'],
      ['insert', 'Contact'],
      ['update', 'Lead'],
      ['update', 'Opportunity'],
      ['delete', 'Task'],
    ]);
    expect(dml[0]!.expression).toBe("new Account(Name = 'Acme')");
  });

  it('uses `unknown` when the type cannot be known, and never guesses from variable names', () => {
    const dml = methodOf(`
    update accounts;
    insert getRecords();
    List<SObject> generic = new List<SObject>();
    delete generic;
    update Trigger.new;`).dml;
    expect(dml.map((entry) => [entry.expression, entry.sobjectType])).toEqual([
      ['accounts', 'unknown'],
      ['getRecords()', 'unknown'],
      ['generic', 'unknown'],
      ['Trigger.new', 'unknown'],
    ]);
  });

  it('records Database.* DML with viaDatabase, case-insensitively', () => {
    const dml = methodOf(
      `
    Database.insert(accs, false);
    DATABASE.Update(accs);
    Database.upsert(accs, Account.External_Id__c, false);
    database.delete(accs[0]);
    Database.SaveResult[] results = Database.update(accs, false);
    Database.query('SELECT Id FROM Account');`,
      '',
      'List<Account> accs',
    ).dml;
    expect(dml.map((entry) => [entry.operation, entry.sobjectType, entry.expression, entry.viaDatabase])).toEqual([
      ['insert', 'Account', 'accs', true],
      ['update', 'Account', 'accs', true],
      ['upsert', 'Account', 'accs', true],
      ['delete', 'Account', 'accs[0]', true],
      ['update', 'Account', 'accs', true],
    ]);
  });

  it('does not treat a variable named Database as the platform class', () => {
    const dml = methodOf('Database.update(x);', 'private DbWrapper Database;').dml;
    expect(dml).toEqual([]);
  });

  it('marks DML inside for, while and do loops, at any depth, and not outside', () => {
    const model = parseClass(`public class Loops {
  public void m(List<Account> accs) {
    for (Account a : accs) {
      if (a.Name != null) {
        try { update a; } catch (Exception e) { }
      }
    }
    Integer i = 0;
    while (i < 3) { insert new Task(); i++; }
    do { delete accs; } while (false);
    for (Integer j = 0; j < 2; j++) { Database.update(accs); }
    update accs;
  }
}`);
    expect(method(model, 'm').dml.map((entry) => [entry.line, entry.inLoop])).toEqual([
      [5, true],
      [9, true],
      [10, true],
      [11, true],
      [12, false],
    ]);
  });

  it('resolves Trigger.new, Trigger.old and Trigger.newMap.values() to the trigger object', () => {
    const trigger = parseTrigger(`trigger OppTrigger on Opportunity (after update) {
  update Trigger.new;
  delete trigger.OLD;
  update Trigger.newMap.values();
  update Trigger.oldMap.get(Trigger.new[0].Id);
}`);
    expect(trigger.body.dml.map((entry) => [entry.expression, entry.sobjectType])).toEqual([
      ['Trigger.new', 'Opportunity'],
      ['trigger.OLD', 'Opportunity'],
      ['Trigger.newMap.values()', 'Opportunity'],
      ['Trigger.oldMap.get(Trigger.new[0].Id)', 'Opportunity'],
    ]);
  });

  it('keeps the inner scope: a loop variable does not leak after its loop', () => {
    const dml = methodOf(`
    for (Account rec : accs) { update rec; }
    update rec;`, '', 'List<Account> accs').dml;
    expect(dml.map((entry) => entry.sobjectType)).toEqual(['Account', 'unknown']);
  });
});

import { describe, expect, it } from 'vitest';
import { parseQueryString } from '../../../src/metadata/apex/soql.js';
import { method, methodOf, parseClass } from './apex-helpers.js';

describe('Apex SOQL and SOSL', () => {
  it('reads inline SOQL: outer object first, then sub-queries and semi-joins; outer fields as written', () => {
    const [query] = methodOf(`
    List<Account> accs = [
      SELECT Id, Name, Owner.Email, COUNT(Id), (SELECT Id, LastName FROM Contacts)
      FROM Account
      WHERE Id IN (SELECT AccountId FROM Opportunity WHERE IsWon = true) AND Name LIKE :pattern
      GROUP BY Id, Name, Owner.Email
    ];`).soql;
    expect(query).toEqual({
      objects: ['Account', 'Contacts', 'Opportunity'],
      fields: ['Id', 'Name', 'Owner.Email', 'COUNT(Id)'],
      kind: 'soql',
      line: 4,
      inLoop: false,
    });
  });

  it('reads SOSL: objects from RETURNING', () => {
    const [search] = methodOf(`
    List<List<SObject>> found = [FIND :term IN ALL FIELDS RETURNING Account(Id, Name), Contact, Lead(Id WHERE IsConverted = false)];`).soql;
    expect(search).toEqual({ objects: ['Account', 'Contact', 'Lead'], fields: [], kind: 'sosl', line: 4, inLoop: false });
  });

  it('records dynamic queries; objects only from string literals', () => {
    const soql = methodOf(`
    List<SObject> a = Database.query('SELECT Id, Name, (SELECT Id FROM Contacts) FROM Account WHERE Name = :n');
    List<SObject> b = Database.query(queryText);
    Integer c = Database.countQuery('SELECT COUNT() FROM Case ' + whereClause);
    Database.QueryLocator d = Database.getQueryLocator([SELECT Id FROM Lead]);
    List<SObject> e = database.QUERY('select id from ' + objectName);`).soql;
    expect(soql).toEqual([
      { objects: ['Account', 'Contacts'], fields: ['Id', 'Name'], kind: 'dynamic', line: 4, inLoop: false },
      { objects: [], fields: [], kind: 'dynamic', line: 5, inLoop: false },
      { objects: ['Case'], fields: ['COUNT()'], kind: 'dynamic', line: 6, inLoop: false },
      { objects: ['Lead'], fields: ['Id'], kind: 'soql', line: 7, inLoop: false },
      { objects: [], fields: ['id'], kind: 'dynamic', line: 8, inLoop: false },
    ]);
  });

  it('flags queries inside loop bodies, but not the iterable of a SOQL for-loop', () => {
    const model = parseClass(`public class Q {
  public void m(List<Account> accs) {
    for (Contact c : [SELECT Id FROM Contact]) {
      List<Case> cs = [SELECT Id FROM Case WHERE ContactId = :c.Id];
    }
    for (Account a : accs) {
      for (Integer i = 0; i < 1; i++) {
        List<SObject> rows = Database.query('SELECT Id FROM Task');
      }
    }
    while ([SELECT COUNT() FROM Lead] > 0) { }
    List<User> users = [SELECT Id FROM User];
  }
}`);
    expect(method(model, 'm').soql.map((query) => [query.objects[0], query.line, query.inLoop])).toEqual([
      ['Contact', 3, false],
      ['Case', 4, true],
      ['Task', 8, true],
      ['Lead', 11, true],
      ['User', 12, false],
    ]);
  });

  it('walks bind expressions, so calls inside them are recorded before the query', () => {
    const block = methodOf('List<Account> accs = [SELECT Id FROM Account WHERE Id IN :AccountSelector.ids()];');
    expect(block.calls).toEqual([{ qualifier: 'AccountSelector', className: 'AccountSelector', method: 'ids', line: 4, inLoop: false }]);
    expect(block.soql).toHaveLength(1);
  });

  it('parses query strings depth-aware', () => {
    expect(parseQueryString("SELECT Id, toLabel(Status), (SELECT Id FROM Tasks) FROM Case WHERE Subject LIKE '%from x%'")).toEqual({
      objects: ['Case', 'Tasks'],
      fields: ['Id', 'toLabel(Status)'],
    });
    expect(parseQueryString('UPDATE nothing')).toEqual({ objects: [], fields: [] });
  });
});

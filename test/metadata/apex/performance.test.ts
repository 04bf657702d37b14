/**
 * A coarse guard against pathological slowness (a repeated tree walk, quadratic text reads): a large
 * generated class must parse well within a generous bound. Typical: well under a second.
 */
import { describe, expect, it } from 'vitest';
import { parseClass } from './apex-helpers.js';

function method(index: number): string {
  return `
  /** Method ${index}. */
  public static void method${index}(List<Account> accs, Map<Id, Account> oldMap) {
    if (hasRun || TriggerGuard.alreadyRan) return;
    Set<Id> ids = new Set<Id>();
    for (Account a : accs) {
      Account old = oldMap.get(a.Id);
      if (a.Name != old.Name && String.isNotBlank(a.Name)) {
        a.Description = 'Changed ' + a.Name.toUpperCase() + ' from ' + old.Name;
        ids.add(a.Id);
      }
    }
    List<Opportunity> opps = [SELECT Id, StageName, Amount FROM Opportunity WHERE AccountId IN :ids LIMIT 200];
    for (Opportunity o : opps) {
      o.StageName = o.Amount > 1000 ? 'Negotiation' : 'Prospecting';
      Helper.log('updated ' + o.Id);
    }
    Database.update(opps, false);
  }`;
}

describe('Apex parser performance', () => {
  it('parses a 4,000-line class in one pass within a generous bound', () => {
    const text = `public class Big {\n  static Boolean hasRun = false;\n${Array.from({ length: 220 }, (_, i) => method(i)).join('\n')}\n}`;
    expect(text.split('\n').length).toBeGreaterThan(4000);
    const started = performance.now();
    const model = parseClass(text);
    const elapsed = performance.now() - started;
    expect(model.methods).toHaveLength(220);
    const lastUpdate = text.split('\n').lastIndexOf('    Database.update(opps, false);') + 1;
    expect(model.methods[219]!.dml).toEqual([
      { operation: 'update', sobjectType: 'Opportunity', expression: 'opps', viaDatabase: true, line: lastUpdate, inLoop: false },
    ]);
    expect(elapsed).toBeLessThan(20_000);
  });
});

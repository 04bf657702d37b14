import { test } from 'vitest';
import { parseApexClass } from '../../../src/metadata/apex/index.js';

function method(i: number): string {
  return `
  public static void method${i}(List<Account> accs, Map<Id, Account> oldMap) {
    if (hasRun || TriggerGuard.alreadyRan) return;
    Set<Id> ids = new Set<Id>();
    for (Account a : accs) {
      Account old = oldMap.get(a.Id);
      if (a.Name != old.Name && String.isNotBlank(a.Name)) {
        a.Description = 'Changed ' + a.Name.toUpperCase() + ' from ' + old.Name;
        ids.add(a.Id);
      }
    }
    List<Opportunity> opps = [SELECT Id, StageName, Amount FROM Opportunity WHERE AccountId IN :ids AND IsClosed = false ORDER BY CreatedDate DESC LIMIT 200];
    for (Opportunity o : opps) {
      o.StageName = o.Amount > 1000 ? 'Negotiation' : 'Prospecting';
      Helper.log('updated ' + o.Id, i${i % 7});
    }
    try {
      Database.update(opps, false);
    } catch (DmlException e) {
      System.debug(LoggingLevel.ERROR, e.getMessage());
    }
    Map<String, Object> payload = new Map<String, Object>{ 'a' => 1, 'b' => new List<Integer>{1, 2, 3} };
    String body = JSON.serialize(payload);
    switch on body.length() { when 1 { doOther(); } when else { new Worker(body).run(); } }
  }`;
}
test('perf', () => {
  for (const n of [50, 400, 400, 400]) {
    const text = `public class Big {\n static Boolean hasRun = false;\n${Array.from({ length: n }, (_, i) => method(i)).join('\n')}\n}`;
    const lines = text.split('\n').length;
    const t0 = performance.now();
    const m = parseApexClass({ file: 'Big.cls', fullName: 'Big', text });
    const t1 = performance.now();
    console.log(`${lines} lines: ${(t1 - t0).toFixed(0)} ms, ${((t1 - t0) / lines * 1000).toFixed(1)} ms/kloc, methods=${m.methods.length}`);
  }
});

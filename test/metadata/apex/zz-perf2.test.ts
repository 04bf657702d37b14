import { test } from 'vitest';
import { ApexParserFactory } from '@apexdevtools/apex-parser';
import { parseApex } from '../../../src/metadata/apex/apex-parser-backend.js';
import { parseApexClass } from '../../../src/metadata/apex/index.js';
import { extractClass } from '../../../src/metadata/apex/class-extractor.js';

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
test('perf2', () => {
  const text = `public class Big {\n static Boolean hasRun = false;\n${Array.from({ length: 400 }, (_, i) => method(i)).join('\n')}\n}`;
  for (let r = 0; r < 3; r++) {
    let t0 = performance.now();
    const lexer = ApexParserFactory.createLexer(text);
    const toks = ApexParserFactory.createTokenStream(lexer);
    toks.fill();
    let t1 = performance.now();
    console.log('lex', (t1 - t0).toFixed(0), 'tokens', toks.tokens.length);
    t0 = performance.now();
    const p = ApexParserFactory.createParser(text);
    (p as any)._interp.predictionMode = 0;
    p.compilationUnit();
    t1 = performance.now();
    console.log('SLL parse', (t1 - t0).toFixed(0));
    t0 = performance.now();
    const p2 = ApexParserFactory.createParser(text);
    p2.compilationUnit();
    t1 = performance.now();
    console.log('LL parse', (t1 - t0).toFixed(0));
    t0 = performance.now();
    const { tree, src } = parseApex(text, (p) => p.compilationUnit());
    t1 = performance.now();
    console.log('parseApex', (t1 - t0).toFixed(0));
    t0 = performance.now();
    for (let k = 0; k < 5; k++) extractClass(tree, src, { file: 'x', fullName: 'x', text });
    t1 = performance.now();
    console.log('extract x1', ((t1 - t0) / 5).toFixed(0));
    t0 = performance.now();
    parseApexClass({ file: 'Big.cls', fullName: 'Big', text });
    t1 = performance.now();
    console.log('full', (t1 - t0).toFixed(0));
  }
});

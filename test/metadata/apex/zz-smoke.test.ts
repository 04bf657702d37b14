import { test } from 'vitest';
import { parseApexClass, parseApexTrigger } from '../../../src/metadata/apex/index.js';

test('smoke', () => {
  const cls = parseApexClass({ file: 'a.cls', fullName: 'AccountService', text: `
public with sharing class AccountService implements Queueable, Database.AllowsCallouts {
  public static Boolean hasRun = false;
  private static Set<Id> processed = new Set<Id>();
  static final Integer MAX = 5;
  public static Map<Id, Account> cache { get; set; }
  public void execute(QueueableContext ctx) {
    Http h = new Http();
    HttpResponse res = h.send(new HttpRequest());
  }
  @future(callout=true)
  public static void syncLater(Set<Id> ids) {
    if (hasRun || AccountService.processed.contains(null) || TriggerGuard.alreadyRan) return;
    List<Account> accs = [SELECT Id, Name, (SELECT Id FROM Contacts) FROM Account WHERE Id IN :ids];
    for (Account a : accs) {
      a.Rating = 'Hot';
      a.put('Description', 'x');
      update a;
      doOther();
      this.doOther();
      new AccountService().doOther();
      OtherService.run(a);
    }
    Map<Id, Account> m = new Map<Id, Account>(accs);
    update m.values();
    Database.update(accs, false);
    insert new Contact(LastName = 'x');
    delete unknownThing;
    System.enqueueJob(new AccountService());
    Order_Event__e evt = new Order_Event__e();
    EventBus.publish(evt);
    System.debug('x');
    Database.executeBatch(new MyBatch(), 200);
    List<SObject> dyn = Database.query('SELECT Id, Name FROM Lead WHERE x = 1');
    Messaging.sendEmail(null);
    String s = x > 1 ? 'a' : 'b';
  }
  public class Inner {
    public void go() { AccountService.Inner i = new Inner(); i.go(); }
  }
}` }, `<?xml version="1.0" encoding="UTF-8"?><ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>61.0</apiVersion><status>Active</status></ApexClass>`);
  console.log(JSON.stringify(cls, null, 1));
  const trg = parseApexTrigger({ file: 't.trigger', fullName: 'AccT', text: `trigger AccT on Account (before insert, after update, after undelete) {
    for (Account a : Trigger.new) { a.Rating = 'Hot'; }
    update Trigger.newMap.values();
    AccountTriggerHandler.handle(Trigger.new, Trigger.oldMap);
    List<Account> extra = [SELECT Id FROM Account];
    insert extra;
  }` });
  console.log(JSON.stringify(trg, null, 1));
});

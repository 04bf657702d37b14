import { describe, expect, it } from 'vitest';
import { method, methodOf, parseClass, parseTrigger } from './apex-helpers.js';

describe('Apex calls', () => {
  it('resolves static, typed-variable, unqualified, this and new X() calls', () => {
    const model = parseClass(`public class Caller {
  private AccountService svc = new AccountService();
  public void m(IRepository repo) {
    AccountService.doStatic();
    svc.doInstance();
    repo.save();
    helper();
    this.helper();
    new Mailer('x').send();
    (new Mailer()).send();
  }
  private void helper() {}
}`);
    expect(method(model, 'm').calls).toEqual([
      { qualifier: 'AccountService', className: 'AccountService', method: 'doStatic', line: 4, inLoop: false },
      { qualifier: 'svc', className: 'AccountService', method: 'doInstance', line: 5, inLoop: false },
      { qualifier: 'repo', className: 'IRepository', method: 'save', line: 6, inLoop: false, receiverParam: 0 },
      { className: 'Caller', method: 'helper', line: 7, inLoop: false },
      { qualifier: 'this', className: 'Caller', method: 'helper', line: 8, inLoop: false },
      { qualifier: "new Mailer('x')", className: 'Mailer', method: 'send', line: 9, inLoop: false, exact: true },
      { qualifier: '(new Mailer())', className: 'Mailer', method: 'send', line: 10, inLoop: false, exact: true },
    ]);
  });

  it('never records platform namespaces or calls on platform-typed values', () => {
    const block = methodOf(
      `
    System.debug('x');
    String s = String.valueOf(1).trim();
    Test.startTest();
    Integer n = Limits.getQueries();
    Id me = UserInfo.getUserId();
    JSON.serialize(accs);
    Schema.SObjectType t = Schema.getGlobalDescribe().get('Account');
    Math.max(1, 2);
    accs.add(new Account());
    name.toUpperCase().trim();
    Integer size = Trigger.new.size();
    String prefix = Opportunity.SObjectType.getDescribe().getKeyPrefix();
    Schema.DescribeFieldResult f = Invoice__c.Amount__c.getDescribe();
    EventBus.publish(evt);`,
      '',
      'List<Account> accs, String name, Order_Event__e evt',
    );
    expect(block.calls).toEqual([]);
  });

  it('treats an upper-case identifier that is not a variable as a class; a variable shadows it', () => {
    const block = methodOf(
      `
    Helper.run();
    lowerThing.run();
    Shadowed.run();`,
      'private Worker Shadowed;',
    );
    expect(block.calls).toEqual([
      { qualifier: 'Helper', className: 'Helper', method: 'run', line: 4, inLoop: false },
      { qualifier: 'lowerThing', method: 'run', line: 5, inLoop: false },
      { qualifier: 'Shadowed', className: 'Worker', method: 'run', line: 6, inLoop: false },
    ]);
  });

  it('records at least the first hop of a chain, and map/list element types', () => {
    const block = methodOf(
      `
    AccountService.getInstance().process(ids);
    handlers.get('x').handle();`,
      '',
      'Map<String, TriggerHandler> handlers, Set<Id> ids',
    );
    expect(block.calls).toEqual([
      { qualifier: 'AccountService', className: 'AccountService', method: 'getInstance', line: 4, inLoop: false },
      { qualifier: 'AccountService.getInstance()', method: 'process', line: 4, inLoop: false },
      { qualifier: "handlers.get('x')", className: 'TriggerHandler', method: 'handle', line: 5, inLoop: false },
    ]);
  });

  it('marks calls in loops', () => {
    const model = parseClass(`public class L {
  public void m(List<Account> accs) {
    for (Account a : accs) {
      Validator.check(a);
    }
    Validator.check(null);
  }
}`);
    expect(method(model, 'm').calls.map((call) => [call.line, call.inLoop])).toEqual([
      [4, true],
      [6, false],
    ]);
  });

  it('resolves inner classes and super calls', () => {
    const model = parseClass(`public class Outer extends BaseService {
  public void m() {
    Inner.build();
    Outer.Inner.build();
    Inner i = new Inner();
    i.go();
    super.init();
  }
  public class Inner {
    public void go() { helper(); }
    public void helper() {}
  }
}`);
    expect(method(model, 'm').calls.map((call) => [call.qualifier, call.className, call.method])).toEqual([
      ['Inner', 'Outer.Inner', 'build'],
      ['Outer.Inner', 'Outer.Inner', 'build'],
      ['i', 'Outer.Inner', 'go'],
      ['super', 'BaseService', 'init'],
    ]);
    expect(method(model, 'Inner.go').calls).toEqual([{ className: 'Outer.Inner', method: 'helper', line: 10, inLoop: false }]);
  });

  it('records calls in a trigger body without a current class', () => {
    const trigger = parseTrigger(`trigger T on Lead (after insert) {
  LeadHandler.run(Trigger.new);
  localHelper();
}`);
    expect(trigger.body.calls).toEqual([
      // The records passed: what the callee could write if its code were out of sight.
      { qualifier: 'LeadHandler', className: 'LeadHandler', method: 'run', line: 2, inLoop: false, argObjects: ['Lead'] },
      { method: 'localHelper', line: 3, inLoop: false },
    ]);
  });
});

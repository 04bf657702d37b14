import { describe, expect, it } from 'vitest';
import { method, methodOf, parseClass } from './apex-helpers.js';

describe('what calls say about their receiver, for dispatch', () => {
  it('marks `new X().m()` and a local made by `new X()` exact, until the local is reassigned', () => {
    const m = methodOf(
      [
        '    new AccountTriggerHandler().run();',
        '    TriggerHandler h = new AccountTriggerHandler();',
        '    h.run();',
        '    h = factory();',
        '    h.run();',
      ].join('\n'),
    );
    expect(m.calls.map((call) => [call.className, call.method, call.exact ?? false])).toEqual([
      ['AccountTriggerHandler', 'run', true],
      ['AccountTriggerHandler', 'run', true],
      ['Subject', 'factory', false],
      ['TriggerHandler', 'run', false],
    ]);
  });

  it('records parameter receivers and the exact classes passed as arguments', () => {
    const cls = parseClass(
      [
        'public class Dispatcher {',
        '  public static void run(ITriggerHandler handler) { handler.afterUpdate(); }',
        '  public static void go() { run(new ContactHandler()); Dispatcher.run(new ContactHandler()); }',
        '}',
      ].join('\n'),
    );
    expect(method(cls, 'run').calls).toEqual([{ qualifier: 'handler', className: 'ITriggerHandler', method: 'afterUpdate', line: 2, inLoop: false, receiverParam: 0 }]);
    expect(method(cls, 'go').calls.map((call) => call.argClasses)).toEqual([['ContactHandler'], ['ContactHandler']]);
  });

  it('traces Type.forName(record.Field__c).newInstance() to the custom metadata field, also through locals', () => {
    const m = methodOf(
      [
        '    for (Trigger_Handler__mdt config : [SELECT Handler_Class__c FROM Trigger_Handler__mdt]) {',
        '      ITriggerHandler h = (ITriggerHandler) Type.forName(config.Handler_Class__c).newInstance();',
        '      h.afterUpdate();',
        '      String name = config.Handler_Class__c;',
        '      Type t = Type.forName(name);',
        '      ((ITriggerHandler) t.newInstance()).afterInsert();',
        "      ((ITriggerHandler) Type.forName('Literal').newInstance()).beforeInsert();",
        '    }',
      ].join('\n'),
    );
    expect(m.calls.map((call) => [call.method, call.dynamic, call.inLoop])).toEqual([
      ['afterUpdate', { sobject: 'Trigger_Handler__mdt', field: 'Handler_Class__c' }, false],
      ['afterInsert', { sobject: 'Trigger_Handler__mdt', field: 'Handler_Class__c' }, false],
      ['beforeInsert', { className: 'Literal' }, false],
    ]);
  });

  it('marks calls on the variable of a for-each over Apex objects, with whether another loop encloses it', () => {
    const m = methodOf(
      [
        '    for (ITriggerHandler h : handlers) {',
        '      h.afterUpdate();',
        '      for (Account a : accounts) { h.touch(a); }',
        '    }',
        '    for (Account a : accounts) { for (ITriggerHandler h : handlers) { h.afterUpdate(); } }',
      ].join('\n'),
      '  List<ITriggerHandler> handlers; List<Account> accounts;',
    );
    expect(m.calls.map((call) => [call.method, call.inLoop, call.loopVariable])).toEqual([
      ['afterUpdate', true, { outerInLoop: false }],
      ['touch', true, undefined],
      ['afterUpdate', true, { outerInLoop: true }],
    ]);
  });

  it('records the objects a class casts Trigger.new and Trigger.oldMap to', () => {
    const m = methodOf('    List<Account> a = (List<Account>) Trigger.new;\n    Map<Id, Account> o = (Map<Id, Account>) Trigger.oldMap;\n    List<SObject> any = (List<SObject>) Trigger.new;');
    expect(m.triggerObjects).toEqual(['Account']);
  });

  it('types a DML target by a same-file method’s return type, and names the method of another file', () => {
    const cls = parseClass(
      [
        'public class Service {',
        '  List<Contact> build() { return new List<Contact>(); }',
        '  public void save(ContactSelector selector) {',
        '    update build();',
        '    Database.update(this.build());',
        '    update selector.byAccount();',
        '    update ContactSelector.all();',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(method(cls, 'save').dml.map((dml) => [dml.sobjectType, dml.via])).toEqual([
      ['Contact', undefined],
      ['Contact', undefined],
      ['unknown', { className: 'ContactSelector', method: 'byAccount' }],
      ['unknown', { className: 'ContactSelector', method: 'all' }],
    ]);
  });

  it('records the class hierarchy: abstract and virtual classes, abstract methods and inner types', () => {
    const cls = parseClass(
      [
        'public abstract class Base implements Outer {',
        '  protected abstract void afterUpdate();',
        '  protected virtual void beforeUpdate() {}',
        '  public interface Step { void go(); }',
        '  public class First implements Step { public void go() {} }',
        '  public virtual class Second extends First {}',
        '}',
      ].join('\n'),
    );
    expect(cls.isAbstract).toBe(true);
    expect(method(cls, 'afterUpdate').isAbstract).toBe(true);
    expect(method(cls, 'beforeUpdate').isAbstract).toBeUndefined();
    expect(method(cls, 'Step.go').isAbstract).toBe(true);
    expect(cls.innerTypes).toEqual([
      { name: 'Base.Step', interfaces: [], isInterface: true, isAbstract: false },
      { name: 'Base.First', interfaces: ['Base.Step'], isInterface: false, isAbstract: false },
      { name: 'Base.Second', superclass: 'Base.First', interfaces: [], isInterface: false, isAbstract: false },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseApexClass } from '../../../src/metadata/apex/index.js';
import { method, parseClass, readFixture } from './apex-helpers.js';

const META = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">${body}</ApexClass>`;

describe('Apex class structure', () => {
  it('reads the declaration: annotations, superclass, interfaces as written', () => {
    const model = parseClass(`@RestResource(urlMapping='/acct/*')
global with sharing class AcctApi extends BaseApi implements Queueable, Database.AllowsCallouts, Comparable {
}`);
    expect(model).toMatchObject({
      name: 'AcctApi',
      isTest: false,
      isInterface: false,
      superclass: 'BaseApi',
      interfaces: ['Queueable', 'Database.AllowsCallouts', 'Comparable'],
      annotations: ['restresource'],
      source: { file: 'classes/AcctApi.cls', line: 2 },
    });
  });

  it('reads methods: name, line, static, annotations, parameters, return type; constructors are named after the class', () => {
    const model = parseClass(`public virtual class Shapes {
  public Shapes(String name, Map<Id, List<Account>> byOwner) {}
  @AuraEnabled(cacheable=true)
  public static List<Account> find(String term) { return null; }
  @InvocableMethod(label='Go')
  public static void go(List<Id> ids) {}
  protected virtual Integer count() { return 0; }
}`);
    expect(model.methods.map(({ name, line, isStatic, annotations, parameters, returnType }) => ({ name, line, isStatic, annotations, parameters, returnType }))).toEqual([
      { name: 'Shapes', line: 2, isStatic: false, annotations: [], parameters: [{ name: 'name', type: 'String' }, { name: 'byOwner', type: 'Map<Id,List<Account>>' }], returnType: undefined },
      { name: 'find', line: 4, isStatic: true, annotations: ['auraenabled'], parameters: [{ name: 'term', type: 'String' }], returnType: 'List<Account>' },
      { name: 'go', line: 6, isStatic: true, annotations: ['invocablemethod'], parameters: [{ name: 'ids', type: 'List<Id>' }], returnType: 'void' },
      { name: 'count', line: 7, isStatic: false, annotations: [], parameters: [], returnType: 'Integer' },
    ]);
  });

  it('flattens inner classes as Outer.Inner and their methods as Inner.method', () => {
    const model = parseClass(`public class Outer {
  public void top() {}
  public class Wrapper {
    public Wrapper() {}
    public void wrap() {}
  }
  private interface Strategy { void apply(); }
  public enum Mode { UP, DOWN }
}`);
    expect(model.innerClasses).toEqual(['Outer.Wrapper', 'Outer.Strategy']);
    expect(model.methods.map((m) => m.name)).toEqual(['top', 'Wrapper.Wrapper', 'Wrapper.wrap', 'Strategy.apply']);
  });

  it('detects test classes by @IsTest or by test methods', () => {
    expect(parseClass('@isTest private class A_Test { @IsTest static void t() {} }').isTest).toBe(true);
    expect(parseClass('public class B_Test { static testMethod void t() {} }').isTest).toBe(true);
    expect(parseClass('public class C { @TestVisible static void t() {} }').isTest).toBe(false);
  });

  it('reads interfaces and enums as classes', () => {
    const iface = parseClass('public interface Greeter extends Named { String greet(String who); }');
    expect(iface).toMatchObject({ name: 'Greeter', isInterface: true, interfaces: ['Named'] });
    expect(iface.methods.map((m) => [m.name, m.returnType, m.parameters])).toEqual([['greet', 'String', [{ name: 'who', type: 'String' }]]]);
    const enumeration = parseClass('public enum Season { WINTER, SPRING }');
    expect(enumeration).toMatchObject({ name: 'Season', isInterface: false, methods: [], staticMembers: [] });
  });

  it('keeps initializers and property accessors with code as pseudo-methods', () => {
    const model = parseClass(`public class Lazy {
  private static List<User> admins = [SELECT Id FROM User WHERE Profile.Name = 'System Administrator'];
  static { Registry.register('lazy'); }
  { counter = 0; }
  private Integer counter;
  public Account primary {
    get { if (primary == null) primary = [SELECT Id FROM Account LIMIT 1]; return primary; }
    set { primary = value; update value; }
  }
  public String plain { get; set; }
}`);
    expect(model.methods.map((m) => m.name)).toEqual(['get-primary', 'set-primary', 'static-init']);
    expect(method(model, 'static-init')).toMatchObject({
      line: 2,
      isStatic: true,
      soql: [{ objects: ['User'], line: 2 }],
      calls: [{ qualifier: 'Registry', className: 'Registry', method: 'register', line: 3 }],
    });
    expect(method(model, 'set-primary').dml).toEqual([
      { operation: 'update', sobjectType: 'Account', expression: 'value', viaDatabase: false, line: 8, inLoop: false },
    ]);
  });

  it('reads apiVersion and status from the -meta.xml (Active when absent)', () => {
    const text = 'public class M {}';
    expect(parseClass(text, META('<apiVersion>61.0</apiVersion><status>Deleted</status>'))).toMatchObject({ apiVersion: '61.0', status: 'Deleted' });
    expect(parseClass(text, META('<apiVersion>59.0</apiVersion>'))).toMatchObject({ apiVersion: '59.0', status: 'Active' });
    const bare = parseClass(text);
    expect(bare.apiVersion).toBeUndefined();
    expect(bare.status).toBeUndefined();
    expect(() => parseClass(text, '<ApexTrigger/>')).toThrow(/ApexClass -meta.xml: expected root element <ApexClass>/);
  });

  it('throws on a syntax error with a message naming the line', () => {
    const text = readFixture('misc', 'Broken.cls');
    expect(() => parseApexClass({ file: 'classes/Broken.cls', fullName: 'Broken', text })).toThrow(
      /^Apex syntax error at line 6, column 9: missing ';' at '}'$/,
    );
    expect(() => parseClass('public class {')).toThrow(/^Apex syntax error at line 1, column 14: /);
    expect(() => parseClass('')).toThrow(/^Apex syntax error at line 1/);
  });

  it('parses unicode identifiers and keeps them as written', () => {
    const model = parseApexClass({ file: 'classes/Unicode.cls', fullName: 'Ünïcödé', text: readFixture('misc', 'Unicode.cls') });
    expect(model.name).toBe('Ünïcödé');
    expect(model.staticMembers).toEqual([{ name: 'déjàVu', type: 'Boolean', line: 3, guardCandidate: true }]);
    const m = method(model, 'straße');
    expect(m.parameters).toEqual([{ name: 'kontenÄnderung', type: 'List<Account>' }]);
    expect(m.guardChecks).toEqual([{ member: 'Ünïcödé.déjàVu', line: 6 }]);
    expect(m.fieldAssignments).toEqual([{ sobjectType: 'Account', field: 'Description', target: '口座', line: 10 }]);
    expect(m.dml).toEqual([{ operation: 'update', sobjectType: 'Account', expression: 'kontenÄnderung', viaDatabase: false, line: 12, inLoop: false }]);
    expect(m.calls).toEqual([{ qualifier: 'Δ', className: 'Δ', method: 'berechne', line: 13, inLoop: false, argObjects: ['Account'] }]);
  });

  it('keeps lines right after astral characters (emoji) in strings and comments', () => {
    const model = parseClass(`public class Emoji {
  // 🎉🎉 party
  public void m(List<Account> accs) {
    String s = '😀 smile';
    update accs; /* 🚀 */ insert accs;
  }
}`);
    expect(method(model, 'm').dml.map((entry) => [entry.operation, entry.expression, entry.line])).toEqual([
      ['update', 'accs', 5],
      ['insert', 'accs', 5],
    ]);
  });

  it('survives unusual but valid Apex', () => {
    const model = parseClass(`public without sharing abstract class Kitchen implements Iterable<Account> {
  public abstract void todo();
  public Iterator<Account> iterator() { return null; }
  public void sink(Object o, SObject rec) {
    switch on o {
      when Account a { a.Name = 'x'; update a; }
      when Contact c { c.LastName = 'y'; }
      when null { }
      when else { }
    }
    switch on rec.getSObjectType().getDescribe().getName() {
      when 'Account', 'Contact' { Helper.go(); }
    }
    try { insert rec; } catch (DmlException e) { Logger.error(e); } finally { Logger.flush(); }
    List<Map<String, List<Set<Id>>>> nested = new List<Map<String, List<Set<Id>>>>();
    Integer x = (Integer) 1.0 + 2 * 3 >> 1;
    Boolean b = o instanceof Account ? true : false;
    String s = o?.toString() ?? 'none';
    System.runAs(new User(Id = UserInfo.getUserId())) { Helper.asUser(); }
    Account acc = (Account) JSON.deserialize('{}', Account.class);
    acc.Name = 'z';
  }
}`);
    const sink = method(model, 'sink');
    expect(sink.dml.map((entry) => [entry.operation, entry.sobjectType])).toEqual([
      ['update', 'Account'],
      ['insert', 'unknown'],
    ]);
    expect(sink.fieldAssignments.map((entry) => `${entry.sobjectType}.${entry.field}`)).toEqual([
      'Account.Name',
      'Contact.LastName',
      'User.Id',
      'Account.Name',
    ]);
    expect(sink.calls.map((call) => `${call.className}.${call.method}`)).toEqual([
      'Helper.go',
      'Logger.error',
      'Logger.flush',
      'Helper.asUser',
    ]);
    expect(method(model, 'todo')).toMatchObject({ returnType: 'void', dml: [], calls: [] });
  });
});

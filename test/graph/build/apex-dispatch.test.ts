import { describe, expect, it } from 'vitest';
import type { AutomationGraph } from '../../../src/graph/automation-graph.js';
import type { Finding } from '../../../src/review/finding.js';
import { review } from '../../../src/review/review.js';
import { customMetadataRecord, HANDLER_INTERFACE, HANDLER_METADATA_TYPE, METADATA_DISPATCHER, TRIGGER_HANDLER_BASE } from '../../helpers/apex-frameworks.js';
import { apexClass, apexTrigger, customObject, type DxFile, permissionSetWithFields, sorField, writePolicy, writeProject } from '../../helpers/dx-project.js';

async function reviewOf(files: DxFile[], policy?: string): Promise<{ findings: string[]; all: Finding[]; graph: AutomationGraph }> {
  const root = writeProject(files);
  if (policy) writePolicy(root, policy);
  const { result, graph } = await review({ baseDir: root, sourceDirs: [], asOf: '2026-11-23' });
  expect(result.parseIssues).toEqual([]);
  expect(result.ruleErrors).toEqual([]);
  const all = result.findings.filter((finding) => /^(recursion|sor|limits)\//.test(finding.ruleId));
  return { findings: all.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.object ?? '-'} ${finding.components.map((component) => component.name).join(' > ')}`), all, graph };
}

const writesOf = (graph: AutomationGraph, trigger: string): string[] =>
  graph
    .outEdges(`apex-trigger:${trigger}`, 'writes')
    .map((edge) => `${graph.node(edge.target)?.name} ${edge.operation} [${(edge.fields ?? []).join(',')}] ${edge.confidence}${edge.inMemory ? ' inMemory' : ''}`)
    .sort();

const cls = (name: string, ...lines: string[]): DxFile[] => apexClass(name, lines.join('\n'));
const UPDATE_ACCOUNTS = ['        List<Account> others = [SELECT Id FROM Account WHERE ParentId IN :Trigger.newMap.keySet()];', '        update others;'];

describe('Apex dispatch: a base class run() reaches the override of the class the trigger creates', () => {
  it('fires recursion/self-update for TriggerHandler.run → AccountTriggerHandler.afterUpdate updating accounts', async () => {
    const { findings, graph } = await reviewOf([
      ...TRIGGER_HANDLER_BASE,
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    new AccountTriggerHandler().run();'),
      ...cls('AccountTriggerHandler', 'public class AccountTriggerHandler extends TriggerHandler {', '    protected override void afterUpdate() {', ...UPDATE_ACCOUNTS, '    }', '}'),
    ]);
    expect(findings).toEqual(['recursion/self-update high Account AccountTrigger']);
    expect(graph.outEdges('apex-trigger:AccountTrigger', 'writes').map((edge) => edge.path)).toEqual([['AccountTrigger', 'TriggerHandler.run', 'AccountTriggerHandler.afterUpdate']]);
  });

  it('does not fire when only another subclass (never created by this trigger) updates accounts', async () => {
    const { findings, graph } = await reviewOf([
      ...TRIGGER_HANDLER_BASE,
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    new AccountTriggerHandler().run();'),
      ...cls('AccountTriggerHandler', 'public class AccountTriggerHandler extends TriggerHandler {', '    protected override void afterUpdate() {}', '}'),
      ...cls('CaseTriggerHandler', 'public class CaseTriggerHandler extends TriggerHandler {', '    protected override void afterUpdate() {', ...UPDATE_ACCOUNTS, '    }', '}'),
    ]);
    expect(findings).toEqual([]);
    expect(writesOf(graph, 'AccountTrigger')).toEqual([]);
  });
});

describe('Apex dispatch: an interface parameter takes the class the caller passes', () => {
  const dispatcher = cls('TriggerDispatcher', 'public class TriggerDispatcher {', '    public static void run(ITriggerHandler handler) {', '        handler.afterUpdate(Trigger.new, Trigger.oldMap);', '    }', '}');
  const handler = (name: string, body: string[]): DxFile[] =>
    cls(name, `public class ${name} implements ITriggerHandler {`, '    public void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap) {', ...body, '    }', '}');

  it('fires for the handler passed by the Account trigger', async () => {
    const { findings, graph } = await reviewOf([
      ...HANDLER_INTERFACE,
      ...dispatcher,
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    TriggerDispatcher.run(new AccountHandler());'),
      ...handler('AccountHandler', UPDATE_ACCOUNTS),
      ...handler('CaseHandler', ['        update [SELECT Id FROM Case LIMIT 1];']),
    ]);
    expect(findings).toEqual(['recursion/self-update high Account AccountTrigger']);
    expect(writesOf(graph, 'AccountTrigger')).toEqual(['Account update [] certain']);
  });

  it('does not fire when the handler passed does nothing and another implementation updates accounts', async () => {
    const { findings } = await reviewOf([
      ...HANDLER_INTERFACE,
      ...dispatcher,
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    TriggerDispatcher.run(new AccountHandler());'),
      ...handler('AccountHandler', []),
      ...handler('ReportHandler', UPDATE_ACCOUNTS),
    ]);
    expect(findings).toEqual([]);
  });
});

describe('Apex dispatch: handlers named in custom metadata records', () => {
  const contactTrigger = apexTrigger('ContactTrigger', 'Contact', 'after update', "    MetadataTriggerDispatcher.run('Contact');");
  const selfUpdating = (name: string): DxFile[] =>
    cls(name, `public class ${name} implements ITriggerHandler {`, '    public void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap) {', '        update [SELECT Id FROM Contact WHERE Id IN :oldMap.keySet()];', '    }', '}');

  it('fires likely for the handler a record registers for the object', async () => {
    const { findings, graph } = await reviewOf([
      ...HANDLER_METADATA_TYPE,
      ...HANDLER_INTERFACE,
      ...METADATA_DISPATCHER,
      ...contactTrigger,
      ...selfUpdating('ContactDedupe'),
      customMetadataRecord('Trigger_Handler', 'Contact_Dedupe', { Handler_Class__c: 'ContactDedupe', Object__c: 'Contact', Active__c: true }),
    ]);
    expect(findings).toEqual(['recursion/self-update high Contact ContactTrigger']);
    expect(writesOf(graph, 'ContactTrigger')).toEqual(['Contact update [] likely']);
  });

  it('falls back to the implementations of the cast interface, as possible, when no record names a class', async () => {
    const { graph } = await reviewOf([...HANDLER_METADATA_TYPE, ...HANDLER_INTERFACE, ...METADATA_DISPATCHER, ...contactTrigger, ...selfUpdating('ContactDedupe')]);
    expect(writesOf(graph, 'ContactTrigger')).toEqual(['Contact update [] possible']);
  });

  it('does not fire for a handler registered for another object, nor for an implementation no record names', async () => {
    const { findings, graph } = await reviewOf([
      ...customObject('Account'),
      ...HANDLER_METADATA_TYPE,
      ...HANDLER_INTERFACE,
      ...METADATA_DISPATCHER,
      ...contactTrigger,
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    System.debug(1);'),
      ...selfUpdating('AccountOnlyHandler'),
      ...selfUpdating('UnregisteredHandler'),
      customMetadataRecord('Trigger_Handler', 'Account_Only', { Handler_Class__c: 'AccountOnlyHandler', Object__c: 'Account', Active__c: true }),
    ]);
    expect(findings).toEqual([]);
    expect(writesOf(graph, 'ContactTrigger')).toEqual([]);
  });
});

describe('Apex chains: inherited methods, inner classes, queries and selectors on another object', () => {
  it('resolves a call on a subclass to the base method it inherits, and an inner class called from a trigger', async () => {
    const { findings, graph } = await reviewOf([
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    new AccountService().touch(Trigger.new);\n    AccountServices.Writer.stamp(Trigger.newMap.keySet());'),
      ...cls('BaseService', 'public virtual class BaseService {', '    public void touch(List<Account> records) {', '        update [SELECT Id FROM Account WHERE Id IN :records];', '    }', '}'),
      ...cls('AccountService', 'public class AccountService extends BaseService {}'),
      ...cls('AccountServices', 'public class AccountServices {', '    public class Writer {', '        public static void stamp(Set<Id> ids) {', '            insert new Task(Subject = \'Stamp\');', '        }', '    }', '}'),
    ]);
    expect(findings).toEqual(['recursion/self-update high Account AccountTrigger']);
    expect(writesOf(graph, 'AccountTrigger')).toEqual(['Account update [] certain', 'Task create [Task.Subject] certain']);
  });

  it('types an update of what a selector of another class returns, closing a cross-object cycle', async () => {
    const { findings } = await reviewOf([
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    AccountService.touchContacts(Trigger.newMap.keySet());'),
      ...cls('AccountService', 'public class AccountService {', '    public static void touchContacts(Set<Id> ids) {', '        update new ContactSelector().forAccounts(ids);', '    }', '}'),
      ...cls('ContactSelector', 'public class ContactSelector {', '    public List<Contact> forAccounts(Set<Id> ids) {', '        return [SELECT Id FROM Contact WHERE AccountId IN :ids];', '    }', '}'),
      ...apexTrigger('ContactTrigger', 'Contact', 'after update', '    List<Account> parents = [SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN :Trigger.new)];\n    update parents;'),
    ]);
    expect(findings).toEqual(['recursion/cross-object-cycle critical Account AccountTrigger > ContactTrigger']);
  });

  it('does not close the cycle when the selector returns generic SObjects', async () => {
    const { findings } = await reviewOf([
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    AccountService.touchContacts(Trigger.newMap.keySet());'),
      ...cls('AccountService', 'public class AccountService {', '    public static void touchContacts(Set<Id> ids) {', '        update new ContactSelector().forAccounts(ids);', '    }', '}'),
      ...cls('ContactSelector', 'public class ContactSelector {', '    public List<SObject> forAccounts(Set<Id> ids) {', '        return [SELECT Id FROM Contact WHERE AccountId IN :ids];', '    }', '}'),
      ...apexTrigger('ContactTrigger', 'Contact', 'after update', '    List<Account> parents = [SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN :Trigger.new)];\n    update parents;'),
    ]);
    expect(findings).toEqual([]);
  });
});

describe('Apex field writes made in helpers reach the save and the system-of-record rules', () => {
  const policy = ['systems:', '  erp:', '    label: ERP', '    owns: [Contact.Account_Region__c]', '    integration:', '      permissionSets: [ERP_Integration]', ''].join('\n');
  const base = [...customObject('Contact', [sorField('Account_Region__c'), sorField('Title__c')]), permissionSetWithFields('ERP_Integration', { fields: { 'Contact.Account_Region__c': 'read' } })];
  const project = (assignments: string[]): DxFile[] => [
    ...base,
    ...apexTrigger('AccountTrigger', 'Account', 'after update', '    ContactSync.run(Trigger.newMap.keySet());'),
    ...cls(
      'ContactSync',
      'public class ContactSync {',
      '    public static void run(Set<Id> ids) {',
      '        insert build(ids);',
      '        List<Contact> existing = [SELECT Id FROM Contact WHERE AccountId IN :ids];',
      '        for (Contact c : existing) fill(c);',
      '        update existing;',
      '    }',
      '    static List<Contact> build(Set<Id> ids) {',
      "        return new List<Contact>{ new Contact(LastName = 'New') };",
      '    }',
      '    static void fill(Contact c) {',
      ...assignments,
      '    }',
      '}',
    ),
  ];

  it('fires sor/foreign-field-write for a field a helper puts on records its caller saves', async () => {
    const { findings, graph } = await reviewOf(project(["        c.put('Account_Region__c', 'EU');"]), policy);
    expect(findings).toEqual(['sor/foreign-field-write high Contact AccountTrigger > Contact.Account_Region__c']);
    // Both saves of the block carry the fields its helpers set on Contact, as for assignments beside a save.
    expect(writesOf(graph, 'AccountTrigger')).toEqual([
      'Contact create [Contact.Account_Region__c,Contact.LastName] certain',
      'Contact update [Contact.Account_Region__c,Contact.LastName] certain',
      'Contact update [Contact.Account_Region__c] certain inMemory',
      'Contact update [Contact.LastName] certain inMemory',
    ]);
  });

  it('does not fire when the helper only sets fields Salesforce owns', async () => {
    const { findings } = await reviewOf(project(["        c.Title__c = 'Buyer';"]), policy);
    expect(findings).toEqual([]);
  });
});

describe('Apex loops reached through calls', () => {
  const writer = [
    ...cls('IAccountWriter', 'public interface IAccountWriter { void write(Account a); }'),
    ...cls('DirectWriter', 'public class DirectWriter implements IAccountWriter {', '    public void write(Account a) {', '        update a;', '    }', '}'),
  ];

  it('fires limits/dml-in-loop for a call in a loop that dispatches to an implementation doing DML, and for DML in a SOQL for-loop', async () => {
    const { findings, all } = await reviewOf([
      ...writer,
      ...apexTrigger('ContactTrigger', 'Contact', 'after insert', '    ContactService.touch(Trigger.new);'),
      ...cls(
        'ContactService',
        'public class ContactService {',
        '    static IAccountWriter writer = new DirectWriter();',
        '    public static void touch(List<Contact> contacts) {',
        '        for (Contact c : contacts) {',
        '            writer.write(new Account(Id = c.AccountId));',
        '        }',
        '        for (Account a : [SELECT Id FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Id IN :contacts)]) {',
        '            update a;',
        '        }',
        '    }',
        '}',
      ),
    ]);
    expect(findings).toEqual(['limits/dml-in-loop high Contact ContactService']);
    expect(all[0]!.evidence.slice(0, 2).map((evidence) => [evidence.line, evidence.text])).toEqual([
      [5, 'ContactService.touch: calls DirectWriter.write inside a loop, which runs update a (Account) (DirectWriter.write, line 3)'],
      [8, 'ContactService.touch: update a (Account) inside a loop'],
    ]);
  });

  it('does not fire for a registry looping over its handlers, nor for queries in a loop over custom metadata records', async () => {
    const { findings } = await reviewOf([
      ...writer,
      ...cls('AuditWriter', 'public class AuditWriter implements IAccountWriter {', '    public void write(Account a) {', "        insert new Task(WhatId = a.Id, Subject = 'Audit');", '    }', '}'),
      ...apexTrigger('AccountTrigger', 'Account', 'after insert', '    AccountRegistry.run(Trigger.new[0]);'),
      ...cls(
        'AccountRegistry',
        'public class AccountRegistry {',
        '    static List<IAccountWriter> writers = new List<IAccountWriter>{ new DirectWriter(), new AuditWriter() };',
        '    public static void run(Account a) {',
        '        for (IAccountWriter w : writers) {',
        '            w.write(a);',
        '        }',
        '        for (Writer_Setting__mdt setting : Writer_Setting__mdt.getAll().values()) {',
        '            List<Task> open = [SELECT Id FROM Task WHERE Subject = :setting.Label];',
        '        }',
        '    }',
        '}',
      ),
    ]);
    expect(findings.filter((finding) => finding.startsWith('limits/'))).toEqual([]);
  });
});

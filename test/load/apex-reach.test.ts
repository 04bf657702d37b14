import { describe, expect, it } from 'vitest';
import { reachableClasses } from '../../src/load/apex-reach.js';
import { UNREACHED_NOTE } from '../../src/load/parse-components.js';
import { review } from '../../src/review/review.js';
import { apexClass, apexTrigger, writeProject } from '../helpers/dx-project.js';

const cls = (name: string, body = ''): { name: string; text: string } => ({ name, text: `public class ${name} { ${body} }` });

describe('which Apex classes are parsed', () => {
  it('follows class names from triggers through the code, ignoring case', () => {
    const reached = reachableClasses({
      classes: [cls('Handler', 'void run() { SERVICE.go(); }'), cls('Service', 'void go() { new Util().x(); }'), cls('Util'), cls('Orphan', 'void y() { Service.go(); }')],
      triggers: ['trigger T on Account (after update) { new handler().run(); }'],
      flowActions: [],
    });
    expect([...reached].sort()).toEqual(['handler', 'service', 'util']);
  });

  it('starts from flow actions, invocable methods and classes that enqueue jobs', () => {
    const reached = reachableClasses({
      classes: [cls('FlowAction'), cls('Invocable', '@InvocableMethod public static void run(List<Id> ids) {}'), cls('Chain', 'void execute(QueueableContext c) { System.enqueueJob(new Chain()); }'), cls('Helper', 'void a() {}')],
      triggers: [],
      flowActions: ['flowaction', 'NotInProject'],
    });
    expect([...reached].sort()).toEqual(['chain', 'flowaction', 'invocable']);
  });

  it('starts from the entry points the platform runs on its own, and what they call; never from test classes', () => {
    const reached = reachableClasses({
      classes: [
        cls('Controller', '@AuraEnabled public static void a() { Service.go(); }'),
        cls('Service'),
        { name: 'Rest', text: "@RestResource(urlMapping='/x/*') global class Rest { @HttpGet global static void g() {} }" },
        { name: 'Cleanup', text: 'public class Cleanup implements Database.Batchable<SObject>, Database.Stateful { }' },
        { name: 'Nightly', text: 'global class Nightly implements Schedulable { global void execute(SchedulableContext c) {} }' },
        { name: 'Job', text: 'public class Job implements Queueable { public void execute(QueueableContext c) {} }' },
        { name: 'Soap', text: 'global class Soap { webservice static String ping() { return null; } }' },
        { name: 'Inbound', text: 'global class Inbound implements Messaging.InboundEmailHandler { }' },
        { name: 'PageExtension', text: 'public class PageExtension { public PageExtension(ApexPages.StandardController c) {} }' },
        { name: 'JobTest', text: '@isTest private class JobTest implements Queueable { public void execute(QueueableContext c) { Unused.go(); } }' },
        cls('Unused'),
      ],
      triggers: [],
      flowActions: [],
    });
    expect([...reached].sort()).toEqual(['cleanup', 'controller', 'inbound', 'job', 'nightly', 'pageextension', 'rest', 'service', 'soap']);
  });

  it('counts a name in a comment or a string (the scan over-approximates, never under)', () => {
    const reached = reachableClasses({
      classes: [cls('Dispatcher', "Type t = Type.forName('Dynamic'); // see Commented"), cls('Dynamic'), cls('Commented')],
      triggers: ['trigger T on Account (after insert) { Dispatcher.run(); }'],
      flowActions: [],
    });
    expect([...reached].sort()).toEqual(['commented', 'dispatcher', 'dynamic']);
  });

  it('parses a class whose body cannot be read, so the review says why', () => {
    expect([...reachableClasses({ classes: [{ name: 'Lost', text: undefined }], triggers: [], flowActions: [] })]).toEqual(['lost']);
  });

  it('lists unreached classes in the model with a note, counted with the parsed ones', async () => {
    const root = writeProject([
      ...apexTrigger('AccountTrigger', 'Account', 'after update', '    AccountHandler.run(Trigger.new);'),
      ...apexClass('AccountHandler', 'public class AccountHandler { public static void run(List<Account> records) { update records; } }'),
      ...apexClass('ReportFormatter', 'public with sharing class ReportFormatter { public static Integer count() { return 1; } }'),
      ...apexClass('Broken', 'public class Broken { this is not apex'),
    ]);
    const { model, result } = await review({ baseDir: root, sourceDirs: [] });
    expect(model.apexClasses.map((parsed) => parsed.name)).toEqual(['AccountHandler']);
    expect(model.otherComponents.filter((other) => other.type === 'ApexClass')).toEqual([
      { type: 'ApexClass', fullName: 'Broken', file: 'force-app/main/default/classes/Broken.cls', note: UNREACHED_NOTE },
      { type: 'ApexClass', fullName: 'ReportFormatter', file: 'force-app/main/default/classes/ReportFormatter.cls', note: UNREACHED_NOTE },
    ]);
    expect(result.summary.counts.ApexClass).toBe(3);
    // Not parsed, so a syntax error in an unreached class is not reported.
    expect(result.parseIssues).toEqual([]);
  });
});

describe('which Apex classes dispatch reaches', () => {
  it('reaches the subclasses of a reached base class and the implementations of a reached interface', () => {
    const reached = reachableClasses({
      classes: [
        cls('TriggerHandler', 'public void run() { this.afterUpdate(); } protected virtual void afterUpdate() {}'),
        { name: 'AccountTriggerHandler', text: 'public class AccountTriggerHandler extends TriggerHandler { protected override void afterUpdate() { AccountService.sync(); } }' },
        cls('AccountService'),
        { name: 'Registry', text: 'public class Registry { public static void run(ITriggerHandler h) { h.afterUpdate(); } }' },
        { name: 'ITriggerHandler', text: 'public interface ITriggerHandler { void afterUpdate(); }' },
        { name: 'ContactHandler', text: 'public class ContactHandler implements Database.Stateful, ITriggerHandler { public void afterUpdate() {} }' },
        { name: 'Wrapper', text: 'public class Wrapper { public class Inner extends TriggerHandler {} }' },
        { name: 'Unrelated', text: 'public class Unrelated extends Exception {}' },
      ],
      triggers: ['trigger T on Account (after update) { new AccountTriggerHandler().run(); Registry.run(null); }'],
      flowActions: [],
    });
    expect([...reached].sort()).toEqual(['accountservice', 'accounttriggerhandler', 'contacthandler', 'itriggerhandler', 'registry', 'triggerhandler', 'wrapper']);
  });

  it('reaches the classes custom metadata records name when a reached class uses Type.forName, and reads no record otherwise', () => {
    let reads = 0;
    const records = (): string[] => {
      reads += 1;
      return ['<CustomMetadata><values><field>Handler_Class__c</field><value>ContactRollupHandler</value></values></CustomMetadata>'];
    };
    const classes = [cls('Dispatcher', 'void run(Trigger_Handler__mdt h) { Object o = Type.forName(h.Handler_Class__c).newInstance(); }'), cls('ContactRollupHandler'), cls('Direct')];
    const dynamic = reachableClasses({ classes, triggers: ['trigger T on Contact (after update) { Dispatcher.run(); }'], flowActions: [], metadataRecords: records });
    expect([...dynamic].sort()).toEqual(['contactrolluphandler', 'dispatcher']);
    const direct = reachableClasses({ classes, triggers: ['trigger T on Contact (after update) { Direct.run(); }'], flowActions: [], metadataRecords: records });
    expect([...direct]).toEqual(['direct']);
    expect(reads).toBe(1);
  });
});

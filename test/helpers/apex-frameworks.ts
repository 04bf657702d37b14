import { apexClass, apexTrigger, customObject, type DxFile, permissionSetWithFields, sorField, writePolicy, writeProject } from './dx-project.js';

/**
 * Apex as production orgs write it, for the recall tests: trigger-handler base classes, handler
 * registries in custom metadata, services and selectors, a unit of work. Written from the patterns,
 * in the shapes Salesforce stores them.
 */

const XML = '<?xml version="1.0" encoding="UTF-8"?>';

/** A custom metadata record: `customMetadata/<Type>.<Name>.md-meta.xml` (Type without `__mdt`). */
export function customMetadataRecord(type: string, name: string, values: Record<string, string | boolean | number>): DxFile {
  const entries = Object.entries(values).map(([field, value]) => {
    const xsd = typeof value === 'boolean' ? 'boolean' : typeof value === 'number' ? 'double' : 'string';
    return `    <values>\n        <field>${field}</field>\n        <value xsi:type="xsd:${xsd}">${String(value)}</value>\n    </values>`;
  });
  return [
    `customMetadata/${type}.${name}.md-meta.xml`,
    [
      XML,
      '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
      `    <label>${name}</label>`,
      '    <protected>false</protected>',
      ...entries,
      '</CustomMetadata>',
      '',
    ].join('\n'),
  ];
}

/** kevinohara80-style base class: `run()` calls the virtual event methods on `this`. */
export const TRIGGER_HANDLER_BASE = apexClass(
  'TriggerHandler',
  [
    'public virtual class TriggerHandler {',
    '    public void run() {',
    '        if (Trigger.isBefore && Trigger.isUpdate) {',
    '            this.beforeUpdate();',
    '        } else if (Trigger.isAfter && Trigger.isUpdate) {',
    '            this.afterUpdate();',
    '        }',
    '    }',
    '    protected virtual void beforeUpdate() {}',
    '    protected virtual void afterUpdate() {}',
    '}',
  ].join('\n'),
);

/** The interface metadata-driven dispatchers cast their handlers to. */
export const HANDLER_INTERFACE = apexClass(
  'ITriggerHandler',
  ['public interface ITriggerHandler {', '    void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap);', '}'].join('\n'),
);

/** Reads the active handlers of an object from Trigger_Handler__mdt and creates each by name. */
export const METADATA_DISPATCHER = apexClass(
  'MetadataTriggerDispatcher',
  [
    'public with sharing class MetadataTriggerDispatcher {',
    '    public static void run(String objectName) {',
    '        for (Trigger_Handler__mdt config : [SELECT Handler_Class__c FROM Trigger_Handler__mdt WHERE Object__c = :objectName AND Active__c = true ORDER BY Order__c]) {',
    '            ITriggerHandler handler = (ITriggerHandler) Type.forName(config.Handler_Class__c).newInstance();',
    '            if (Trigger.isAfter && Trigger.isUpdate) {',
    '                handler.afterUpdate(Trigger.new, Trigger.oldMap);',
    '            }',
    '        }',
    '    }',
    '}',
  ].join('\n'),
);

export const HANDLER_METADATA_TYPE = customObject('Trigger_Handler__mdt', [{ name: 'Handler_Class__c' }, { name: 'Object__c' }, { name: 'Order__c' }, { name: 'Active__c' }]);

/** ERP owns the region stamped on contacts; its integration may only read it. */
export const FRAMEWORK_POLICY = [
  'systems:',
  '  erp:',
  '    label: ERP',
  '    owns: [Contact.Account_Region__c]',
  '    integration:',
  '      permissionSets: [ERP_Integration]',
  'defaultOwner: salesforce',
  '',
].join('\n');

/**
 * The framework org: Account runs a TriggerHandler subclass (service, selector, unit of work, a
 * hierarchy helper); Contact runs handlers its custom metadata records name. Account saves stamp the
 * region on their contacts (through a helper and a unit of work), contact saves roll up onto their
 * accounts: a cycle; the hierarchy helper re-saves accounts; a change log inserts a Task per account.
 * Handlers that must not be reached: one registered for Account (no Account trigger dispatches by
 * metadata), one implementing the interface with no record, and an unused TriggerHandler subclass.
 */
export function frameworkOrgFiles(): DxFile[] {
  return [
    ...customObject('Account', [sorField('Region__c'), sorField('Contact_Count__c')]),
    ...customObject('Contact', [sorField('Account_Region__c')]),
    ...HANDLER_METADATA_TYPE,
    permissionSetWithFields('ERP_Integration', { label: 'ERP Integration', fields: { 'Contact.Account_Region__c': 'read' } }),
    ...TRIGGER_HANDLER_BASE,
    ...apexTrigger('AccountTrigger', 'Account', 'before update, after update', '    new AccountTriggerHandler().run();'),
    ...apexClass(
      'AccountTriggerHandler',
      [
        'public with sharing class AccountTriggerHandler extends TriggerHandler {',
        '    private final AccountService service = new AccountService();',
        '    protected override void afterUpdate() {',
        '        List<Account> accounts = (List<Account>) Trigger.new;',
        '        service.syncContacts(accounts);',
        '        service.logChanges(accounts);',
        '        AccountHierarchy.touchParents(accounts);',
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'AccountService',
      [
        'public with sharing class AccountService {',
        '    public void syncContacts(List<Account> accounts) {',
        '        Map<Id, Account> byId = new Map<Id, Account>(accounts);',
        '        List<Contact> contacts = new ContactSelector().forAccounts(byId.keySet());',
        '        ContactUnitOfWork uow = new ContactUnitOfWork();',
        '        for (Contact c : contacts) {',
        '            stampRegion(c, byId.get(c.AccountId));',
        '            uow.registerDirty(c);',
        '        }',
        '        uow.commitWork();',
        '    }',
        '    private void stampRegion(Contact c, Account a) {',
        '        c.Account_Region__c = a.Region__c;',
        '    }',
        '    public void logChanges(List<Account> accounts) {',
        '        for (Account a : accounts) {',
        "            insert new Task(WhatId = a.Id, Subject = 'Account changed');",
        '        }',
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'ContactSelector',
      ['public inherited sharing class ContactSelector {', '    public List<Contact> forAccounts(Set<Id> accountIds) {', '        return [SELECT Id, AccountId FROM Contact WHERE AccountId IN :accountIds];', '    }', '}'].join('\n'),
    ),
    ...apexClass(
      'ContactUnitOfWork',
      [
        'public with sharing class ContactUnitOfWork {',
        '    private final List<Contact> dirty = new List<Contact>();',
        '    public void registerDirty(Contact record) {',
        '        dirty.add(record);',
        '    }',
        '    public void commitWork() {',
        '        if (!dirty.isEmpty()) {',
        '            Database.update(dirty, false);',
        '        }',
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'AccountHierarchy',
      [
        'public with sharing class AccountHierarchy {',
        '    public static void touchParents(List<Account> accounts) {',
        '        Set<Id> parentIds = new Set<Id>();',
        '        for (Account a : accounts) {',
        '            if (a.ParentId != null) parentIds.add(a.ParentId);',
        '        }',
        '        List<Account> parents = [SELECT Id, Rating FROM Account WHERE Id IN :parentIds];',
        "        for (Account parent : parents) parent.Rating = 'Hot';",
        '        update parents;',
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'OpportunityTriggerHandler',
      ['public with sharing class OpportunityTriggerHandler extends TriggerHandler {', '    protected override void afterUpdate() {', '        update [SELECT Id FROM Account LIMIT 10];', '    }', '}'].join('\n'),
    ),
    ...apexTrigger('ContactTrigger', 'Contact', 'after update', "    MetadataTriggerDispatcher.run('Contact');"),
    ...METADATA_DISPATCHER,
    ...HANDLER_INTERFACE,
    ...apexClass(
      'ContactAccountRollup',
      [
        'public with sharing class ContactAccountRollup implements ITriggerHandler {',
        '    public void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap) {',
        '        Set<Id> accountIds = new Set<Id>();',
        '        for (Contact c : (List<Contact>) records) accountIds.add(c.AccountId);',
        '        List<Account> accounts = [SELECT Id, (SELECT Id FROM Contacts) FROM Account WHERE Id IN :accountIds];',
        '        for (Account a : accounts) a.Contact_Count__c = a.Contacts.size();',
        '        update accounts;',
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'AccountAuditHandler',
      [
        'public with sharing class AccountAuditHandler implements ITriggerHandler {',
        '    public void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap) {',
        "        insert new Task(Subject = 'Account audit');",
        '    }',
        '}',
      ].join('\n'),
    ),
    ...apexClass(
      'LegacyContactHandler',
      ['public with sharing class LegacyContactHandler implements ITriggerHandler {', '    public void afterUpdate(List<SObject> records, Map<Id, SObject> oldMap) {', '        update (List<Contact>) records;', '    }', '}'].join('\n'),
    ),
    customMetadataRecord('Trigger_Handler', 'Contact_Account_Rollup', { Handler_Class__c: 'ContactAccountRollup', Object__c: 'Contact', Order__c: 1, Active__c: true }),
    customMetadataRecord('Trigger_Handler', 'Account_Audit', { Handler_Class__c: 'AccountAuditHandler', Object__c: 'Account', Order__c: 1, Active__c: true }),
  ];
}

/** The framework org written to a temp folder, with its policy. */
export function writeFrameworkOrg(): string {
  const root = writeProject(frameworkOrgFiles());
  writePolicy(root, FRAMEWORK_POLICY);
  return root;
}

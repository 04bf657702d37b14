/**
 * Apex in the shapes enterprise orgs have: trigger → handler → service (DML and SOQL, writes up to
 * the parent, some down to the children) → selector/utilities; invocable actions for flows;
 * queueables (some chain themselves); and the bulk that no trigger or flow reaches: batches,
 * controllers, REST resources and tests. Each class is padded to about 150 lines.
 */
import { documentOf, leaf } from './xml.mjs';

const TARGET_LINES = 150;
const meta = (root) => documentOf(root, [leaf(1, 'apiVersion', '62.0'), leaf(1, 'status', 'Active')]);

export function triggerFiles(object, plan) {
  const handler = `${object.base}TriggerHandler`;
  const body = [
    '/**',
    ` * ${object.name} trigger: one trigger per object; the logic lives in ${handler}.`,
    ` * Owner: ${plan.teamOf(object)}`,
    ' */',
    `trigger ${object.base}Trigger on ${object.name} (before insert, before update, after insert, after update) {`,
    `    ${handler} handler = new ${handler}();`,
    '    if (Trigger.isBefore) {',
    '        if (Trigger.isInsert) {',
    '            handler.beforeInsert(Trigger.new);',
    '        } else if (Trigger.isUpdate) {',
    '            handler.beforeUpdate(Trigger.new, Trigger.oldMap);',
    '        }',
    '    } else {',
    '        if (Trigger.isInsert) {',
    '            handler.afterInsert(Trigger.new);',
    '        } else if (Trigger.isUpdate) {',
    '            handler.afterUpdate(Trigger.new, Trigger.oldMap);',
    '        }',
    '    }',
    '}',
    '',
  ].join('\n');
  return [
    [`triggers/${object.base}Trigger.trigger`, body],
    [`triggers/${object.base}Trigger.trigger-meta.xml`, meta('ApexTrigger')],
  ];
}

export function classFiles(cls, plan) {
  const lines = RENDERERS[cls.kind](cls, plan);
  for (let k = 0; lines.length < TARGET_LINES + cls.padding * 4; k += 1) lines.splice(lines.length - 1, 0, ...padding(cls, k));
  return [
    [`classes/${cls.name}.cls`, `${lines.join('\n')}\n`],
    [`classes/${cls.name}.cls-meta.xml`, meta('ApexClass')],
  ];
}

const header = (what, owner) => ['/**', ` * ${what}`, ` * Owner: ${owner}`, ' */'];

const RENDERERS = {
  handler: ({ name, object }, plan) => {
    const service = `${object.base}Service`;
    const guard = object.trigger.guarded;
    return [
      ...header(`Trigger handler for ${object.name}: routes each trigger event to ${service}.`, plan.teamOf(object)),
      `public with sharing class ${name} {`,
      ...(guard ? ['    private static Boolean isRunning = false;', ''] : []),
      `    public void beforeInsert(List<${object.name}> newRecords) {`,
      `        ${service}.applyDefaults(newRecords);`,
      '    }',
      '',
      `    public void beforeUpdate(List<${object.name}> newRecords, Map<Id, ${object.name}> oldMap) {`,
      `        ${service}.applyDefaults(newRecords);`,
      `        for (${object.name} rec : newRecords) {`,
      `            ${object.name} previous = oldMap.get(rec.Id);`,
      '            if (rec.Status__c != previous.Status__c) {',
      '                rec.Last_Synced__c = null;',
      '            }',
      '        }',
      '    }',
      '',
      `    public void afterInsert(List<${object.name}> newRecords) {`,
      `        ${service}.syncParent(newRecords);`,
      '    }',
      '',
      `    public void afterUpdate(List<${object.name}> newRecords, Map<Id, ${object.name}> oldMap) {`,
      ...(guard ? ['        if (isRunning) {', '            return;', '        }', '        isRunning = true;'] : []),
      `        List<${object.name}> changed = new List<${object.name}>();`,
      `        for (${object.name} rec : newRecords) {`,
      '            if (rec.Status__c != oldMap.get(rec.Id).Status__c || rec.Amount__c != oldMap.get(rec.Id).Amount__c) {',
      '                changed.add(rec);',
      '            }',
      '        }',
      `        ${service}.syncParent(changed);`,
      ...(object.pushesDown ? [`        ${service}.pushToChildren(changed);`] : []),
      ...(object.queueable ? [`        System.enqueueJob(new ${object.queueable.name}(new Map<Id, ${object.name}>(changed).keySet(), 0));`] : []),
      ...(guard ? ['        isRunning = false;'] : []),
      '    }',
      '}',
    ];
  },

  service: ({ name, object, utilities }, plan) => {
    const parent = object.parent;
    const child = object.children[0];
    const selector = object.selector;
    return [
      ...header(`Business logic for ${object.name}: defaults, roll-ups to the parent, and pushes to the children.`, plan.teamOf(object)),
      `public with sharing class ${name} {`,
      `    public static void applyDefaults(List<${object.name}> records) {`,
      `        for (${object.name} rec : records) {`,
      '            if (rec.Priority_Score__c == null) {',
      `                rec.Priority_Score__c = ${utilities[0]}.safeDecimal(rec.Amount__c) / 100;`,
      '            }',
      '            if (String.isBlank(rec.Rollup_Status__c)) {',
      "                rec.Rollup_Status__c = 'New';",
      '            }',
      '        }',
      '    }',
      '',
      `    public static void syncParent(List<${object.name}> records) {`,
      ...(parent
        ? [
            '        Set<Id> parentIds = new Set<Id>();',
            `        for (${object.name} rec : records) {`,
            '            if (rec.Parent_Ref__c != null) {',
            '                parentIds.add(rec.Parent_Ref__c);',
            '            }',
            '        }',
            '        if (parentIds.isEmpty()) {',
            '            return;',
            '        }',
            `        List<${parent.name}> parents = [SELECT Id, Child_Count__c, Rollup_Status__c FROM ${parent.name} WHERE Id IN :parentIds];`,
            `        for (${parent.name} parentRecord : parents) {`,
            '            parentRecord.Last_Synced__c = System.now();',
            "            parentRecord.Rollup_Status__c = 'Synced';",
            '        }',
            '        update parents;',
          ]
        : [
            `        List<${object.name}> fresh = [SELECT Id, Last_Synced__c FROM ${object.name} WHERE Id IN :records AND Last_Synced__c = null];`,
            `        for (${object.name} rec : fresh) {`,
            `            rec.Priority_Score__c = ${utilities[1]}.safeDecimal(rec.Priority_Score__c) + 1;`,
            '        }',
          ]),
      '    }',
      '',
      ...(child
        ? [
            `    public static void pushToChildren(List<${object.name}> records) {`,
            `        Map<Id, ${object.name}> byId = new Map<Id, ${object.name}>(records);`,
            `        List<${child.name}> children = [SELECT Id, Region__c, Parent_Ref__c FROM ${child.name} WHERE Parent_Ref__c IN :byId.keySet()];`,
            `        for (${child.name} childRecord : children) {`,
            '            childRecord.Region__c = byId.get(childRecord.Parent_Ref__c).Region__c;',
            '        }',
            '        update children;',
            '    }',
            '',
          ]
        : []),
      `    public static List<${object.name}> loadRecords(Set<Id> recordIds) {`,
      selector ? `        return ${selector}.selectByIds(recordIds);` : `        return [SELECT Id, Name, Status__c, Amount__c FROM ${object.name} WHERE Id IN :recordIds];`,
      '    }',
      '',
      `    public static Decimal score(${object.name} rec) {`,
      `        return ${utilities[1]}.safeDecimal(rec.Amount__c) * 2 + ${utilities[0]}.safeDecimal(rec.Priority_Score__c);`,
      '    }',
      '}',
    ];
  },

  selector: ({ name, object }, plan) => [
    ...header(`Queries for ${object.name}, in one place so the fields read stay consistent.`, plan.teamOf(object)),
    `public inherited sharing class ${name} {`,
    `    public static List<${object.name}> selectByIds(Set<Id> recordIds) {`,
    `        return [SELECT Id, Name, Status__c, Amount__c, Priority_Score__c FROM ${object.name} WHERE Id IN :recordIds];`,
    '    }',
    '',
    `    public static List<${object.name}> selectActive(Integer maxRows) {`,
    `        return [SELECT Id, Name, Status__c FROM ${object.name} WHERE Status__c = 'Active' ORDER BY CreatedDate DESC LIMIT :maxRows];`,
    '    }',
    '}',
  ],

  invocable: ({ name, object, service }, plan) => [
    ...header(`Flow action: re-syncs ${object.name} records with their parent.`, plan.teamOf(object)),
    `public with sharing class ${name} {`,
    `    @InvocableMethod(label='Sync ${object.base}' description='Re-syncs the records with their parent')`,
    '    public static void run(List<Id> recordIds) {',
    `        List<${object.name}> records = [SELECT Id, Status__c, Amount__c${object.parent ? ', Parent_Ref__c' : ''} FROM ${object.name} WHERE Id IN :recordIds];`,
    `        ${service}.applyDefaults(records);`,
    `        ${service}.syncParent(records);`,
    '    }',
    '}',
  ],

  queueable: ({ name, object, selfChaining }, plan) => [
    ...header(`Sends ${object.name} changes to the integration layer after commit.`, plan.teamOf(object)),
    `public with sharing class ${name} implements Queueable {`,
    '    private final Set<Id> recordIds;',
    '    private final Integer depth;',
    '',
    `    public ${name}(Set<Id> recordIds, Integer depth) {`,
    '        this.recordIds = recordIds;',
    '        this.depth = depth;',
    '    }',
    '',
    '    public void execute(QueueableContext context) {',
    `        List<${object.name}> records = [SELECT Id, External_Key__c FROM ${object.name} WHERE Id IN :recordIds];`,
    `        for (${object.name} rec : records) {`,
    "            rec.External_Key__c = 'sync-' + rec.Id;",
    '        }',
    '        update records;',
    ...(selfChaining ? ['        if (depth < 5) {', `            System.enqueueJob(new ${name}(recordIds, depth + 1));`, '        }'] : []),
    '    }',
    '}',
  ],

  utility: ({ name }) => [
    ...header('Small null-safe helpers shared by the services.', 'platform-team'),
    `public inherited sharing class ${name} {`,
    '    public static Decimal safeDecimal(Decimal value) {',
    '        return value == null ? 0 : value;',
    '    }',
    '',
    '    public static String normalize(String value) {',
    "        return value == null ? '' : value.trim().toLowerCase();",
    '    }',
    '}',
  ],

  batch: ({ name, object }, plan) => [
    ...header(`Nightly clean-up of closed ${object.name} records.`, plan.teamOf(object)),
    `public with sharing class ${name} implements Database.Batchable<SObject> {`,
    '    public Database.QueryLocator start(Database.BatchableContext context) {',
    `        return Database.getQueryLocator([SELECT Id FROM ${object.name} WHERE Status__c = 'Closed']);`,
    '    }',
    '',
    '    public void execute(Database.BatchableContext context, List<SObject> scope) {',
    '        delete scope;',
    '    }',
    '',
    '    public void finish(Database.BatchableContext context) {',
    "        System.debug('done');",
    '    }',
    '}',
  ],

  controller: ({ name, object }, plan) => [
    ...header(`Lightning component controller for ${object.name}.`, plan.teamOf(object)),
    `public with sharing class ${name} {`,
    '    @AuraEnabled(cacheable=true)',
    `    public static List<${object.name}> listRecent(Integer maxRows) {`,
    `        return [SELECT Id, Name, Status__c, Amount__c FROM ${object.name} ORDER BY LastModifiedDate DESC LIMIT :maxRows];`,
    '    }',
    '',
    '    @AuraEnabled',
    `    public static void lockRecord(Id recordId) {`,
    `        ${object.name} rec = [SELECT Id, Is_Locked__c FROM ${object.name} WHERE Id = :recordId];`,
    '        rec.Is_Locked__c = true;',
    '        update rec;',
    '    }',
    '}',
  ],

  rest: ({ name, object }, plan) => [
    ...header(`REST endpoint for ${object.name}, used by the partner portal.`, plan.teamOf(object)),
    `@RestResource(urlMapping='/${name}/*')`,
    `global with sharing class ${name} {`,
    '    @HttpGet',
    `    global static List<${object.name}> doGet() {`,
    `        return [SELECT Id, Name, External_Key__c FROM ${object.name} LIMIT 200];`,
    '    }',
    '}',
  ],

  test: ({ name, object, service }, plan) => [
    ...header(`Tests for ${service}.`, plan.teamOf(object)),
    '@IsTest',
    `private class ${name} {`,
    '    @TestSetup',
    '    static void setup() {',
    `        List<${object.name}> records = new List<${object.name}>();`,
    '        for (Integer i = 0; i < 20; i++) {',
    `            records.add(new ${object.name}(Amount__c = i * 10));`,
    '        }',
    '        insert records;',
    '    }',
    '',
    '    @IsTest',
    '    static void appliesDefaults() {',
    `        List<${object.name}> records = [SELECT Id, Amount__c, Priority_Score__c, Rollup_Status__c FROM ${object.name}];`,
    '        Test.startTest();',
    `        ${service}.applyDefaults(records);`,
    '        Test.stopTest();',
    "        System.assertEquals('New', records[0].Rollup_Status__c);",
    '    }',
    '}',
  ],
};

/** Helper methods of the kind that make real classes long: formatting, logging, validation. */
function padding(cls, k) {
  return [
    '',
    '    /**',
    `     * Formats a record for the debug log (helper ${k + 1}). Keeps the output stable so log`,
    '     * searches keep working across releases.',
    '     */',
    `    private static String describe${k + 1}(SObject record) {`,
    '        List<String> parts = new List<String>();',
    "        parts.add(String.valueOf(record.get('Id')));",
    `        parts.add('${cls.kind}');`,
    '        for (Integer i = 0; i < parts.size(); i++) {',
    '            if (String.isBlank(parts[i])) {',
    "                parts[i] = '-';",
    '            }',
    '        }',
    "        return String.join(parts, ' | ');",
    '    }',
  ];
}

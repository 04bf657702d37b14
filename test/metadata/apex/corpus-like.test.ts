/**
 * A realistic trigger → handler → service trio, asserted as whole models: the shape later stages
 * (graph, recursion rules) rely on.
 */
import { describe, expect, it } from 'vitest';
import { parseApexClass, parseApexTrigger } from '../../../src/metadata/apex/index.js';
import type { ApexClassModel, ApexTriggerModel } from '../../../src/metadata/model.js';
import { readFixture } from './apex-helpers.js';

const empty = { calls: [], dml: [], soql: [], fieldAssignments: [], callouts: [], async: [], guardChecks: [] };

function load(name: string, extension: 'cls' | 'trigger'): { text: string; meta: string } {
  return { text: readFixture('trio', `${name}.${extension}`), meta: readFixture('trio', `${name}.${extension}-meta.xml`) };
}

describe('trigger, handler and service (corpus-like)', () => {
  it('models the trigger', () => {
    const { text, meta } = load('AccountTrigger', 'trigger');
    const trigger = parseApexTrigger({ file: 'force-app/main/default/triggers/AccountTrigger.trigger', fullName: 'AccountTrigger', text }, meta);
    expect(trigger).toEqual<ApexTriggerModel>({
      name: 'AccountTrigger',
      object: 'Account',
      events: ['before insert', 'before update', 'after insert', 'after update'],
      status: 'Active',
      active: true,
      apiVersion: '62.0',
      body: {
        ...empty,
        calls: [{ qualifier: 'AccountTriggerHandler', className: 'AccountTriggerHandler', method: 'handle', line: 5, inLoop: false, argObjects: ['Account'] }],
      },
      source: { file: 'force-app/main/default/triggers/AccountTrigger.trigger', line: 4 },
    });
  });

  it('models the handler guarded by a static Boolean', () => {
    const { text, meta } = load('AccountTriggerHandler', 'cls');
    const handler = parseApexClass({ file: 'force-app/main/default/classes/AccountTriggerHandler.cls', fullName: 'AccountTriggerHandler', text }, meta);
    expect(handler).toEqual<ApexClassModel>({
      name: 'AccountTriggerHandler',
      apiVersion: '62.0',
      status: 'Active',
      isTest: false,
      isInterface: false,
      interfaces: [],
      annotations: [],
      staticMembers: [{ name: 'isRunning', type: 'Boolean', line: 6, guardCandidate: true }],
      methods: [
        {
          name: 'handle',
          line: 8,
          isStatic: true,
          annotations: [],
          futureCallout: false,
          parameters: [
            { name: 'newAccounts', type: 'List<Account>' },
            { name: 'oldMap', type: 'Map<Id,Account>' },
          ],
          returnType: 'void',
          ...empty,
          calls: [
            { className: 'AccountTriggerHandler', method: 'setDefaults', line: 15, inLoop: false, argObjects: ['Account'] },
            { qualifier: 'AccountService', className: 'AccountService', method: 'syncOpportunities', line: 25, inLoop: false },
          ],
          guardChecks: [{ member: 'AccountTriggerHandler.isRunning', line: 9 }],
        },
        {
          name: 'setDefaults',
          line: 33,
          isStatic: true,
          annotations: [],
          futureCallout: false,
          parameters: [{ name: 'newAccounts', type: 'List<Account>' }],
          returnType: 'void',
          ...empty,
          fieldAssignments: [
            { sobjectType: 'Account', field: 'Rating', target: 'acc', line: 36 },
            { sobjectType: 'Account', field: 'Description', target: 'acc', line: 38 },
          ],
        },
      ],
      innerClasses: [],
      source: { file: 'force-app/main/default/classes/AccountTriggerHandler.cls', line: 4 },
    });
  });

  it('models the service querying and bulk-updating Opportunities', () => {
    const { text, meta } = load('AccountService', 'cls');
    const service = parseApexClass({ file: 'force-app/main/default/classes/AccountService.cls', fullName: 'AccountService', text }, meta);
    expect(service).toEqual<ApexClassModel>({
      name: 'AccountService',
      apiVersion: '62.0',
      status: 'Active',
      isTest: false,
      isInterface: false,
      interfaces: [],
      annotations: [],
      staticMembers: [],
      methods: [
        {
          name: 'syncOpportunities',
          line: 5,
          isStatic: true,
          annotations: [],
          futureCallout: false,
          parameters: [{ name: 'accountIds', type: 'Set<Id>' }],
          returnType: 'void',
          ...empty,
          soql: [{ objects: ['Opportunity'], fields: ['Id', 'StageName', 'Account.Rating'], kind: 'soql', line: 7, inLoop: false }],
          fieldAssignments: [{ sobjectType: 'Opportunity', field: 'Priority__c', target: 'opp', line: 12 }],
          dml: [{ operation: 'update', sobjectType: 'Opportunity', expression: 'toUpdate', viaDatabase: false, line: 16, inLoop: false }],
          calls: [{ qualifier: 'AuditLog', className: 'AuditLog', method: 'record', line: 17, inLoop: false }],
        },
      ],
      innerClasses: [],
      source: { file: 'force-app/main/default/classes/AccountService.cls', line: 4 },
    });
  });
});

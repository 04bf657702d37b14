import { describe, expect, it } from 'vitest';
import { addFlows, renderFlowCriteria } from '../../../src/graph/build/flows.js';
import type { ApexClassModel } from '../../../src/metadata/model.js';
import { emptyCodeBlock } from '../../../src/metadata/model.js';
import {
  apexWrite,
  assignment,
  edgesWhere,
  element,
  fixtureFlow,
  flow,
  model,
  newGraph,
  oneEdge,
  recordTrigger,
  stubApex,
} from './model-kit.js';

describe('addFlows: nodes and triggers', () => {
  it('adds a node per flow with type, label, object, active and source; Process Builder gets its own id', () => {
    const graph = newGraph();
    const active = flow('Opp_After', recordTrigger('Opportunity', 'RecordAfterSave', 'Update'), []);
    const draft = flow('Opp_Draft', recordTrigger('Opportunity', 'RecordAfterSave', 'Create'), [], { status: 'Draft' });
    const process = flow('Case_Process', recordTrigger('Case', 'RecordAfterSave', 'CreateAndUpdate'), [], { isProcessBuilder: true, processType: 'Workflow' });
    addFlows(graph, model({ flows: [active, draft, process] }), stubApex());
    expect(graph.node('flow:Opp_After')).toEqual({
      id: 'flow:Opp_After',
      kind: 'automation',
      automationType: 'flow',
      name: 'Opp_After',
      label: 'Opp After',
      object: 'Opportunity',
      active: true,
      source: { file: 'force-app/main/default/flows/Opp_After.flow-meta.xml' },
    });
    expect(graph.node('process-builder:Case_Process')).toMatchObject({ automationType: 'process-builder', object: 'Case', active: true });
    expect(graph.hasNode('flow:Case_Process')).toBe(false);
  });

  it('keeps a Draft flow with active false, and still gives it its edges', () => {
    const graph = newGraph();
    const draft = flow('Opp_Draft', recordTrigger('Opportunity', 'RecordAfterSave', 'Create', 'Make_Task'), [
      element('recordCreate', 'Make_Task', { object: 'Task', fields: ['Subject'], targetsTriggeringRecord: false }),
    ], { status: 'Draft' });
    addFlows(graph, model({ flows: [draft] }), stubApex());
    expect(graph.node('flow:Opp_Draft')?.active).toBe(false);
    expect(oneEdge(graph, 'fires-on', 'object:Opportunity', 'flow:Opp_Draft').events).toEqual(['create']);
    expect(oneEdge(graph, 'writes', 'flow:Opp_Draft', 'object:Task')).toMatchObject({ operation: 'create', fields: ['Task.Subject'], confidence: 'certain' });
  });

  it('maps record trigger types to events', () => {
    const graph = newGraph();
    const flows = [
      flow('F_Create', recordTrigger('Account', 'RecordAfterSave', 'Create'), []),
      flow('F_Update', recordTrigger('Account', 'RecordAfterSave', 'Update'), []),
      flow('F_Both', recordTrigger('Account', 'RecordBeforeSave', 'CreateAndUpdate'), []),
      flow('F_Delete', recordTrigger('Account', 'RecordBeforeDelete', 'Delete'), []),
    ];
    addFlows(graph, model({ flows }), stubApex());
    const events = Object.fromEntries(flows.map((f) => [f.name, oneEdge(graph, 'fires-on', 'object:Account', `flow:${f.name}`).events]));
    expect(events).toEqual({ F_Create: ['create'], F_Update: ['update'], F_Both: ['create', 'update'], F_Delete: ['delete'] });
  });

  it('renders entry criteria: filters, custom logic, formula and the record-changed rule', () => {
    expect(
      renderFlowCriteria({
        kind: 'record',
        filters: [
          { field: 'Status__c', operator: 'NotEqualTo', value: 'Failed' },
          { field: 'Owner_Id__c', operator: 'IsNull', value: 'false' },
        ],
        requiresRecordChanged: false,
        scheduledPaths: [],
      }),
    ).toBe("Status__c != 'Failed' AND Owner_Id__c is not null");
    expect(
      renderFlowCriteria({
        kind: 'record',
        filters: [
          { field: 'A__c', operator: 'EqualTo', value: '{!$Label.Yes}' },
          { field: 'B__c', operator: 'EqualTo', value: 'true' },
        ],
        filterLogic: 'or',
        requiresRecordChanged: true,
        scheduledPaths: [],
      }),
    ).toBe('A__c = {!$Label.Yes} OR B__c = true (only when the record changes to meet the criteria)');
    expect(renderFlowCriteria({ kind: 'record', filters: [], filterFormula: 'ISCHANGED({!$Record.Amount})', requiresRecordChanged: false, scheduledPaths: [] })).toBe(
      'ISCHANGED({!$Record.Amount})',
    );
    expect(renderFlowCriteria({ kind: 'record', filters: [], requiresRecordChanged: false, scheduledPaths: [] })).toBeUndefined();
  });

  it('a platform-event-triggered flow subscribes to its event (async) and is not fired by a save', () => {
    const graph = newGraph();
    const listener = flow('Order_Listener', { kind: 'platform-event', object: 'Order_Event__e', triggerType: 'PlatformEvent' }, []);
    addFlows(graph, model({ flows: [listener] }), stubApex());
    expect(oneEdge(graph, 'subscribes', 'object:Order_Event__e', 'flow:Order_Listener')).toMatchObject({ async: true, confidence: 'certain' });
    expect(graph.node('object:Order_Event__e')?.objectKind).toBe('platform-event');
    expect(edgesWhere(graph, { kind: 'fires-on' })).toEqual([]);
  });
});

describe('addFlows: record elements', () => {
  it('before-save: assignments to $Record fields are one in-memory write on the triggering record', () => {
    const graph = newGraph();
    const beforeSave = flow('Contact_Before', recordTrigger('Contact', 'RecordBeforeSave', 'CreateAndUpdate', 'Set_Defaults'), [
      assignment('Set_Defaults', ['$Record.LeadSource', '$Record.Tier__c', '$Record.Account.Name', 'varOther.Name'], 'Set_More'),
      assignment('Set_More', ['$Record.Description', '$Record.Tier__c']),
      assignment('Never_Run', ['$Record.Title']),
    ]);
    addFlows(graph, model({ flows: [beforeSave] }), stubApex());
    const writes = edgesWhere(graph, { kind: 'writes', confidence: 'certain' });
    expect(writes).toHaveLength(1);
    expect(oneEdge(graph, 'writes', 'flow:Contact_Before', 'object:Contact', { confidence: 'possible' })).toMatchObject({ inMemory: true, fields: ['Contact.Title'] });
    expect(writes[0]).toMatchObject({
      source: 'flow:Contact_Before',
      target: 'object:Contact',
      operation: 'update',
      targetsTriggeringRecord: true,
      inMemory: true,
      confidence: 'certain',
      fields: ['Contact.Description', 'Contact.LeadSource', 'Contact.Tier__c'],
      evidence: { file: beforeSave.source.file, line: beforeSave.elements[0]!.line },
    });
  });

  it('before-save: an Update Records of $Record is in memory too', () => {
    const graph = newGraph();
    const beforeSave = flow('Account_Before', recordTrigger('Account', 'RecordBeforeSave', 'Update', 'Stamp'), [
      element('recordUpdate', 'Stamp', { object: 'Account', inputReference: '$Record', targetsTriggeringRecord: true, fields: ['Last_Reviewed__c'] }),
    ]);
    addFlows(graph, model({ flows: [beforeSave] }), stubApex());
    expect(oneEdge(graph, 'writes', 'flow:Account_Before', 'object:Account')).toMatchObject({ inMemory: true, targetsTriggeringRecord: true, fields: ['Account.Last_Reviewed__c'] });
  });

  it('after-save: an update of $Record without fields writes the fields assigned to $Record, as DML', () => {
    const graph = newGraph();
    const afterSave = flow('Opp_After', recordTrigger('Opportunity', 'RecordAfterSave', 'Update', 'Prepare'), [
      assignment('Prepare', ['$Record.StageName', '$Record.NextStep', 'counter'], 'Save_Self'),
      element('recordUpdate', 'Save_Self', { object: 'Opportunity', inputReference: '$Record', targetsTriggeringRecord: true, fields: [] }, 'Touch_Account'),
      element('recordUpdate', 'Touch_Account', { object: 'Account', targetsTriggeringRecord: false, fields: ['Last_Change__c'], filters: [{ field: 'Id', operator: 'EqualTo', value: '{!$Record.AccountId}' }] }, 'Get_Cases'),
      element('recordLookup', 'Get_Cases', { object: 'Case', targetsTriggeringRecord: false, filters: [{ field: 'IsClosed', operator: 'EqualTo', value: 'false' }, { field: 'AccountId', operator: 'EqualTo', value: '{!$Record.AccountId}' }] }),
    ]);
    addFlows(graph, model({ flows: [afterSave] }), stubApex());
    const self = oneEdge(graph, 'writes', 'flow:Opp_After', 'object:Opportunity');
    expect(self).toMatchObject({
      operation: 'update',
      targetsTriggeringRecord: true,
      confidence: 'certain',
      fields: ['Opportunity.NextStep', 'Opportunity.StageName'],
      evidence: { file: afterSave.source.file, line: afterSave.elements[1]!.line },
    });
    expect(self.inMemory).toBeUndefined();
    // The update of another object
    expect(oneEdge(graph, 'writes', 'flow:Opp_After', 'object:Account')).toMatchObject({
      operation: 'update',
      targetsTriggeringRecord: false,
      confidence: 'certain',
      fields: ['Account.Last_Change__c'],
    });
    // Get Records reads, with the filter fields
    expect(oneEdge(graph, 'reads', 'flow:Opp_After', 'object:Case')).toMatchObject({ confidence: 'certain', fields: ['Case.AccountId', 'Case.IsClosed'] });
    // After save, assignments alone write nothing.
    expect(edgesWhere(graph, { kind: 'writes' })).toHaveLength(2);
  });

  it('a create of an __e object publishes the event and writes nothing', () => {
    const graph = newGraph();
    const publisher = flow('Order_After', recordTrigger('Order', 'RecordAfterSave', 'Update', 'Publish'), [
      element('recordCreate', 'Publish', { object: 'Order_Event__e', fields: ['Order_Id__c'], targetsTriggeringRecord: false }),
    ]);
    addFlows(graph, model({ flows: [publisher] }), stubApex());
    expect(oneEdge(graph, 'publishes', 'flow:Order_After', 'object:Order_Event__e')).toMatchObject({ confidence: 'certain', fields: ['Order_Event__e.Order_Id__c'] });
    expect(graph.node('object:Order_Event__e')?.objectKind).toBe('platform-event');
    expect(edgesWhere(graph, { kind: 'writes' })).toEqual([]);
  });

  it('an element whose object is unknown writes the `unknown` object, possibly', () => {
    const graph = newGraph();
    const vague = flow('Vague', recordTrigger('Case', 'RecordAfterSave', 'Update', 'Update_Anything'), [
      element('recordUpdate', 'Update_Anything', { inputReference: 'recordsText', targetsTriggeringRecord: false, fields: ['Status'] }),
    ]);
    addFlows(graph, model({ flows: [vague] }), stubApex());
    expect(oneEdge(graph, 'writes', 'flow:Vague', 'object:unknown')).toMatchObject({ confidence: 'possible', fields: ['unknown.Status'], operation: 'update' });
  });

  it('writes that grant access also change access', () => {
    const graph = newGraph();
    const admin = flow('Provision', { kind: 'none', target: 'Assign_PS' }, [
      element('recordCreate', 'Assign_PS', { object: 'PermissionSetAssignment', fields: ['AssigneeId', 'PermissionSetId'] }, 'Deactivate'),
      element('recordUpdate', 'Deactivate', { object: 'User', fields: ['IsActive'] }, 'Rename'),
      element('recordUpdate', 'Rename', { object: 'Contact', fields: ['FirstName'] }, 'Share'),
      element('recordCreate', 'Share', { object: 'Project__Share', fields: ['ParentId', 'UserOrGroupId'] }, 'Touch_User'),
      element('recordUpdate', 'Touch_User', { object: 'User', fields: ['Title'] }),
    ]);
    addFlows(graph, model({ flows: [admin] }), stubApex());
    expect(edgesWhere(graph, { kind: 'changes-access' }).map((edge) => edge.target)).toEqual([
      'object:PermissionSetAssignment',
      'object:User',
      'object:Project__Share',
    ]);
    expect(oneEdge(graph, 'changes-access', 'flow:Provision', 'object:User').note).toContain('IsActive');
  });
});

describe('addFlows: actions', () => {
  const apexClass: ApexClassModel = {
    name: 'OpportunityErpSync',
    isTest: false,
    isInterface: false,
    interfaces: [],
    annotations: [],
    staticMembers: [],
    innerClasses: [],
    source: { file: 'force-app/main/default/classes/OpportunityErpSync.cls' },
    methods: [
      { ...emptyCodeBlock(), name: 'helper', line: 3, isStatic: true, annotations: [], futureCallout: false, parameters: [] },
      { ...emptyCodeBlock(), name: 'sync', line: 9, isStatic: true, annotations: ['invocablemethod'], futureCallout: false, parameters: [] },
    ],
  };

  it('an Apex action calls the invocable method and takes the resolver effects with the flow on the path', () => {
    const graph = newGraph();
    const caller = flow('Opp_Sync', recordTrigger('Opportunity', 'RecordAfterSave', 'Update', 'Sync_To_ERP'), [
      element('actionCall', 'Sync_To_ERP', { actionType: 'apex', actionName: 'OpportunityErpSync' }),
    ]);
    const apex = stubApex(
      { OpportunityErpSync: [apexWrite(['OpportunityErpSync.sync', 'ErpService.push:42'], 'Account', ['Account.Erp_Id__c'])] },
      { OpportunityErpSync: [{ from: 'apex-method:OpportunityErpSync.sync', to: 'apex-method:ErpService.push', file: 'force-app/main/default/classes/OpportunityErpSync.cls', line: 12 }] },
    );
    addFlows(graph, model({ flows: [caller], apexClasses: [apexClass] }), apex);
    expect(apex.asked).toEqual(['OpportunityErpSync']);
    expect(oneEdge(graph, 'calls', 'flow:Opp_Sync', 'apex-method:OpportunityErpSync.sync')).toMatchObject({
      confidence: 'certain',
      evidence: { file: caller.source.file, line: caller.elements[0]!.line },
    });
    expect(graph.node('apex-method:OpportunityErpSync.sync')).toMatchObject({ source: { file: apexClass.source.file, line: 9 } });
    oneEdge(graph, 'calls', 'apex-method:OpportunityErpSync.sync', 'apex-method:ErpService.push');
    expect(oneEdge(graph, 'writes', 'flow:Opp_Sync', 'object:Account')).toMatchObject({
      path: ['Opp_Sync', 'OpportunityErpSync.sync', 'ErpService.push:42'],
      fields: ['Account.Erp_Id__c'],
      evidence: { file: 'force-app/main/default/classes/X.cls', line: 42 },
    });
  });

  it('an Apex action on a class outside the project still calls a thin method node', () => {
    const graph = newGraph();
    const caller = flow('Uses_Package', { kind: 'none', target: 'Packaged' }, [element('actionCall', 'Packaged', { actionType: 'apex', actionName: 'pkg__Geocoder' })]);
    addFlows(graph, model({ flows: [caller] }), stubApex());
    expect(oneEdge(graph, 'calls', 'flow:Uses_Package', 'apex-method:pkg__Geocoder')).toMatchObject({ confidence: 'likely' });
  });

  it('maps standard action types to calls-out/calls edges, and never drops an unknown one', () => {
    const graph = newGraph();
    const actions = flow('Notify_All', { kind: 'none', target: 'A1' }, [
      element('actionCall', 'A1', { actionType: 'emailAlert', actionName: 'Opportunity.Big_Deal_Alert' }, 'A2'),
      element('actionCall', 'A2', { actionType: 'emailSimple', actionName: 'emailSimple' }, 'A3'),
      element('actionCall', 'A3', { actionType: 'submit', actionName: 'submit' }, 'A4'),
      element('actionCall', 'A4', { actionType: 'quickAction', actionName: 'Case.Escalate' }, 'A5'),
      element('actionCall', 'A5', { actionType: 'chatterPost', actionName: 'chatterPost' }, 'A6'),
      element('actionCall', 'A6', { actionType: 'customNotificationAction', actionName: 'customNotificationAction' }, 'A7'),
      element('actionCall', 'A7', { actionType: 'externalService', actionName: 'WeatherService.getForecast' }, 'A8'),
      element('actionCall', 'A8', { actionType: 'slackPostMessage', actionName: 'slackPostMessage' }),
    ]);
    addFlows(graph, model({ flows: [actions] }), stubApex());
    const summary = graph
      .outEdges('flow:Notify_All')
      .map((edge) => `${edge.kind} ${edge.target} ${edge.note} ${edge.confidence}`);
    expect(summary).toEqual([
      'calls-out email-alert:Opportunity.Big_Deal_Alert notify certain',
      'calls-out endpoint:email notify certain',
      'calls action:submit:submit approval certain',
      'calls action:quickAction:Case.Escalate quick action Case.Escalate certain',
      'calls-out action:chatterPost:chatterPost notify certain',
      'calls-out action:customNotificationAction:customNotificationAction notify certain',
      'calls-out external-service:WeatherService.getForecast external service WeatherService.getForecast certain',
      'calls action:slackPostMessage:slackPostMessage slackPostMessage action slackPostMessage possible',
    ]);
    expect(graph.node('email-alert:Opportunity.Big_Deal_Alert')).toMatchObject({ kind: 'endpoint', automationType: 'email-alert', object: 'Opportunity' });
  });
});

describe('addFlows: subflows', () => {
  it('attributes the called flow effects to the caller, transitively, with the path', () => {
    const graph = newGraph();
    const parent = flow('Parent', recordTrigger('Account', 'RecordAfterSave', 'Update', 'Call_Child'), [
      element('subflow', 'Call_Child', { flowName: 'Child' }),
    ]);
    const child = flow('Child', { kind: 'none', target: 'Update_Contacts' }, [
      element('recordUpdate', 'Update_Contacts', { object: 'Contact', fields: ['MailingCity'], inputReference: 'contacts', targetsTriggeringRecord: false }, 'Get_Cases'),
      element('recordLookup', 'Get_Cases', { object: 'Case', filters: [] }, 'Call_Grandchild'),
      element('actionCall', 'Call_Grandchild', { actionType: 'flow', actionName: 'Grandchild' }),
    ]);
    const grandchild = flow('Grandchild', { kind: 'none', target: 'Publish' }, [
      element('recordCreate', 'Publish', { object: 'Audit__e', fields: ['Message__c'] }),
    ]);
    addFlows(graph, model({ flows: [grandchild, parent, child] }), stubApex());
    oneEdge(graph, 'calls', 'flow:Parent', 'flow:Child');
    oneEdge(graph, 'calls', 'flow:Child', 'flow:Grandchild');
    expect(oneEdge(graph, 'writes', 'flow:Parent', 'object:Contact')).toMatchObject({
      path: ['Parent', 'Call_Child', 'Child'],
      fields: ['Contact.MailingCity'],
      evidence: { file: child.source.file, line: child.elements[0]!.line },
      confidence: 'certain',
    });
    expect(oneEdge(graph, 'reads', 'flow:Parent', 'object:Case').path).toEqual(['Parent', 'Call_Child', 'Child']);
    expect(oneEdge(graph, 'publishes', 'flow:Parent', 'object:Audit__e').path).toEqual(['Parent', 'Call_Child', 'Child', 'Call_Grandchild', 'Grandchild']);
    // The child keeps its own, path-less, edge too.
    expect(oneEdge(graph, 'writes', 'flow:Child', 'object:Contact').path).toBeUndefined();
  });

  it('terminates on a flow calling itself and on mutual recursion', () => {
    const graph = newGraph();
    const self = flow('Self_Caller', { kind: 'none', target: 'Again' }, [
      element('subflow', 'Again', { flowName: 'Self_Caller' }, 'Write'),
      element('recordUpdate', 'Write', { object: 'Account', fields: ['Name'] }),
    ]);
    const ping = flow('Ping', { kind: 'none', target: 'Call_Pong' }, [
      element('subflow', 'Call_Pong', { flowName: 'Pong' }, 'Ping_Write'),
      element('recordUpdate', 'Ping_Write', { object: 'Lead', fields: ['Status'] }),
    ]);
    const pong = flow('Pong', { kind: 'none', target: 'Call_Ping' }, [
      element('subflow', 'Call_Ping', { flowName: 'ping' }, 'Pong_Write'),
      element('recordUpdate', 'Pong_Write', { object: 'Case', fields: ['Status'] }),
    ]);
    addFlows(graph, model({ flows: [ping, pong, self] }), stubApex());
    oneEdge(graph, 'calls', 'flow:Self_Caller', 'flow:Self_Caller');
    oneEdge(graph, 'calls', 'flow:Ping', 'flow:Pong');
    oneEdge(graph, 'calls', 'flow:Pong', 'flow:Ping');
    expect(oneEdge(graph, 'writes', 'flow:Ping', 'object:Case').path).toEqual(['Ping', 'Call_Pong', 'Pong']);
    expect(edgesWhere(graph, { kind: 'writes', source: 'flow:Self_Caller' })).toHaveLength(1);
    expect(graph.size).toBeLessThan(20);
  });

  it('a subflow outside the project is a thin node with no activity known', () => {
    const graph = newGraph();
    const caller = flow('Caller', { kind: 'none', target: 'Call_Missing' }, [element('subflow', 'Call_Missing', { flowName: 'Packaged_Flow' })]);
    addFlows(graph, model({ flows: [caller] }), stubApex());
    expect(graph.node('flow:Packaged_Flow')).toEqual({ id: 'flow:Packaged_Flow', kind: 'automation', automationType: 'flow', name: 'Packaged_Flow' });
    oneEdge(graph, 'calls', 'flow:Caller', 'flow:Packaged_Flow');
  });
});

describe('addFlows: scheduled paths and reachability (fixture)', () => {
  const renewal = fixtureFlow('Subscription_Renewal.flow-meta.xml');
  const graph = newGraph();
  addFlows(graph, model({ flows: [renewal] }), stubApex());
  const line = (name: string): number | undefined => renewal.elements.find((item) => item.name === name)?.line;

  it('renders the entry criteria of the fixture', () => {
    expect(oneEdge(graph, 'fires-on', 'object:Subscription__c', 'flow:Subscription_Renewal')).toMatchObject({
      events: ['create', 'update'],
      criteria: "Status__c = 'Active' AND (Amount__c > 0.0 OR Renewal_Date__c is changed) (only when the record changes to meet the criteria)",
      evidence: { file: 'fixtures/graph/Subscription_Renewal.flow-meta.xml' },
    });
  });

  it('adds a node and an async enqueues edge per scheduled path', () => {
    expect(graph.node('flow:Subscription_Renewal/Before_Renewal')).toMatchObject({
      automationType: 'flow',
      name: 'Subscription_Renewal/Before_Renewal',
      label: 'Subscription Renewal › Before Renewal',
      active: true,
      object: 'Subscription__c',
    });
    expect(graph.node('flow:Subscription_Renewal/AsyncAfterCommit')?.label).toBe('Subscription Renewal › Run Asynchronously');
    expect(oneEdge(graph, 'enqueues', 'flow:Subscription_Renewal', 'flow:Subscription_Renewal/Before_Renewal')).toMatchObject({
      async: true,
      note: '3 Days after Renewal_Date__c',
    });
    expect(oneEdge(graph, 'enqueues', 'flow:Subscription_Renewal', 'flow:Subscription_Renewal/AsyncAfterCommit')).toMatchObject({
      async: true,
      note: 'run asynchronously',
    });
  });

  it('path-only elements make async edges from the path node; shared elements stay on the flow', () => {
    expect(oneEdge(graph, 'writes', 'flow:Subscription_Renewal/Before_Renewal', 'object:Task')).toMatchObject({
      async: true,
      operation: 'create',
      evidence: { file: renewal.source.file, line: line('Create_Renewal_Task') },
    });
    expect(oneEdge(graph, 'calls-out', 'flow:Subscription_Renewal/Before_Renewal', 'endpoint:email')).toMatchObject({ async: true, note: 'notify' });
    expect(oneEdge(graph, 'calls-out', 'flow:Subscription_Renewal/AsyncAfterCommit', 'external-service:BillingApi.syncSubscription').async).toBe(true);
    expect(oneEdge(graph, 'writes', 'flow:Subscription_Renewal/AsyncAfterCommit', 'object:Subscription__c')).toMatchObject({
      async: true,
      targetsTriggeringRecord: true,
      fields: ['Subscription__c.Last_Synced__c'],
    });
    // Log_Change is reachable from the start and from a path: it belongs to the flow, synchronously.
    const log = oneEdge(graph, 'writes', 'flow:Subscription_Renewal', 'object:Log__c', { operation: 'create' });
    expect(log.async).toBeUndefined();
    expect(log.confidence).toBe('certain');
    expect(edgesWhere(graph, { kind: 'writes', target: 'object:Log__c', operation: 'create' })).toHaveLength(1);
    // The start's own $Record update is synchronous.
    expect(oneEdge(graph, 'writes', 'flow:Subscription_Renewal', 'object:Subscription__c')).toMatchObject({ fields: ['Subscription__c.Status__c'], targetsTriggeringRecord: true });
    expect(edgesWhere(graph, { kind: 'writes', source: 'flow:Subscription_Renewal', target: 'object:Task' })).toEqual([]);
  });

  it('an element reachable from nothing still makes its edge from the flow, possibly', () => {
    expect(oneEdge(graph, 'writes', 'flow:Subscription_Renewal', 'object:Log__c', { operation: 'delete' })).toMatchObject({
      confidence: 'possible',
      evidence: { file: renewal.source.file, line: line('Purge_Old_Logs') },
    });
  });

  it('a subflow on an async path makes the inherited effects async from the path node', () => {
    const g = newGraph();
    const caller = flow('Later', { ...recordTrigger('Account', 'RecordAfterSave', 'Update'), scheduledPaths: [{ pathType: 'AsyncAfterCommit', target: 'Call_Child' }] }, [
      element('subflow', 'Call_Child', { flowName: 'Child' }),
    ]);
    const child = flow('Child', { kind: 'none', target: 'W' }, [element('recordUpdate', 'W', { object: 'Contact', fields: ['Email'] })]);
    addFlows(g, model({ flows: [caller, child] }), stubApex());
    expect(oneEdge(g, 'writes', 'flow:Later/AsyncAfterCommit', 'object:Contact')).toMatchObject({ async: true, path: ['Later/AsyncAfterCommit', 'Call_Child', 'Child'] });
  });
});

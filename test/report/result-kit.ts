/**
 * Hand-built ReviewResults and AutomationGraphs for the renderer and exporter tests: no parsing, no
 * file system, every field chosen so a test can see it in the output.
 */
import { AutomationGraph } from '../../src/graph/automation-graph.js';
import { EXECUTION_STEPS, type EffectSummary, type ObjectPipeline, type PipelineEntry } from '../../src/graph/pipeline-types.js';
import { type AutomationType, type GraphEdge, type GraphNode, nodeId } from '../../src/graph/types.js';
import type { Finding } from '../../src/review/finding.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from '../../src/review/result.js';
import type { ModelSummary } from '../../src/review/summary.js';

/** Everything a hostile or careless admin can type into a name, label, description or formula. */
export const NASTY = 'Evil | Name\n## Injected heading\n```\n<script>alert(1)</script> "] --> n1 %% comment `tick` [x](javascript:alert(1)) {b} #quot; &lt;img&gt;';

export const UNCOVERED = EXECUTION_STEPS.filter((step) => !step.covered).map((step) => step.id);

export function effect(partial: Partial<EffectSummary> & { target: string }): EffectSummary {
  return { confidence: 'certain', evidence: { file: 'force-app/x', line: 1 }, ...partial };
}

export function entry(partial: Partial<PipelineEntry> & { name: string; automationType: AutomationType; step: PipelineEntry['step'] }): PipelineEntry {
  return {
    position: 0,
    automationId: `${partial.automationType}:${partial.name}`,
    active: true,
    events: [],
    writes: [],
    reads: [],
    callsOut: [],
    changesAccess: [],
    publishes: [],
    enqueues: [],
    ...partial,
  };
}

/** A pipeline with positions numbered as the real builder numbers them. */
export function pipeline(object: string, entries: PipelineEntry[], extra: Partial<ObjectPipeline> = {}): ObjectPipeline {
  const inactive = extra.inactive ?? [];
  entries.forEach((candidate, index) => (candidate.position = index + 1));
  inactive.forEach((candidate, index) => (candidate.position = index + 1));
  return { object, entries, inactive, stepsNotCovered: [...UNCOVERED], notes: [], ...extra };
}

export function finding(partial: Partial<Finding> & { ruleId: string; severity: Finding['severity'] }): Finding {
  return {
    category: partial.ruleId.split('/')[0]!,
    message: `Finding of ${partial.ruleId}`,
    components: [{ type: 'Flow', name: 'Account_After_Save', file: 'force-app/main/default/flows/Account_After_Save.flow-meta.xml', line: 3 }],
    evidence: [{ text: 'Update Records writes Contact.MailingCity', file: 'force-app/main/default/flows/Account_After_Save.flow-meta.xml', line: 40 }],
    fingerprint: `${partial.ruleId}:Account_After_Save`,
    ...partial,
  };
}

export function summary(partial: Partial<ModelSummary> = {}): ModelSummary {
  return {
    counts: { ApexClass: 3, ApexTrigger: 1, CustomField: 4, Flow: 3, PermissionSet: 1, Profile: 1 },
    objects: [
      { name: 'Account', kind: 'standard', fields: 3, validationRules: 1, flows: 2, triggers: 1 },
      { name: 'Contact', kind: 'standard', fields: 1, validationRules: 0, flows: 1, triggers: 0 },
    ],
    permissionSets: [{ name: 'Integration_User', label: 'Integration User', userPermissions: 2, objectPermissions: 3, fieldPermissions: 5 }],
    profiles: [{ name: 'Admin', license: 'Salesforce', userPermissions: 40, objectPermissions: 10, fieldPermissions: 100 }],
    permissionSetGroups: [{ name: 'Sales', label: 'Sales', permissionSets: 2, mutingPermissionSets: 0 }],
    ...partial,
  };
}

const FLOWS = 'force-app/main/default/flows';
const CLASSES = 'force-app/main/default/classes';

/** Account's save, with one of everything the table must show. */
export function accountPipeline(): ObjectPipeline {
  const syncPath = ['AccountTrigger', 'AccountTriggerHandler.afterUpdate', 'AccountService.sync:42'];
  return pipeline(
    'Account',
    [
      entry({
        name: 'Account_Before_Save',
        label: 'Account: Before Save',
        automationType: 'flow',
        step: 'before-save-flows',
        events: ['create', 'update'],
        criteria: 'ISCHANGED(Rating) || ISNEW()',
        writes: [effect({ target: 'Account', fields: ['Account.Tier__c'], operation: 'update', targetsTriggeringRecord: true, inMemory: true })],
        source: { file: `${FLOWS}/Account_Before_Save.flow-meta.xml`, line: 1 },
      }),
      entry({ name: 'AccountTrigger', automationType: 'apex-trigger', step: 'before-triggers', events: ['before update'], source: { file: 'force-app/main/default/triggers/AccountTrigger.trigger', line: 1 } }),
      entry({ name: 'Require_Tier', automationType: 'validation-rule', step: 'validation', events: ['create', 'update'], criteria: 'ISBLANK(Tier__c)' }),
      entry({
        name: 'AccountTrigger',
        automationType: 'apex-trigger',
        step: 'after-triggers',
        events: ['after update'],
        writes: [
          effect({ target: 'Contact', fields: ['Contact.MailingCity', 'Contact.MailingStreet'], operation: 'update', path: syncPath, evidence: { file: `${CLASSES}/AccountService.cls`, line: 42 } }),
          effect({ target: 'Account', fields: ['Account.Last_Sync__c'], operation: 'update', targetsTriggeringRecord: true, confidence: 'likely', path: syncPath }),
        ],
        callsOut: [effect({ target: 'callout:Billing/invoices', note: 'HTTP POST', async: true, path: ['AccountTrigger', 'BillingClient.post:17'] })],
        changesAccess: [effect({ target: 'Account', note: 'inserts AccountShare', path: ['AccountTrigger', 'SharingService.share:9'] })],
        enqueues: [effect({ target: 'AccountSyncJob.execute', note: 'System.enqueueJob', async: true })],
        source: { file: 'force-app/main/default/triggers/AccountTrigger.trigger', line: 1 },
      }),
      entry({
        name: 'Account_Tier_WF',
        automationType: 'workflow-rule',
        step: 'workflow-rules',
        events: ['create', 'update'],
        writes: [effect({ target: 'Account', fields: ['Account.Tier__c'], operation: 'update', targetsTriggeringRecord: true, implicit: 'workflow-refire' })],
      }),
      entry({
        name: 'Account_After_Save',
        label: 'Account After Save',
        automationType: 'flow',
        step: 'after-save-flows',
        order: 'triggerOrder 10',
        events: ['update'],
        publishes: [effect({ target: 'Order_Event__e' })],
        writes: [effect({ target: 'Invoice__c', operation: 'create' })],
        source: { file: `${FLOWS}/Account_After_Save.flow-meta.xml`, line: 1 },
      }),
      entry({
        name: 'AccountSyncJob.execute',
        automationType: 'apex-method',
        step: 'post-commit',
        via: 'AccountTrigger',
        writes: [effect({ target: 'Account_History__c', fields: ['Account_History__c.Snapshot__c'], operation: 'create', async: true })],
      }),
    ],
    {
      objectKind: 'standard',
      inactive: [entry({ name: 'Old_Account_Flow', automationType: 'flow', step: 'after-save-flows', active: false, source: { file: `${FLOWS}/Old_Account_Flow.flow-meta.xml`, line: 1 } })],
      notes: ['2 triggers on Account fire after update (AccountTrigger, LegacyTrigger): Salesforce does not guarantee their order.'],
    },
  );
}

export function opportunityPipeline(): ObjectPipeline {
  return pipeline('Opportunity', [
    entry({
      name: 'Account.Total_Won__c',
      automationType: 'roll-up-summary',
      step: 'parent-roll-ups',
      events: ['create', 'update', 'delete'],
      writes: [effect({ target: 'Account', fields: ['Account.Total_Won__c'], operation: 'update', implicit: 'roll-up-summary' })],
    }),
  ]);
}

export function sampleResult(partial: Partial<ReviewResult> = {}): ReviewResult {
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    sourceDirs: ['force-app'],
    summary: summary(),
    objects: [accountPipeline(), opportunityPipeline()],
    edges: [
      { kind: 'fires-on', source: 'object:Account', target: 'flow:Account_After_Save', confidence: 'certain', evidence: { file: `${FLOWS}/Account_After_Save.flow-meta.xml`, line: 5 }, events: ['update'] },
      { kind: 'writes', source: 'flow:Account_After_Save', target: 'object:Invoice__c', confidence: 'certain', evidence: { file: `${FLOWS}/Account_After_Save.flow-meta.xml`, line: 30 }, operation: 'create', fields: [] },
    ],
    findings: [
      finding({ ruleId: 'hygiene/missing-description', severity: 'low', object: 'Account' }),
      finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', object: 'Account', message: 'Account → Contact → Account can re-save forever.' }),
      finding({ ruleId: 'integration/permission-creep', severity: 'medium' }),
    ],
    warnings: [],
    ruleErrors: [{ ruleId: 'sor/field-ownership', message: 'TypeError: cannot read x' }],
    parseIssues: [{ file: 'force-app/main/default/flows/Broken.flow-meta.xml', type: 'Flow', message: 'Unexpected end of XML' }],
    ...partial,
  };
}

/** The same result with hostile text in every string that comes from metadata. */
export function nastyResult(): ReviewResult {
  const nastyEffect = effect({ target: NASTY, fields: [`${NASTY}.Field`], operation: 'update', note: NASTY, path: [NASTY, 'B.c:1'], evidence: { file: NASTY, line: 2 } });
  const nastyPipeline = pipeline(
    NASTY,
    [
      entry({
        name: NASTY,
        label: NASTY,
        automationType: 'flow',
        step: 'after-save-flows',
        events: [NASTY],
        criteria: NASTY,
        order: NASTY,
        via: NASTY,
        writes: [nastyEffect],
        callsOut: [nastyEffect],
        changesAccess: [nastyEffect],
        publishes: [nastyEffect],
        enqueues: [nastyEffect],
        source: { file: NASTY, line: 3 },
      }),
      entry({ name: `${NASTY} 2`, automationType: 'apex-trigger', step: 'after-triggers', writes: [effect({ target: 'Account', operation: 'update' })] }),
    ],
    { inactive: [entry({ name: NASTY, label: NASTY, automationType: 'flow', step: 'after-save-flows', active: false, source: { file: NASTY } })], notes: [NASTY, '# Injected note heading', '- nested', '1. ordered', '=== setext'] },
  );
  return sampleResult({
    sourceDirs: [NASTY],
    objectFilter: [NASTY],
    summary: summary({
      counts: { [NASTY]: 1 },
      objects: [{ name: NASTY, kind: NASTY, fields: 1, validationRules: 0, flows: 1, triggers: 0 }],
      permissionSets: [{ name: NASTY, label: NASTY, license: NASTY, userPermissions: 1, objectPermissions: 1, fieldPermissions: 1 }],
      profiles: [],
      permissionSetGroups: [{ name: NASTY, label: NASTY, permissionSets: 1, mutingPermissionSets: 0 }],
    }),
    objects: [nastyPipeline],
    findings: [
      finding({
        ruleId: 'hygiene/nasty',
        severity: 'high',
        object: NASTY,
        message: NASTY,
        components: [{ type: NASTY, name: NASTY, file: NASTY, line: 1 }],
        evidence: [{ text: NASTY, file: NASTY }],
      }),
    ],
    warnings: [NASTY],
    ruleErrors: [{ ruleId: NASTY, message: NASTY }],
    parseIssues: [{ file: NASTY, type: NASTY, message: NASTY }],
  });
}

/** An object with `count` after-save flows, to see the table and the diagram cut. */
export function bigPipeline(object: string, count: number): ObjectPipeline {
  return pipeline(
    object,
    Array.from({ length: count }, (_unused, index) =>
      entry({
        name: `Flow_${String(index + 1).padStart(3, '0')}`,
        automationType: 'flow',
        step: 'after-save-flows',
        events: ['update'],
        writes: [effect({ target: `Target_${index % 5}__c`, operation: 'update' })],
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Graphs

type EdgeSpec = Omit<GraphEdge, 'confidence' | 'evidence'> & Partial<Pick<GraphEdge, 'confidence' | 'evidence'>>;

export function graphOf(nodes: GraphNode[], edges: EdgeSpec[]): AutomationGraph {
  const graph = new AutomationGraph();
  for (const node of nodes) graph.addNode(node);
  for (const edge of edges) graph.addEdge({ confidence: 'certain', evidence: { file: 'force-app/x', line: 1 }, ...edge });
  return graph;
}

const object = (name: string, objectKind?: string): GraphNode => ({ id: nodeId.object(name), kind: 'object', name, ...(objectKind ? { objectKind } : {}) });
const automation = (type: AutomationType, name: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id: nodeId.automation(type, name),
  kind: 'automation',
  automationType: type,
  name,
  active: true,
  source: { file: `force-app/${name}`, line: 1 },
  ...extra,
});

/**
 * Account: a flow (writes Contact, publishes Order_Event__e) and a trigger (calls AccountService.sync,
 * which writes Account back and calls out). Order_Event__e: a subscriber trigger that writes Invoice__c.
 * Contact and Invoice__c have automation of their own, which `--object Account` must leave out.
 */
export function sampleGraph(reverse = false): AutomationGraph {
  const nodes: GraphNode[] = [
    object('Account', 'standard'),
    object('Contact', 'standard'),
    object('Invoice__c', 'custom'),
    object('Order_Event__e', 'platform-event'),
    automation('flow', 'Account_After_Save', { label: 'Account After Save', object: 'Account' }),
    automation('apex-trigger', 'AccountTrigger', { object: 'Account' }),
    automation('apex-method', 'AccountService.sync'),
    automation('flow', 'Contact_Sync', { object: 'Contact' }),
    automation('apex-trigger', 'InvoiceTrigger', { object: 'Invoice__c' }),
    automation('apex-trigger', 'OrderEventTrigger', { object: 'Order_Event__e' }),
    automation('flow', 'Old_Account_Flow', { object: 'Account', active: false }),
    { id: nodeId.endpoint('callout:Billing/invoices'), kind: 'endpoint', name: 'callout:Billing/invoices' },
  ];
  const edges: EdgeSpec[] = [
    { kind: 'fires-on', source: 'object:Account', target: 'flow:Account_After_Save', events: ['update'], criteria: 'ISCHANGED(Rating)' },
    { kind: 'fires-on', source: 'object:Account', target: 'apex-trigger:AccountTrigger', events: ['after update'] },
    { kind: 'fires-on', source: 'object:Account', target: 'flow:Old_Account_Flow', events: ['update'] },
    { kind: 'writes', source: 'flow:Account_After_Save', target: 'object:Contact', fields: ['Contact.MailingCity'], operation: 'update' },
    { kind: 'publishes', source: 'flow:Account_After_Save', target: 'object:Order_Event__e' },
    { kind: 'calls', source: 'apex-trigger:AccountTrigger', target: 'apex-method:AccountService.sync' },
    {
      kind: 'writes',
      source: 'apex-trigger:AccountTrigger',
      target: 'object:Account',
      fields: ['Account.Last_Sync__c'],
      operation: 'update',
      targetsTriggeringRecord: true,
      path: ['AccountTrigger', 'AccountService.sync:42'],
    },
    { kind: 'calls-out', source: 'apex-method:AccountService.sync', target: 'endpoint:callout:Billing/invoices', note: 'HTTP POST', async: true },
    { kind: 'fires-on', source: 'object:Contact', target: 'flow:Contact_Sync', events: ['update'] },
    { kind: 'writes', source: 'flow:Contact_Sync', target: 'object:Account', fields: ['Account.Contact_Count__c'], operation: 'update' },
    { kind: 'subscribes', source: 'object:Order_Event__e', target: 'apex-trigger:OrderEventTrigger', events: ['after insert'] },
    { kind: 'writes', source: 'apex-trigger:OrderEventTrigger', target: 'object:Invoice__c', operation: 'create', fields: [] },
    { kind: 'fires-on', source: 'object:Invoice__c', target: 'apex-trigger:InvoiceTrigger', events: ['before insert'] },
    { kind: 'writes', source: 'apex-trigger:InvoiceTrigger', target: 'object:Invoice__c', operation: 'update', inMemory: true, fields: ['Invoice__c.Status__c'] },
  ];
  return reverse ? graphOf([...nodes].reverse(), [...edges].reverse()) : graphOf(nodes, edges);
}

/** A graph whose every name, label, criteria and note is hostile. */
export function nastyGraph(): AutomationGraph {
  return graphOf(
    [
      object(NASTY),
      automation('flow', NASTY, { label: NASTY, object: NASTY }),
      { id: nodeId.endpoint(NASTY), kind: 'endpoint', name: NASTY },
    ],
    [
      { kind: 'fires-on', source: nodeId.object(NASTY), target: nodeId.automation('flow', NASTY), events: [NASTY], criteria: NASTY },
      { kind: 'writes', source: nodeId.automation('flow', NASTY), target: nodeId.object(NASTY), fields: [NASTY], operation: 'update', note: NASTY, path: [NASTY], evidence: { file: NASTY, line: 3 } },
      { kind: 'calls-out', source: nodeId.automation('flow', NASTY), target: nodeId.endpoint(NASTY), note: NASTY, async: true },
    ],
  );
}

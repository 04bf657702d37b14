/**
 * Workflow rules into the automation graph: what fires each rule, and what its actions do. A field
 * update on the rule's own object also carries the platform's implicit re-fire (the record is saved
 * again, so before/after update triggers run once more, and workflow rules again when the update says
 * to re-evaluate); a cross-object field update saves the parent record.
 */
import type {
  CustomObjectModel,
  FlowFilter,
  MetadataModel,
  SourceRef,
  WorkflowActionRef,
  WorkflowFieldUpdateModel,
  WorkflowModel,
  WorkflowRuleModel,
} from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type Confidence, type GraphEdge, type GraphNode, nodeId } from '../types.js';
import { renderLogic, renderValue } from './flow-criteria.js';
import { appendAll } from '../../shared/arrays.js';

const TRIGGER_EVENTS: Record<string, string[]> = {
  oncreateonly: ['create'],
  oncreateortriggeringupdate: ['create', 'update'],
  onallchanges: ['create', 'update'],
};

const WORKFLOW_OPERATORS: Record<string, string> = {
  equals: '=',
  notequal: '!=',
  lessthan: '<',
  greaterthan: '>',
  lessorequal: '<=',
  greaterorequal: '>=',
  contains: 'contains',
  notcontain: 'does not contain',
  startswith: 'starts with',
  includes: 'includes',
  excludes: 'excludes',
  within: 'within',
};

/** The actions of one object's workflow (from every workflow file of that object). */
type WorkflowActions = Pick<WorkflowModel, 'fieldUpdates' | 'outboundMessages' | 'alerts' | 'tasks'>;

type ActionContext = {
  graph: AutomationGraph;
  workflow: WorkflowActions;
  rule: WorkflowRuleModel;
  ruleId: string;
  object?: CustomObjectModel;
  /** A time-dependent action: it runs in a later transaction. */
  timed: boolean;
  /** Field updates referenced by an active rule (their node is active). */
  activeActions: Set<string>;
};

export function addWorkflow(graph: AutomationGraph, model: MetadataModel): void {
  const objects = new Map(model.objects.map((object) => [object.name.toLowerCase(), object]));
  // An object's workflow may be split over several files (several source folders): its actions are
  // looked up across all of them.
  const actionsByObject = new Map<string, WorkflowActions>();
  const activeByObject = new Map<string, Set<string>>();
  for (const workflow of model.workflows) {
    const key = workflow.object.toLowerCase();
    const actions = actionsByObject.get(key) ?? { fieldUpdates: [], outboundMessages: [], alerts: [], tasks: [] };
    appendAll(actions.fieldUpdates, workflow.fieldUpdates);
    appendAll(actions.outboundMessages, workflow.outboundMessages);
    appendAll(actions.alerts, workflow.alerts);
    appendAll(actions.tasks, workflow.tasks);
    actionsByObject.set(key, actions);
    const active = activeByObject.get(key) ?? new Set<string>();
    for (const rule of workflow.rules) {
      if (!rule.active) continue;
      for (const action of [...rule.actions, ...rule.timeTriggerActions]) active.add(actionKey(action));
    }
    activeByObject.set(key, active);
  }
  for (const workflow of model.workflows) {
    graph.isolate({ stage: 'building the automation graph', component: `Workflow ${workflow.object}`, file: workflow.source.file }, () => {
      const key = workflow.object.toLowerCase();
      const actions = actionsByObject.get(key)!;
      const activeActions = activeByObject.get(key)!;
      for (const rule of workflow.rules) {
        const ruleId = graph.addNode(
          compact<GraphNode>({
            id: nodeId.automation('workflow-rule', rule.fullName),
            kind: 'automation',
            automationType: 'workflow-rule',
            name: rule.fullName,
            label: rule.name,
            object: rule.object,
            active: rule.active,
            source: rule.source,
          }),
        );
        graph.addEdge(
          compact<GraphEdge>({
            kind: 'fires-on',
            source: graph.ensureObject(rule.object),
            target: ruleId,
            confidence: 'certain',
            evidence: evidenceOf(rule.source),
            events: [...(TRIGGER_EVENTS[(rule.triggerType ?? '').toLowerCase()] ?? ['create', 'update'])],
            criteria: renderWorkflowCriteria(rule),
          }),
        );
        const context = { graph, workflow: actions, rule, ruleId, object: objects.get(rule.object.toLowerCase()), activeActions };
        for (const action of rule.actions) addAction({ ...context, timed: false }, action);
        for (const action of rule.timeTriggerActions) addAction({ ...context, timed: true }, action);
      }
    });
  }
}

/** A rule's criteria: its formula, or its criteria items joined by the boolean filter. */
export function renderWorkflowCriteria(rule: WorkflowRuleModel): string | undefined {
  if (rule.formula !== undefined && rule.formula.trim() !== '') return rule.formula.trim();
  return renderLogic(rule.criteriaItems.map(renderCriteriaItem), rule.booleanFilter);
}

function renderCriteriaItem(item: FlowFilter): string {
  return `${item.field} ${WORKFLOW_OPERATORS[item.operator.toLowerCase()] ?? item.operator} ${renderValue(item.value)}`;
}

function addAction(context: ActionContext, action: WorkflowActionRef): void {
  switch (action.type.toLowerCase()) {
    case 'fieldupdate':
      addFieldUpdate(context, action);
      return;
    case 'outboundmessage':
      addOutboundMessage(context, action);
      return;
    case 'alert':
      addAlert(context, action);
      return;
    case 'task':
      addTask(context, action);
      return;
    default:
      addUnknownAction(context, action);
  }
}

function addFieldUpdate(context: ActionContext, action: WorkflowActionRef): void {
  const { graph, rule, ruleId, timed } = context;
  const update = findNamed(context.workflow.fieldUpdates, action.name);
  const fullName = `${rule.object}.${action.name}`;
  const updateId = graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('workflow-field-update', fullName),
      kind: 'automation',
      automationType: 'workflow-field-update',
      name: fullName,
      object: rule.object,
      active: context.activeActions.has(actionKey(action)),
      source: update?.source,
    }),
  );
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'calls',
      source: ruleId,
      target: updateId,
      confidence: update ? 'certain' : 'possible',
      evidence: evidenceOf(rule.source),
      async: timed ? true : undefined,
      note: update ? timedNote(timed, `field update ${action.name}`) : `field update ${action.name} is not in the project`,
    }),
  );
  if (!update) return;
  const evidence = evidenceOf(update.source);
  if (update.targetObject !== undefined) {
    const parent = resolveParent(context.object, rule.object, update.targetObject);
    graph.addEdge(
      compact<GraphEdge>({
        kind: 'writes',
        source: ruleId,
        target: graph.ensureObject(parent.object),
        confidence: parent.confidence,
        evidence,
        fields: [`${parent.object}.${update.field}`],
        operation: 'update',
        targetsTriggeringRecord: false,
        implicit: 'cross-object-workflow',
        async: timed ? true : undefined,
        note: timedNote(
          timed,
          `${update.name} updates the parent ${parent.object} through ${update.targetObject}` +
            (update.reevaluateOnChange ? ' and re-evaluates its workflow rules' : ''),
        ),
      }),
    );
    return;
  }
  // The update itself, and the platform's re-fire of the object's update triggers that it causes.
  const write: GraphEdge = {
    kind: 'writes',
    source: ruleId,
    target: graph.ensureObject(rule.object),
    confidence: 'certain',
    evidence,
    fields: [`${rule.object}.${update.field}`],
    operation: 'update',
    targetsTriggeringRecord: true,
  };
  graph.addEdge(compact<GraphEdge>({ ...write, async: timed ? true : undefined, note: timedNote(timed, `field update ${update.name}`) }));
  graph.addEdge(compact<GraphEdge>({ ...write, implicit: 'workflow-refire', async: timed ? true : undefined, note: refireNote(update) }));
}

function refireNote(update: WorkflowFieldUpdateModel): string {
  return 'field update re-fires before/after update triggers once' + (update.reevaluateOnChange ? ' and re-evaluates workflow rules' : '');
}

/**
 * The parent a cross-object field update writes: `targetObject` names the master-detail field (or its
 * relationship) on the rule's object. Looked up in the object's fields when the project has them;
 * otherwise derived from the name (`Parent__r`/`Parent__c` → `Parent__c`, `AccountId` → `Account`).
 */
function resolveParent(object: CustomObjectModel | undefined, objectName: string, targetObject: string): { object: string; confidence: Confidence } {
  const wanted = targetObject.toLowerCase();
  const candidates = (object?.fields ?? []).filter(
    (field) => field.referenceTo.length > 0 && (field.name.toLowerCase() === wanted || field.relationshipName?.toLowerCase() === wanted),
  );
  const field = candidates.find((candidate) => candidate.relationship === 'master-detail') ?? candidates[0];
  if (field?.referenceTo[0] !== undefined) return { object: field.referenceTo[0], confidence: 'certain' };
  if (/__r$/i.test(targetObject)) return { object: `${targetObject.slice(0, -3)}__c`, confidence: 'likely' };
  if (/__c$/i.test(targetObject)) return { object: targetObject, confidence: 'likely' };
  if (/^parentid$/i.test(targetObject) || /^parent$/i.test(targetObject)) return { object: objectName, confidence: 'likely' };
  if (/.Id$/.test(targetObject)) return { object: targetObject.slice(0, -2), confidence: 'likely' };
  return { object: targetObject, confidence: 'likely' };
}

function addOutboundMessage(context: ActionContext, action: WorkflowActionRef): void {
  const { graph, rule, ruleId } = context;
  const message = findNamed(context.workflow.outboundMessages, action.name);
  const fullName = `${rule.object}.${action.name}`;
  const messageId = graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('outbound-message', fullName),
      kind: 'automation',
      automationType: 'outbound-message',
      name: fullName,
      object: rule.object,
      active: context.activeActions.has(actionKey(action)),
      source: message?.source,
    }),
  );
  graph.addEdge({
    kind: 'calls',
    source: ruleId,
    target: messageId,
    confidence: message ? 'certain' : 'possible',
    evidence: evidenceOf(rule.source),
    async: true,
    note: message ? timedNote(context.timed, `outbound message ${action.name}`) : `outbound message ${action.name} is not in the project`,
  });
  if (!message) return;
  const url = message.endpointUrl || `${fullName} (no endpoint URL)`;
  const endpoint = graph.addNode({ id: nodeId.endpoint(url), kind: 'endpoint', name: url });
  const parts = [`outbound message ${message.name}`];
  if (message.fields.length > 0) parts.push(`fields ${[...message.fields].sort().join(', ')}`);
  if (message.integrationUser) parts.push(`sent as ${message.integrationUser}`);
  graph.addEdge({
    kind: 'calls-out',
    source: ruleId,
    target: endpoint,
    confidence: 'certain',
    evidence: evidenceOf(message.source),
    async: true,
    note: timedNote(context.timed, parts.join('; ')),
  });
}

function addAlert(context: ActionContext, action: WorkflowActionRef): void {
  const { graph, rule, ruleId } = context;
  const alert = findNamed(context.workflow.alerts, action.name);
  const fullName = `${rule.object}.${action.name}`;
  const alertId = graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('email-alert', fullName),
      kind: 'endpoint',
      automationType: 'email-alert',
      name: fullName,
      object: rule.object,
      source: alert?.source,
    }),
  );
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'calls-out',
      source: ruleId,
      target: alertId,
      confidence: alert ? 'certain' : 'possible',
      evidence: evidenceOf(alert?.source ?? rule.source),
      async: context.timed ? true : undefined,
      note: 'notify',
    }),
  );
}

function addTask(context: ActionContext, action: WorkflowActionRef): void {
  const { graph, rule, ruleId } = context;
  const task = findNamed(context.workflow.tasks, action.name);
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'writes',
      source: ruleId,
      target: graph.ensureObject('Task'),
      confidence: task ? 'certain' : 'likely',
      evidence: evidenceOf(task?.source ?? rule.source),
      fields: [],
      operation: 'create',
      targetsTriggeringRecord: false,
      async: context.timed ? true : undefined,
      note: timedNote(context.timed, `task ${action.name}${task?.subject ? `: ${task.subject}` : ''}`),
    }),
  );
}

function addUnknownAction(context: ActionContext, action: WorkflowActionRef): void {
  const { graph, rule, ruleId } = context;
  const id = `action:${action.type || 'unknown'}:${rule.object}.${action.name}`;
  if (!graph.hasNode(id)) graph.addNode({ id, kind: 'endpoint', name: `${rule.object}.${action.name}` });
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'calls',
      source: ruleId,
      target: id,
      confidence: 'possible',
      evidence: evidenceOf(rule.source),
      async: context.timed ? true : undefined,
      note: timedNote(context.timed, `${action.type} action ${action.name}`),
    }),
  );
}

function timedNote(timed: boolean, note: string): string {
  return timed ? `time trigger: ${note}` : note;
}

function findNamed<T extends { name: string }>(items: T[], name: string): T | undefined {
  const lower = name.toLowerCase();
  return items.find((item) => item.name === name) ?? items.find((item) => item.name.toLowerCase() === lower);
}

function actionKey(action: WorkflowActionRef): string {
  return `${action.type.toLowerCase()}:${action.name.toLowerCase()}`;
}

function evidenceOf(source: SourceRef): SourceRef {
  return source.line === undefined ? { file: source.file } : { file: source.file, line: source.line };
}

function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

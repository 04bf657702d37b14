/**
 * Small MetadataModel factories for the graph builder tests, a stub Apex effect resolver, and edge
 * finders that fail with what the graph does hold.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CustomFieldModel,
  CustomObjectModel,
  FlowElement,
  FlowModel,
  FlowTrigger,
  MetadataModel,
  ValidationRuleModel,
  WorkflowFieldUpdateModel,
  WorkflowModel,
  WorkflowRuleModel,
} from '../../../src/metadata/model.js';
import { emptyModel } from '../../../src/metadata/model.js';
import { parseFlow } from '../../../src/metadata/flow/index.js';
import { AutomationGraph } from '../../../src/graph/automation-graph.js';
import type { ApexEffect, ApexEffectResolver } from '../../../src/graph/build/effects.js';
import type { EdgeKind, GraphEdge } from '../../../src/graph/types.js';
import { fixturesDir } from '../../helpers/paths.js';

export function model(parts: Partial<MetadataModel> = {}): MetadataModel {
  return { ...emptyModel(['force-app']), ...parts };
}

// ---------------------------------------------------------------------------------------------
// Flows

export function flow(name: string, trigger: Partial<FlowTrigger>, elements: FlowElement[], extra: Partial<FlowModel> = {}): FlowModel {
  return {
    name,
    label: name.replace(/_/g, ' '),
    status: 'Active',
    isProcessBuilder: false,
    processType: 'AutoLaunchedFlow',
    trigger: { kind: 'none', filters: [], requiresRecordChanged: false, scheduledPaths: [], ...trigger },
    elements,
    source: { file: `force-app/main/default/flows/${name}.flow-meta.xml` },
    ...extra,
  };
}

/** A record-triggered flow trigger on `object`. */
export function recordTrigger(object: string, triggerType: 'RecordBeforeSave' | 'RecordAfterSave' | 'RecordBeforeDelete', recordTriggerType: string, target?: string): Partial<FlowTrigger> {
  return { kind: 'record', object, triggerType, recordTriggerType, ...(target ? { target } : {}) };
}

let nextLine = 10;

/** An element; `next` adds a `next` connector to each target. Lines are made up but distinct. */
export function element(kind: FlowElement['kind'], name: string, details: Partial<FlowElement> = {}, ...next: string[]): FlowElement {
  nextLine += 10;
  return { kind, name, line: nextLine, connectors: next.map((target) => ({ target, kind: 'next' })), ...details };
}

export function assignment(name: string, targets: string[], ...next: string[]): FlowElement {
  return element('assignment', name, { assignments: targets.map((target) => ({ target, operator: 'Assign', value: 'x' })) }, ...next);
}

/** Parses `fixtures/graph/<fileName>` (source path kept as `fixtures/graph/...`). */
export function fixtureFlow(fileName: string): FlowModel {
  const text = readFileSync(join(fixturesDir, 'graph', fileName), 'utf8');
  return parseFlow({ file: `fixtures/graph/${fileName}`, text, fullName: fileName.replace(/\.flow(-meta\.xml)?$/, '') });
}

// ---------------------------------------------------------------------------------------------
// Objects, fields, validation rules

export function object(name: string, fields: CustomFieldModel[] = [], validationRules: ValidationRuleModel[] = [], extra: Partial<CustomObjectModel> = {}): CustomObjectModel {
  return {
    name,
    kind: name.endsWith('__e') ? 'platform-event' : name.endsWith('__c') ? 'custom' : 'standard',
    custom: name.includes('__'),
    label: name.replace(/__c$/, '').replace(/_/g, ' '),
    source: { file: `force-app/main/default/objects/${name}/${name}.object-meta.xml`, line: 2 },
    fields,
    validationRules,
    ...extra,
  };
}

export function field(objectName: string, name: string, extra: Partial<CustomFieldModel> = {}): CustomFieldModel {
  return {
    object: objectName,
    name,
    fullName: `${objectName}.${name}`,
    custom: name.endsWith('__c'),
    label: name.replace(/__c$/, '').replace(/_/g, ' '),
    externalId: false,
    unique: false,
    required: false,
    referenceTo: [],
    classification: {},
    source: { file: `force-app/main/default/objects/${objectName}/fields/${name}.field-meta.xml`, line: 2 },
    ...extra,
  };
}

export function validationRule(objectName: string, name: string, formula: string, references: Partial<ValidationRuleModel['references']>, active = true): ValidationRuleModel {
  return {
    object: objectName,
    name,
    fullName: `${objectName}.${name}`,
    active,
    errorConditionFormula: formula,
    references: { fields: [], globals: [], bypass: [], functions: [], ...references },
    source: { file: `force-app/main/default/objects/${objectName}/validationRules/${name}.validationRule-meta.xml`, line: 2 },
  };
}

// ---------------------------------------------------------------------------------------------
// Workflow

export function workflow(objectName: string, parts: Partial<Omit<WorkflowModel, 'object' | 'source'>>): WorkflowModel {
  return {
    object: objectName,
    rules: [],
    fieldUpdates: [],
    outboundMessages: [],
    alerts: [],
    tasks: [],
    source: { file: `force-app/main/default/workflows/${objectName}.workflow-meta.xml`, line: 2 },
    ...parts,
  };
}

export function workflowRule(objectName: string, name: string, extra: Partial<WorkflowRuleModel> = {}): WorkflowRuleModel {
  nextLine += 10;
  return {
    object: objectName,
    name,
    fullName: `${objectName}.${name}`,
    active: true,
    triggerType: 'onCreateOrTriggeringUpdate',
    criteriaItems: [],
    actions: [],
    timeTriggerActions: [],
    source: { file: `force-app/main/default/workflows/${objectName}.workflow-meta.xml`, line: nextLine },
    ...extra,
  };
}

export function fieldUpdate(objectName: string, name: string, fieldName: string, extra: Partial<WorkflowFieldUpdateModel> = {}): WorkflowFieldUpdateModel {
  nextLine += 10;
  return {
    object: objectName,
    name,
    fullName: `${objectName}.${name}`,
    field: fieldName,
    reevaluateOnChange: false,
    notifyAssignee: false,
    source: { file: `force-app/main/default/workflows/${objectName}.workflow-meta.xml`, line: nextLine },
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Apex stub

/** A resolver that knows fixed effects and reached methods per invocable class, and records what it was asked. */
export function stubApex(
  effects: Record<string, ApexEffect[]> = {},
  reached: Record<string, ReturnType<ApexEffectResolver['reachedMethods']>> = {},
): ApexEffectResolver & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    triggerEffects: () => [],
    invocableEffects: (className) => {
      asked.push(className);
      return effects[className] ?? [];
    },
    reachedMethods: (entry) => ('invocableClass' in entry ? (reached[entry.invocableClass] ?? []) : []),
  };
}

export function apexWrite(pathSteps: string[], objectName: string, fields: string[], extra: Partial<ApexEffect> = {}): ApexEffect {
  return {
    kind: 'writes',
    object: objectName,
    fields,
    operation: 'update',
    targetsTriggeringRecord: false,
    path: pathSteps,
    evidence: { file: 'force-app/main/default/classes/X.cls', line: 42 },
    confidence: 'certain',
    async: false,
    inLoop: false,
    guards: [],
    ...extra,
  } as ApexEffect;
}

// ---------------------------------------------------------------------------------------------
// Graph helpers

export const newGraph = (): AutomationGraph => new AutomationGraph();

/** Edges matching every given attribute. */
export function edgesWhere(graph: AutomationGraph, where: Partial<GraphEdge>): GraphEdge[] {
  return graph.edges().filter((edge) =>
    Object.entries(where).every(([key, value]) => JSON.stringify(edge[key as keyof GraphEdge]) === JSON.stringify(value)),
  );
}

/** The one edge of `kind` from `source` to `target` (and matching `where`); fails listing the node's edges otherwise. */
export function oneEdge(graph: AutomationGraph, kind: EdgeKind, source: string, target: string, where: Partial<GraphEdge> = {}): GraphEdge {
  const found = edgesWhere(graph, { kind, source, target, ...where });
  if (found.length !== 1) {
    const around = graph.edges().filter((edge) => edge.source === source || edge.target === target);
    throw new Error(
      `expected one ${kind} ${source} → ${target} ${JSON.stringify(where)}, found ${found.length}; nearby:\n` +
        around.map((edge) => `  ${edge.kind} ${edge.source} → ${edge.target} ${JSON.stringify({ ...edge, kind: undefined, source: undefined, target: undefined })}`).join('\n'),
    );
  }
  return found[0]!;
}

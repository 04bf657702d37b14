import type { CustomFieldModel, FlowModel, MetadataModel, WorkflowFieldUpdateModel, WorkflowRuleModel } from './model.js';

/**
 * Lookups into the model by name, built once per model. Rules name thousands of fields and writes on
 * a large org: a search of every object or flow for each one is what made them slow.
 */
type Index = {
  fields: Map<string, CustomFieldModel>;
  flows: Map<string, FlowModel[]>;
  flowsExact: Map<string, FlowModel>;
  flowPositions: Map<FlowModel, number>;
  rules: Map<string, WorkflowRuleModel>;
  fieldUpdates: Map<string, WorkflowFieldUpdateModel[]>;
};

const INDEXES = new WeakMap<MetadataModel, Index>();

function indexOf(model: MetadataModel): Index {
  let index = INDEXES.get(model);
  if (index) return index;
  index = { fields: new Map(), flows: new Map(), flowsExact: new Map(), flowPositions: new Map(), rules: new Map(), fieldUpdates: new Map() };
  // The first of a name wins, as a search in model order would find it.
  for (const object of model.objects) {
    for (const field of object.fields) {
      const key = field.fullName.toLowerCase();
      if (!index.fields.has(key)) index.fields.set(key, field);
    }
  }
  for (const [position, flow] of model.flows.entries()) {
    index.flowPositions.set(flow, position);
    const key = flow.name.toLowerCase();
    index.flows.set(key, [...(index.flows.get(key) ?? []), flow]);
    if (!index.flowsExact.has(flow.name)) index.flowsExact.set(flow.name, flow);
  }
  for (const workflow of model.workflows) {
    for (const rule of workflow.rules) if (!index.rules.has(rule.fullName)) index.rules.set(rule.fullName, rule);
    for (const update of workflow.fieldUpdates) index.fieldUpdates.set(update.object, [...(index.fieldUpdates.get(update.object) ?? []), update]);
  }
  INDEXES.set(model, index);
  return index;
}

/** The field the project defines as `Object.Field` (any case), or undefined. */
export function findField(model: MetadataModel, fullName: string): CustomFieldModel | undefined {
  return indexOf(model).fields.get(fullName.toLowerCase());
}

/** The first flow named exactly `name`. */
export function findFlow(model: MetadataModel, name: string): FlowModel | undefined {
  return indexOf(model).flowsExact.get(name);
}

/** Every flow with one of these names in any case, once each, in model order. */
export function flowsNamed(model: MetadataModel, names: readonly string[]): FlowModel[] {
  const index = indexOf(model);
  const found = new Set<FlowModel>();
  for (const name of names) for (const flow of index.flows.get(name.toLowerCase()) ?? []) found.add(flow);
  return [...found].sort((a, b) => index.flowPositions.get(a)! - index.flowPositions.get(b)!);
}

/** The first workflow rule with this full name (`Object.Rule`). */
export function findWorkflowRule(model: MetadataModel, fullName: string): WorkflowRuleModel | undefined {
  return indexOf(model).rules.get(fullName);
}

/** The workflow field updates on an object, in model order. */
export function fieldUpdatesOn(model: MetadataModel, object: string): readonly WorkflowFieldUpdateModel[] {
  return indexOf(model).fieldUpdates.get(object) ?? [];
}

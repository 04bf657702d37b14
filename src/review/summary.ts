import type { MetadataModel, PermissionContainerModel } from '../metadata/model.js';

export type ObjectSummary = {
  name: string;
  /** The object's kind, or `not in project` for objects only automation refers to. */
  kind: string;
  fields: number;
  validationRules: number;
  flows: number;
  triggers: number;
};

export type PermissionSummary = {
  name: string;
  label?: string;
  license?: string;
  userPermissions: number;
  objectPermissions: number;
  fieldPermissions: number;
};

export type ModelSummary = {
  /** Components per metadata type, sorted by type name. */
  counts: Record<string, number>;
  objects: ObjectSummary[];
  permissionSets: PermissionSummary[];
  profiles: PermissionSummary[];
  permissionSetGroups: Array<{ name: string; label?: string; permissionSets: number; mutingPermissionSets: number }>;
};

/** Counts for the inventory: what was read, per type and per object. */
export function summarizeModel(model: MetadataModel): ModelSummary {
  const flowsByObject = countBy(model.flows.map((flow) => flow.trigger.object));
  const triggersByObject = countBy(model.apexTriggers.map((trigger) => trigger.object));
  const objects: ObjectSummary[] = model.objects.map((object) => ({
    name: object.name,
    kind: object.kind,
    fields: object.fields.length,
    validationRules: object.validationRules.length,
    flows: flowsByObject.get(object.name) ?? 0,
    triggers: triggersByObject.get(object.name) ?? 0,
  }));
  // Automation on objects the project has no metadata for still belongs in the inventory.
  const known = new Set(objects.map((object) => object.name));
  for (const name of new Set([...flowsByObject.keys(), ...triggersByObject.keys()])) {
    if (known.has(name)) continue;
    objects.push({ name, kind: 'not in project', fields: 0, validationRules: 0, flows: flowsByObject.get(name) ?? 0, triggers: triggersByObject.get(name) ?? 0 });
  }
  objects.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const counts: Record<string, number> = {
    ApexClass: model.apexClasses.length,
    ApexTrigger: model.apexTriggers.length,
    CustomField: sum(model.objects.map((object) => object.fields.length)),
    CustomObject: model.objects.filter((object) => object.source !== undefined).length,
    Flow: model.flows.length,
    MutingPermissionSet: model.mutingPermissionSets.length,
    PermissionSet: model.permissionSets.length,
    PermissionSetGroup: model.permissionSetGroups.length,
    Profile: model.profiles.length,
    ValidationRule: sum(model.objects.map((object) => object.validationRules.length)),
    Workflow: model.workflows.length,
    WorkflowRule: sum(model.workflows.map((workflow) => workflow.rules.length)),
    WorkflowFieldUpdate: sum(model.workflows.map((workflow) => workflow.fieldUpdates.length)),
    WorkflowOutboundMessage: sum(model.workflows.map((workflow) => workflow.outboundMessages.length)),
  };
  for (const other of model.otherComponents) counts[other.type] = (counts[other.type] ?? 0) + 1;

  return {
    counts: sortKeys(counts),
    objects,
    permissionSets: model.permissionSets.map(permissionSummary),
    profiles: model.profiles.map(permissionSummary),
    permissionSetGroups: model.permissionSetGroups.map((group) => ({
      name: group.name,
      ...(group.label !== undefined ? { label: group.label } : {}),
      permissionSets: group.permissionSets.length,
      mutingPermissionSets: group.mutingPermissionSets.length,
    })),
  };
}

function permissionSummary(container: PermissionContainerModel): PermissionSummary {
  return {
    name: container.name,
    ...(container.label !== undefined ? { label: container.label } : {}),
    ...(container.license !== undefined ? { license: container.license } : {}),
    userPermissions: container.userPermissions.length,
    objectPermissions: container.objectPermissions.length,
    fieldPermissions: container.fieldPermissions.length,
  };
}

function countBy(values: Array<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

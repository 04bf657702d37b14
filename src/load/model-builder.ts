import type {
  OtherComponent,
  ParseIssue,
  ApexClassModel,
  ApexTriggerModel,
  CustomFieldModel,
  CustomMetadataRecordModel,
  CustomObjectModel,
  CustomPermissionModel,
  FlowModel,
  MetadataModel,
  PermissionContainerModel,
  PermissionSetGroupModel,
  ValidationRuleModel,
  WorkflowModel,
} from '../metadata/model.js';
import { emptyModel } from '../metadata/model.js';
import { isCustomObjectName, objectKindOf } from '../metadata/objects/custom-object.js';
import { Interner } from './interner.js';

/** One parsed component, tagged with where it goes in the model. */
export type Parsed =
  | { kind: 'object'; value: Omit<CustomObjectModel, 'fields' | 'validationRules'> }
  | { kind: 'field'; value: CustomFieldModel }
  | { kind: 'validationRule'; value: ValidationRuleModel }
  | { kind: 'flow'; value: FlowModel }
  | { kind: 'apexClass'; value: ApexClassModel }
  | { kind: 'apexTrigger'; value: ApexTriggerModel }
  | { kind: 'workflow'; value: WorkflowModel }
  | { kind: 'permissions'; value: PermissionContainerModel }
  | { kind: 'permissionSetGroup'; value: PermissionSetGroupModel }
  | { kind: 'customMetadataRecord'; value: CustomMetadataRecordModel }
  | { kind: 'customPermission'; value: CustomPermissionModel };

/** A component kept without a model: counted, and when it was deliberately not parsed, says why. */
export type ListedComponent = OtherComponent & { note?: string };

/** Collects parsed components into one MetadataModel, merging an object's parts from several folders. */
export class ModelBuilder {
  private readonly objects = new Map<string, CustomObjectModel>();
  public readonly model: MetadataModel;

  public constructor(
    sourceDirs: string[],
    private readonly names = new Interner(),
  ) {
    this.model = emptyModel(sourceDirs);
  }

  public add(parsed: Parsed): void {
    const model = this.model;
    switch (parsed.kind) {
      case 'object':
        this.addObject(parsed.value);
        break;
      case 'field':
        this.object(parsed.value.object).fields.push(parsed.value);
        break;
      case 'validationRule':
        this.object(parsed.value.object).validationRules.push(parsed.value);
        break;
      case 'flow':
        model.flows.push(parsed.value);
        break;
      case 'apexClass':
        model.apexClasses.push(parsed.value);
        break;
      case 'apexTrigger':
        model.apexTriggers.push(parsed.value);
        break;
      case 'workflow':
        model.workflows.push(parsed.value);
        break;
      case 'permissions':
        this.addPermissionContainer(parsed.value);
        break;
      case 'permissionSetGroup':
        model.permissionSetGroups.push(parsed.value);
        break;
      case 'customMetadataRecord':
        model.customMetadataRecords!.push(parsed.value);
        // Still listed as a component: the inventory counts records whatever the analysis reads of them.
        this.addOther({ type: 'CustomMetadata', fullName: `${parsed.value.type.slice(0, -5)}.${parsed.value.name}`, file: parsed.value.source.file });
        break;
      case 'customPermission':
        model.customPermissions!.push(parsed.value);
        // Listed too, as before it was parsed: the inventory's counts do not change with what is modelled.
        this.addOther({ type: 'CustomPermission', fullName: parsed.value.name, file: parsed.value.source.file });
        break;
    }
  }

  public addOther(component: ListedComponent): void {
    this.model.otherComponents.push(component);
  }

  public addIssue(issue: ParseIssue): void {
    this.model.parseIssues.push(issue);
  }

  private addObject(parsed: Omit<CustomObjectModel, 'fields' | 'validationRules'>): void {
    const existing = this.objects.get(parsed.name);
    if (existing) Object.assign(existing, parsed, { fields: existing.fields, validationRules: existing.validationRules });
    else this.objects.set(parsed.name, { ...parsed, fields: [], validationRules: [] });
  }

  private addPermissionContainer(container: PermissionContainerModel): void {
    if (!this.names.isInterned(container.fieldPermissions)) for (const permission of container.fieldPermissions) permission.field = this.names.intern(permission.field);
    for (const permission of container.objectPermissions) permission.object = this.names.intern(permission.object);
    const list =
      container.kind === 'Profile'
        ? this.model.profiles
        : container.kind === 'MutingPermissionSet'
          ? this.model.mutingPermissionSets
          : this.model.permissionSets;
    list.push(container);
  }

  /** The finished model, every list sorted so output is deterministic. */
  public build(): MetadataModel {
    const byName = <T extends { name: string }>(items: T[]): T[] => items.sort((a, b) => compare(a.name, b.name));
    const model = this.model;
    model.objects = byName([...this.objects.values()]);
    for (const object of model.objects) {
      byName(object.fields);
      byName(object.validationRules);
    }
    byName(model.flows);
    byName(model.apexClasses);
    byName(model.apexTriggers);
    model.workflows.sort((a, b) => compare(a.object, b.object));
    byName(model.permissionSets);
    byName(model.profiles);
    byName(model.mutingPermissionSets);
    byName(model.permissionSetGroups);
    byName(model.customPermissions!);
    model.customMetadataRecords!.sort((a, b) => compare(a.type, b.type) || compare(a.name, b.name) || compare(a.source.file, b.source.file));
    model.otherComponents.sort((a, b) => compare(a.type, b.type) || compare(a.fullName, b.fullName) || compare(a.file, b.file));
    model.parseIssues.sort((a, b) => compare(a.file, b.file) || compare(a.message, b.message));
    return model;
  }

  private object(name: string): CustomObjectModel {
    let object = this.objects.get(name);
    if (!object) {
      object = { name, kind: objectKindOf(name), custom: isCustomObjectName(name), fields: [], validationRules: [] };
      this.objects.set(name, object);
    }
    return object;
  }
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// What "the same model" means when comparing an org retrieve with the local sample.
import type { MetadataModel } from '../../src/metadata/model.js';

export function modelCounts(model: MetadataModel): Record<string, unknown> {
  return {
    objects: model.objects.map((object) => object.name),
    fields: model.objects.reduce((sum, object) => sum + object.fields.length, 0),
    validationRules: model.objects.reduce((sum, object) => sum + object.validationRules.length, 0),
    flows: model.flows.map((flow) => flow.name),
    triggers: model.apexTriggers.map((trigger) => trigger.name),
    classes: model.apexClasses.map((apexClass) => apexClass.name),
    workflows: model.workflows.length,
    permissionSets: model.permissionSets.map((set) => set.name),
    permissionSetGroups: model.permissionSetGroups.length,
    mutingPermissionSets: model.mutingPermissionSets.length,
    profiles: model.profiles.map((profile) => profile.name),
    // Complete only when profiles were retrieved with the objects and classes (the Metadata API quirk).
    profilePermissions: model.profiles.map((profile) => [profile.name, profile.fieldPermissions.length, profile.objectPermissions.length, profile.classAccess.length]),
    permissionSetPermissions: model.permissionSets.map((set) => [set.name, set.fieldPermissions.length, set.objectPermissions.length]),
    other: model.otherComponents.map((other) => `${other.type}:${other.fullName}`).sort(),
  };
}

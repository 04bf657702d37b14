import type { CustomFieldModel, MetadataModel } from './model.js';

const INDEX = new WeakMap<MetadataModel, Map<string, CustomFieldModel>>();

/**
 * The field the project defines as `Object.Field` (any case), or undefined. Findings name thousands of
 * fields on a large org: one index per model instead of a search of every object for each.
 */
export function findField(model: MetadataModel, fullName: string): CustomFieldModel | undefined {
  let index = INDEX.get(model);
  if (!index) {
    index = new Map();
    // The first object holding the name wins, as a search in model order would find it.
    for (const object of model.objects) {
      for (const field of object.fields) {
        const key = field.fullName.toLowerCase();
        if (!index.has(key)) index.set(key, field);
      }
    }
    INDEX.set(model, index);
  }
  return index.get(fullName.toLowerCase());
}

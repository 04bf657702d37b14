/**
 * Resolves which object a flow reference points at, when the flow itself says so:
 * `$Record` / `$Record__Prior` (the trigger object), SObject variables (`objectType`),
 * Get Records elements (their `object`), loops and collection filters/sorts (their collection),
 * and `base.Relationship` paths through well-known standard lookups (`$Record.Account`).
 * Anything else (custom `__r` paths, formulas, text) stays unresolved.
 */
import { children } from '../xml.js';
import { optionalText } from './values.js';

/** Standard relationship names whose target object is fixed, whatever object they sit on. */
const STANDARD_RELATIONSHIPS = new Map<string, string>([
  ['account', 'Account'],
  ['contact', 'Contact'],
  ['opportunity', 'Opportunity'],
  ['campaign', 'Campaign'],
  ['contract', 'Contract'],
  ['order', 'Order'],
  ['product2', 'Product2'],
  ['pricebook2', 'Pricebook2'],
  ['pricebookentry', 'PricebookEntry'],
  ['asset', 'Asset'],
  ['quote', 'Quote'],
  ['entitlement', 'Entitlement'],
  ['servicecontract', 'ServiceContract'],
  ['workorder', 'WorkOrder'],
  ['individual', 'Individual'],
  ['createdby', 'User'],
  ['lastmodifiedby', 'User'],
  ['manager', 'User'],
  ['reportsto', 'Contact'],
]);

/** Objects whose standard `Parent` lookup points at the same object. */
const SELF_PARENT_OBJECTS = new Set(['account', 'case', 'campaign', 'asset', 'workorder']);

const MAX_DEPTH = 16;

export class ReferenceResolver {
  private readonly objects = new Map<string, string>();
  private readonly collections = new Map<string, string>();

  /**
   * @param triggerObject the object `$Record` stands for.
   * @param recordReferences the references that stand for the triggering record (`$Record`, and for
   *   Process Builder `myVariable_current` / `myVariable_old`).
   */
  public constructor(body: Record<string, unknown>, triggerObject: string | undefined, recordReferences: string[]) {
    for (const variable of children(body['variables'])) {
      const name = optionalText(variable, 'name');
      const objectType = optionalText(variable, 'objectType');
      if (name !== undefined && objectType !== undefined) this.objects.set(name.toLowerCase(), objectType);
    }
    for (const lookup of children(body['recordLookups'])) {
      const name = optionalText(lookup, 'name');
      const object = optionalText(lookup, 'object');
      if (name !== undefined && object !== undefined) this.objects.set(name.toLowerCase(), object);
    }
    for (const tag of ['loops', 'collectionProcessors']) {
      for (const element of children(body[tag])) {
        const name = optionalText(element, 'name');
        const collection = optionalText(element, 'collectionReference');
        if (name !== undefined && collection !== undefined) this.collections.set(name.toLowerCase(), collection);
      }
    }
    if (triggerObject !== undefined) {
      for (const reference of [...recordReferences, '$Record__Prior']) this.objects.set(reference.toLowerCase(), triggerObject);
    }
  }

  /** The object a reference (`varAcc`, `Get_Cases`, `$Record.Account`) points at, when known. */
  public objectOf(reference: string | undefined): string | undefined {
    return reference === undefined ? undefined : this.resolve(stripBraces(reference), 0);
  }

  private resolve(reference: string, depth: number): string | undefined {
    if (depth > MAX_DEPTH || reference === '') return undefined;
    const [base = '', ...path] = reference.split('.');
    const key = base.toLowerCase();
    let object = this.objects.get(key);
    if (object === undefined) {
      const collection = this.collections.get(key);
      if (collection !== undefined) object = this.resolve(stripBraces(collection), depth + 1);
    }
    for (const segment of path) {
      if (object === undefined) return undefined;
      object = relationshipTarget(object, segment);
    }
    return object;
  }
}

function relationshipTarget(object: string, relationship: string): string | undefined {
  const key = relationship.toLowerCase();
  if (key === 'parent') return SELF_PARENT_OBJECTS.has(object.toLowerCase()) ? object : undefined;
  return STANDARD_RELATIONSHIPS.get(key);
}

function stripBraces(reference: string): string {
  const trimmed = reference.trim();
  return trimmed.startsWith('{!') && trimmed.endsWith('}') ? trimmed.slice(2, -1).trim() : trimmed;
}

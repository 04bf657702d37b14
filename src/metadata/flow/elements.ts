/**
 * Flow elements: every top-level element of the file (anything with a `<name>` that is not a
 * resource such as a variable or formula), in file order by element type, then as written.
 * Unknown element types become kind `other` so new Salesforce features never crash a review.
 */
import type { FlowAssignmentItem, FlowElement, FlowElementKind } from '../model.js';
import { asArray, children, text } from '../xml.js';
import { readConnectors } from './connectors.js';
import type { ReferenceResolver } from './references.js';
import { compact, flowValue, hasIdFilterOn, optionalText, readFilters } from './values.js';

/** Flow metadata element lists and the kind each one holds. */
export const ELEMENT_KINDS: ReadonlyMap<string, FlowElementKind> = new Map<string, FlowElementKind>([
  ['recordUpdates', 'recordUpdate'],
  ['recordCreates', 'recordCreate'],
  ['recordDeletes', 'recordDelete'],
  ['recordLookups', 'recordLookup'],
  ['recordRollbacks', 'recordRollback'],
  ['assignments', 'assignment'],
  ['subflows', 'subflow'],
  ['actionCalls', 'actionCall'],
  ['apexPluginCalls', 'apexPluginCall'],
  ['loops', 'loop'],
  ['decisions', 'decision'],
  ['waits', 'wait'],
  ['screens', 'screen'],
  ['collectionProcessors', 'collectionProcessor'],
  ['transforms', 'transform'],
  ['customErrors', 'customError'],
  ['orchestratedStages', 'orchestratedStage'],
  ['steps', 'step'],
]);

/** Top-level Flow children that are resources or settings, not elements on the canvas. */
const NON_ELEMENT_TAGS = new Set([
  'start',
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages',
  'processMetadataValues',
  'customProperties',
  'capabilityTypes',
  'sourceTemplate',
  'connector',
]);

const RECORD_KINDS = new Set<FlowElementKind>(['recordUpdate', 'recordCreate', 'recordDelete', 'recordLookup']);
const FILTERED_KINDS = new Set<FlowElementKind>(['recordUpdate', 'recordDelete', 'recordLookup']);
const ASSIGNING_KINDS = new Set<FlowElementKind>(['recordUpdate', 'recordCreate']);

export type ElementContext = {
  /** The object `$Record` stands for (start object, or the Process Builder object). */
  triggerObject?: string;
  /** References that stand for the triggering record: `$Record`, and for Process Builder `myVariable_current`/`_old`. */
  recordReferences: string[];
  resolver: ReferenceResolver;
  /** Line of an element, from its list tag and name. */
  locate: (tag: string, name: string) => number | undefined;
};

export function readElements(body: Record<string, unknown>, context: ElementContext): FlowElement[] {
  const elements: FlowElement[] = [];
  for (const [tag, value] of Object.entries(body)) {
    if (tag.startsWith('@_') || tag.startsWith('#') || NON_ELEMENT_TAGS.has(tag)) continue;
    const kind = ELEMENT_KINDS.get(tag);
    if (kind !== undefined) {
      asArray(value).forEach((item, index) => {
        if (!item || typeof item !== 'object' || Array.isArray(item)) {
          throw new Error(`malformed <${tag}> element #${index + 1}: expected child elements, found text`);
        }
        const node = item as Record<string, unknown>;
        const name = optionalText(node, 'name');
        if (name === undefined) throw new Error(`malformed <${tag}> element #${index + 1}: it has no <name>`);
        elements.push(readElement(kind, tag, name, node, context));
      });
      continue;
    }
    // Unknown list: keep whatever names itself as an element of kind `other`.
    for (const node of children(value)) {
      const name = optionalText(node, 'name');
      if (name !== undefined) elements.push(readElement('other', tag, name, node, context));
    }
  }
  return elements;
}

function readElement(kind: FlowElementKind, tag: string, name: string, node: Record<string, unknown>, context: ElementContext): FlowElement {
  const element: FlowElement = {
    kind,
    name,
    label: optionalText(node, 'label'),
    line: context.locate(tag, name),
    connectors: readConnectors(node),
  };
  if (RECORD_KINDS.has(kind)) readRecordDetails(kind, node, element, context);
  switch (kind) {
    case 'assignment':
      element.assignments = children(node['assignmentItems']).map(readAssignmentItem);
      break;
    case 'subflow':
      element.flowName = optionalText(node, 'flowName');
      break;
    case 'actionCall':
      element.actionType = optionalText(node, 'actionType');
      element.actionName = optionalText(node, 'actionName');
      break;
    case 'apexPluginCall':
      element.actionName = optionalText(node, 'apexClass');
      break;
    case 'loop':
      element.collectionReference = optionalText(node, 'collectionReference');
      break;
    default:
      break;
  }
  return compact(element);
}

/** Object, input reference, filters, assigned fields, and whether the triggering record is the target. */
function readRecordDetails(kind: FlowElementKind, node: Record<string, unknown>, element: FlowElement, context: ElementContext): void {
  const inputReference = optionalText(node, 'inputReference');
  const filters = readFilters(node['filters']);
  const written = optionalText(node, 'object');
  let targetsTriggeringRecord: boolean;
  let object: string | undefined;
  if (inputReference !== undefined) {
    targetsTriggeringRecord = context.recordReferences.some((reference) => sameName(reference, inputReference));
    object = written ?? (targetsTriggeringRecord ? context.triggerObject : context.resolver.objectOf(inputReference));
  } else {
    object = written;
    targetsTriggeringRecord =
      context.triggerObject !== undefined &&
      (object === undefined || sameName(object, context.triggerObject)) &&
      hasIdFilterOn(filters, context.recordReferences);
    if (object === undefined && targetsTriggeringRecord) object = context.triggerObject;
  }
  element.object = object;
  element.inputReference = inputReference;
  element.targetsTriggeringRecord = targetsTriggeringRecord;
  if (FILTERED_KINDS.has(kind)) element.filters = filters;
  if (ASSIGNING_KINDS.has(kind)) {
    element.fields = children(node['inputAssignments'])
      .map((assignment) => text(assignment['field']))
      .filter((field): field is string => field !== undefined && field !== '');
  }
}

function readAssignmentItem(item: Record<string, unknown>): FlowAssignmentItem {
  const assignment: FlowAssignmentItem = {
    target: text(item['assignToReference']) ?? '',
    operator: text(item['operator']) ?? '',
  };
  const value = flowValue(item['value']);
  if (value !== undefined) assignment.value = value;
  return assignment;
}

function sameName(left: string, right: string): boolean {
  return left.toLowerCase() === right.toLowerCase();
}

/**
 * Validation rules into the automation graph: each rule fires on create and update of its object and
 * reads the fields its error condition references, on its own object and (through lookups the project
 * describes) on related objects. Bypass switches ($Permission, $Setup, ...) are noted on the read.
 */
import type { CustomFieldModel, CustomObjectModel, MetadataModel, ValidationRuleModel } from '../../metadata/model.js';
import type { AutomationGraph } from '../automation-graph.js';
import { type GraphEdge, type GraphNode, nodeId } from '../types.js';

export function addValidationRules(graph: AutomationGraph, model: MetadataModel): void {
  const objects = new Map(model.objects.map((object) => [object.name.toLowerCase(), object]));
  for (const object of model.objects) {
    for (const rule of object.validationRules) {
      graph.isolate({ stage: 'building the automation graph', component: `ValidationRule ${rule.object}.${rule.name}`, file: rule.source.file }, () => addRule(graph, objects, rule));
    }
  }
}

function addRule(graph: AutomationGraph, objects: Map<string, CustomObjectModel>, rule: ValidationRuleModel): void {
  const ruleId = graph.addNode(
    compact<GraphNode>({
      id: nodeId.automation('validation-rule', rule.fullName),
      kind: 'automation',
      automationType: 'validation-rule',
      name: rule.fullName,
      object: rule.object,
      active: rule.active,
      source: rule.source,
    }),
  );
  const evidence = rule.source.line === undefined ? { file: rule.source.file } : { file: rule.source.file, line: rule.source.line };
  const objectId = graph.ensureObject(rule.object);
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'fires-on',
      source: objectId,
      target: ruleId,
      confidence: 'certain',
      evidence,
      events: ['create', 'update'],
      criteria: rule.errorConditionFormula.trim() || undefined,
    }),
  );

  const own = new Set<string>();
  const related = new Map<string, Set<string>>();
  for (const reference of rule.references.fields) {
    const segments = reference.split('.').filter((segment) => segment !== '');
    if (segments.length === 0) continue;
    if (segments.length === 1) {
      own.add(`${rule.object}.${canonicalField(objects.get(rule.object.toLowerCase()), segments[0]!)}`);
      continue;
    }
    const resolved = resolvePath(objects, rule.object, segments);
    if (!resolved) continue;
    own.add(`${rule.object}.${resolved.lookupField}`);
    const fields = related.get(resolved.object) ?? new Set<string>();
    fields.add(`${resolved.object}.${resolved.field}`);
    related.set(resolved.object, fields);
  }

  const bypass = [...new Set(rule.references.bypass)].sort();
  graph.addEdge(
    compact<GraphEdge>({
      kind: 'reads',
      source: ruleId,
      target: objectId,
      confidence: 'certain',
      evidence,
      fields: [...own].sort(),
      note: bypass.length > 0 ? `bypass: ${bypass.join(', ')}` : undefined,
    }),
  );
  for (const [object, fields] of [...related.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))) {
    graph.addEdge({
      kind: 'reads',
      source: ruleId,
      target: graph.ensureObject(object),
      confidence: 'likely',
      evidence,
      fields: [...fields].sort(),
      note: 'through a relationship',
    });
  }
}

/**
 * Follows `Rel.Rel2.Field` from `object` through lookup fields the project describes (by relationship
 * name, `__r` → `__c`, or `RelId`). Undefined when a hop cannot be resolved to one object.
 */
function resolvePath(
  objects: Map<string, CustomObjectModel>,
  object: string,
  segments: string[],
): { object: string; field: string; lookupField: string } | undefined {
  let current = object;
  let firstLookup: string | undefined;
  for (const segment of segments.slice(0, -1)) {
    const lookup = lookupField(objects.get(current.toLowerCase()), segment);
    if (!lookup || lookup.referenceTo.length !== 1) return undefined;
    firstLookup ??= lookup.name;
    current = lookup.referenceTo[0]!;
  }
  const last = segments[segments.length - 1]!;
  return { object: current, field: canonicalField(objects.get(current.toLowerCase()), last), lookupField: firstLookup! };
}

function lookupField(object: CustomObjectModel | undefined, relationship: string): CustomFieldModel | undefined {
  if (!object) return undefined;
  const lower = relationship.toLowerCase();
  const candidates = [lower, lower.endsWith('__r') ? `${lower.slice(0, -3)}__c` : `${lower}id`];
  return (
    object.fields.find((field) => field.referenceTo.length > 0 && field.relationshipName?.toLowerCase() === lower) ??
    object.fields.find((field) => field.referenceTo.length > 0 && candidates.includes(field.name.toLowerCase()))
  );
}

/** The field's API name as the project spells it (formulas are case-insensitive), else as written. */
function canonicalField(object: CustomObjectModel | undefined, name: string): string {
  const lower = name.toLowerCase();
  return object?.fields.find((field) => field.name.toLowerCase() === lower)?.name ?? name;
}

function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

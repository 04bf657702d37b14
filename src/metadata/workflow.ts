import { LineLocator } from './lines.js';
import type {
  FlowFilter,
  SourceRef,
  WorkflowActionRef,
  WorkflowAlertModel,
  WorkflowFieldUpdateModel,
  WorkflowModel,
  WorkflowOutboundMessageModel,
  WorkflowRuleModel,
  WorkflowTaskModel,
} from './model.js';
import type { ParseInput } from './parse-input.js';
import { indexBlockNames } from './permissions/selective-extract.js';
import { asArray, bool, children, parseMetadataXmlAs, text } from './xml.js';

/**
 * Reads a workflow file: source-format `Object.workflow-meta.xml` and metadata-API `Object.workflow`
 * have the same content. `input.fullName` is the object. Children are named `Object.Name`, and each
 * one's line is the line of its `<fullName>`. Children without a `<fullName>` cannot be referred to
 * by anything and are skipped.
 */

const nonEmpty = (value: unknown): string | undefined => {
  const raw = text(value);
  return raw === undefined || raw.trim() === '' ? undefined : raw;
};

const trimmed = (value: unknown): string | undefined => nonEmpty(value)?.trim();

function setOptional<T extends object>(target: T, values: Record<string, string | undefined>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

function actionRefs(value: unknown): WorkflowActionRef[] {
  return children(value)
    .map((action) => ({ name: trimmed(action['name']) ?? '', type: trimmed(action['type']) ?? '' }))
    .filter((action) => action.name !== '');
}

function criteria(value: unknown): FlowFilter[] {
  return children(value).map((item) => {
    const filter: FlowFilter = { field: trimmed(item['field']) ?? '', operator: trimmed(item['operation']) ?? '' };
    const filterValue = text(item['value']);
    if (filterValue !== undefined) filter.value = filterValue;
    return filter;
  });
}

export function parseWorkflow(input: ParseInput): WorkflowModel {
  const body = parseMetadataXmlAs(input.text, 'Workflow');
  const object = input.fullName.trim();
  if (!object) throw new Error('the workflow has no object name');
  const locator = new LineLocator(input.text);
  const lineAt = (offset: number): number => locator.lineAt(offset);

  /** Calls `build` for each named child of `element`, with its name, full name and source. */
  const each = <T>(element: string, build: (child: Record<string, unknown>, base: { object: string; name: string; fullName: string; source: SourceRef }) => T): T[] => {
    const lines = indexBlockNames(input.text, element, lineAt);
    const result: T[] = [];
    for (const child of children(body[element])) {
      const name = trimmed(child['fullName']);
      if (name === undefined) continue;
      result.push(build(child, { object, name, fullName: `${object}.${name}`, source: { file: input.file, line: lines.get(name) ?? locator.findElement('fullName', name) } }));
    }
    return result;
  };

  const rules = each('rules', (child, base): WorkflowRuleModel => {
    const timeTriggerActions = children(child['workflowTimeTriggers']).flatMap((trigger) => actionRefs(trigger['actions']));
    const rule: WorkflowRuleModel = {
      ...base,
      active: bool(child['active']),
      criteriaItems: criteria(child['criteriaItems']),
      actions: actionRefs(child['actions']),
      timeTriggerActions,
    };
    return setOptional(rule, {
      description: nonEmpty(child['description']),
      triggerType: trimmed(child['triggerType']),
      formula: nonEmpty(child['formula']),
      booleanFilter: trimmed(child['booleanFilter']),
    });
  });

  const fieldUpdates = each('fieldUpdates', (child, base): WorkflowFieldUpdateModel => {
    const update: WorkflowFieldUpdateModel = {
      ...base,
      field: trimmed(child['field']) ?? '',
      reevaluateOnChange: bool(child['reevaluateOnChange']),
      notifyAssignee: bool(child['notifyAssignee']),
    };
    return setOptional(update, {
      targetObject: trimmed(child['targetObject']),
      operation: trimmed(child['operation']),
      formula: nonEmpty(child['formula']),
      literalValue: text(child['literalValue']),
      description: nonEmpty(child['description']),
    });
  });

  const outboundMessages = each('outboundMessages', (child, base): WorkflowOutboundMessageModel => {
    const message: WorkflowOutboundMessageModel = {
      ...base,
      endpointUrl: trimmed(child['endpointUrl']) ?? '',
      fields: asArray(child['fields'])
        .map((field) => text(field)?.trim())
        .filter((field): field is string => Boolean(field)),
    };
    return setOptional(message, {
      integrationUser: trimmed(child['integrationUser']),
      description: nonEmpty(child['description']),
    });
  });

  const alerts = each('alerts', (child, base): WorkflowAlertModel =>
    setOptional({ ...base } as WorkflowAlertModel, {
      description: nonEmpty(child['description']),
      template: trimmed(child['template']),
    }),
  );

  const tasks = each('tasks', (child, base): WorkflowTaskModel =>
    setOptional({ ...base } as WorkflowTaskModel, { subject: nonEmpty(child['subject']) }),
  );

  return {
    object,
    rules,
    fieldUpdates,
    outboundMessages,
    alerts,
    tasks,
    source: { file: input.file, line: locator.find('<Workflow') },
  };
}

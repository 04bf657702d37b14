/**
 * Record-triggered flows (before and after save) and autolaunched subflows. After-save flows loop
 * over child records, write to the parent (chains up the object tree), call subflows and Apex
 * actions; parents that push down to their children close cycles.
 */
import { block, documentOf, leaf } from './xml.mjs';

const connector = (depth, target, name = 'connector') => (target ? block(depth, name, [leaf(depth + 1, 'targetReference', target)]) : []);
const value = (depth, kind, text) => block(depth, 'value', [leaf(depth + 1, kind, text)]);
const position = (index) => [leaf(2, 'locationX', String(176 + (index % 3) * 264)), leaf(2, 'locationY', String(134 + index * 108))];
const filter = (depth, field, operator, kind, text) => block(depth, 'filters', [leaf(depth + 1, 'field', field), leaf(depth + 1, 'operator', operator), value(depth + 1, kind, text)]);
const assignmentItem = (target, operator, kind, text) => block(2, 'assignmentItems', [leaf(3, 'assignToReference', target), leaf(3, 'operator', operator), value(3, kind, text)]);
const inputAssignment = (field, kind, text) => block(2, 'inputAssignments', [leaf(3, 'field', field), value(3, kind, text)]);

const BUILDER_VALUES = [
  ['BuilderType', 'LightningFlowBuilder'],
  ['CanvasMode', 'AUTO_LAYOUT_CANVAS'],
  ['OriginBuilderType', 'LightningFlowBuilder'],
].map(([name, text]) => block(1, 'processMetadataValues', [leaf(2, 'name', name), value(2, 'stringValue', text)]));

/** Elements grouped by their XML element name, written in the alphabetical order Salesforce uses. */
function flowDocument(meta, elements, start, variables) {
  const byTag = (tag) => elements.filter((element) => element.tag === tag).map((element) => element.lines);
  return documentOf('Flow', [
    byTag('actionCalls'),
    leaf(1, 'apiVersion', '62.0'),
    byTag('assignments'),
    byTag('decisions'),
    leaf(1, 'description', meta.description),
    leaf(1, 'environments', 'Default'),
    leaf(1, 'interviewLabel', `${meta.label} {!$Flow.CurrentDateTime}`),
    leaf(1, 'label', meta.label),
    byTag('loops'),
    BUILDER_VALUES,
    leaf(1, 'processType', 'AutoLaunchedFlow'),
    byTag('recordLookups'),
    byTag('recordUpdates'),
    start,
    leaf(1, 'status', meta.active === false ? 'Draft' : 'Active'),
    byTag('subflows'),
    variables,
  ]);
}

function recordStart(object, triggerType, first, filters) {
  return block(1, 'start', [
    leaf(2, 'locationX', '50'),
    leaf(2, 'locationY', '0'),
    connector(2, first),
    ...(filters.length > 0 ? [leaf(2, 'doesRequireRecordChangedToMeetCriteria', 'true'), leaf(2, 'filterLogic', 'and'), filters] : []),
    leaf(2, 'object', object.name),
    leaf(2, 'recordTriggerType', 'CreateAndUpdate'),
    leaf(2, 'triggerType', triggerType),
  ]);
}

export function beforeSaveFlow(object) {
  const flow = object.flows.beforeSave;
  const elements = [
    { tag: 'decisions', lines: block(1, 'decisions', [
      leaf(2, 'name', 'Check_Status'), leaf(2, 'label', 'Check Status'), ...position(0),
      connector(2, 'Set_Defaults', 'defaultConnector'), leaf(2, 'defaultConnectorLabel', 'Default Outcome'),
      block(2, 'rules', [leaf(3, 'name', 'Is_Active'), leaf(3, 'conditionLogic', 'and'),
        block(3, 'conditions', [leaf(4, 'leftValueReference', '$Record.Status__c'), leaf(4, 'operator', 'EqualTo'), value(4, 'stringValue', 'Active')]),
        connector(3, 'Set_Priority'), leaf(3, 'label', 'Is Active')]),
    ]) },
    { tag: 'assignments', lines: block(1, 'assignments', [
      leaf(2, 'name', 'Set_Priority'), leaf(2, 'label', 'Set Priority'), ...position(1),
      assignmentItem('$Record.Priority_Score__c', 'Assign', 'numberValue', '50.0'),
      assignmentItem('$Record.Region__c', 'Assign', 'stringValue', 'NA'),
      connector(2, 'Set_Defaults'),
    ]) },
    { tag: 'assignments', lines: block(1, 'assignments', [
      leaf(2, 'name', 'Set_Defaults'), leaf(2, 'label', 'Set Defaults'), ...position(2),
      assignmentItem('$Record.Rollup_Status__c', 'Assign', 'stringValue', 'Checked'),
    ]) },
  ];
  const meta = { ...flow, label: `${object.base}: Before Save Defaults` };
  return [`flows/${flow.name}.flow-meta.xml`, flowDocument(meta, elements, recordStart(object, 'RecordBeforeSave', 'Check_Status', []), [])];
}

export function afterSaveFlow(object) {
  const flow = object.flows.afterSave;
  const child = object.children[0];
  const steps = [];
  const variables = [];
  if (flow.loopsChildren && child) {
    steps.push({ name: 'Get_Children', tag: 'recordLookups', body: (next) => [
      leaf(2, 'assignNullValuesIfNoRecordsFound', 'false'), connector(2, next), leaf(2, 'filterLogic', 'and'),
      filter(2, 'Parent_Ref__c', 'EqualTo', 'elementReference', '$Record.Id'),
      leaf(2, 'getFirstRecordOnly', 'false'), leaf(2, 'object', child.name), leaf(2, 'storeOutputAutomatically', 'true'),
    ] });
    const inLoop = flow.dmlInLoop ? 'Update_Child_In_Loop' : 'Loop_Children';
    steps.push({ name: 'Loop_Children', tag: 'loops', body: (next) => [
      leaf(2, 'collectionReference', 'Get_Children'), leaf(2, 'iterationOrder', 'Asc'),
      connector(2, 'Count_Child', 'nextValueConnector'), connector(2, next, 'noMoreValuesConnector'),
    ] });
    steps.push({ name: 'Count_Child', tag: 'assignments', detached: true, body: () => [
      assignmentItem('varChildCount', 'Add', 'numberValue', '1.0'),
      ...(object.pushesDown ? [block(2, 'assignmentItems', [leaf(3, 'assignToReference', 'Loop_Children.Region__c'), leaf(3, 'operator', 'Assign'), value(3, 'elementReference', '$Record.Region__c')]),
        block(2, 'assignmentItems', [leaf(3, 'assignToReference', 'varChildrenToUpdate'), leaf(3, 'operator', 'Add'), value(3, 'elementReference', 'Loop_Children')])] : []),
      connector(2, inLoop),
    ] });
    if (flow.dmlInLoop) {
      steps.push({ name: 'Update_Child_In_Loop', tag: 'recordUpdates', detached: true, body: () => [connector(2, 'Loop_Children'), leaf(2, 'inputReference', 'Loop_Children')] });
    }
    variables.push(block(1, 'variables', [leaf(2, 'name', 'varChildCount'), leaf(2, 'dataType', 'Number'), leaf(2, 'isCollection', 'false'), leaf(2, 'isInput', 'false'), leaf(2, 'isOutput', 'false'), leaf(2, 'scale', '0'), value(2, 'numberValue', '0.0')]));
    if (object.pushesDown) {
      steps.push({ name: 'Update_Children', tag: 'recordUpdates', body: (next) => [connector(2, next), leaf(2, 'inputReference', 'varChildrenToUpdate')] });
      variables.push(block(1, 'variables', [leaf(2, 'name', 'varChildrenToUpdate'), leaf(2, 'dataType', 'SObject'), leaf(2, 'isCollection', 'true'), leaf(2, 'isInput', 'false'), leaf(2, 'isOutput', 'false'), leaf(2, 'objectType', child.name)]));
    }
  }
  if (object.parent) {
    steps.push({ name: 'Has_Parent', tag: 'decisions', body: (next) => [
      connector(2, next, 'defaultConnector'), leaf(2, 'defaultConnectorLabel', 'No Parent'),
      block(2, 'rules', [leaf(3, 'name', 'Parent_Set'), leaf(3, 'conditionLogic', 'and'),
        block(3, 'conditions', [leaf(4, 'leftValueReference', '$Record.Parent_Ref__c'), leaf(4, 'operator', 'IsNull'), value(4, 'booleanValue', 'false')]),
        connector(3, 'Update_Parent'), leaf(3, 'label', 'Parent Set')]),
    ] });
    steps.push({ name: 'Update_Parent', tag: 'recordUpdates', body: (next) => [
      connector(2, next), leaf(2, 'filterLogic', 'and'),
      filter(2, 'Id', 'EqualTo', 'elementReference', '$Record.Parent_Ref__c'),
      ...(flow.loopsChildren && child ? [inputAssignment('Child_Count__c', 'elementReference', 'varChildCount')] : []),
      inputAssignment('Last_Synced__c', 'elementReference', '$Flow.CurrentDateTime'),
      inputAssignment('Rollup_Status__c', 'elementReference', '$Record.Status__c'),
      leaf(2, 'object', object.parent.name),
    ] });
  }
  if (object.flows.subflow) {
    steps.push({ name: 'Call_Recalculate', tag: 'subflows', body: (next) => [
      connector(2, next), leaf(2, 'flowName', object.flows.subflow.name),
      block(2, 'inputAssignments', [leaf(3, 'name', 'recordId'), value(3, 'elementReference', '$Record.Id')]),
    ] });
  }
  if (object.invocable) {
    steps.push({ name: 'Call_Sync_Action', tag: 'actionCalls', body: (next) => [
      leaf(2, 'actionName', object.invocable), leaf(2, 'actionType', 'apex'), connector(2, next), leaf(2, 'flowTransactionModel', 'CurrentTransaction'),
      block(2, 'inputParameters', [leaf(3, 'name', 'recordIds'), value(3, 'elementReference', '$Record.Id')]),
      leaf(2, 'nameSegment', object.invocable), leaf(2, 'offset', '0'),
    ] });
  }
  if (steps.length === 0) {
    steps.push({ name: 'Stamp_Sync', tag: 'recordUpdates', body: (next) => [connector(2, next), leaf(2, 'inputReference', '$Record')] });
  }
  // Detached steps (inside the loop) connect back to it; a decision's default path skips the update it guards.
  const main = steps.filter((step) => !step.detached);
  const elements = steps.map((step, index) => {
    const at = main.indexOf(step);
    const next = at === -1 ? undefined : main[at + (step.tag === 'decisions' ? 2 : 1)]?.name;
    const head = [leaf(2, 'name', step.name), leaf(2, 'label', step.name.replace(/_/g, ' ')), ...position(index)];
    return { tag: step.tag, lines: block(1, step.tag, [head, step.body(next)]) };
  });
  const start = recordStart(object, 'RecordAfterSave', main[0].name, [filter(2, 'Status__c', 'NotEqualTo', 'stringValue', 'Draft')]);
  const meta = { ...flow, label: `${object.base}: After Save Sync` };
  return [`flows/${flow.name}.flow-meta.xml`, flowDocument(meta, elements, start, variables)];
}

export function subflow(object) {
  const flow = object.flows.subflow;
  const elements = [
    { tag: 'recordLookups', lines: block(1, 'recordLookups', [
      leaf(2, 'name', 'Get_Record'), leaf(2, 'label', 'Get Record'), ...position(0),
      leaf(2, 'assignNullValuesIfNoRecordsFound', 'false'), connector(2, 'Recalculate_Score'), leaf(2, 'filterLogic', 'and'),
      filter(2, 'Id', 'EqualTo', 'elementReference', 'recordId'),
      leaf(2, 'getFirstRecordOnly', 'true'), leaf(2, 'object', object.name), leaf(2, 'storeOutputAutomatically', 'true'),
    ]) },
    { tag: 'assignments', lines: block(1, 'assignments', [
      leaf(2, 'name', 'Recalculate_Score'), leaf(2, 'label', 'Recalculate Score'), ...position(1),
      assignmentItem('Get_Record.Priority_Score__c', 'Add', 'numberValue', '1.0'),
      connector(2, flow.updatesSelf ? 'Save_Record' : undefined),
    ]) },
    ...(flow.updatesSelf ? [{ tag: 'recordUpdates', lines: block(1, 'recordUpdates', [leaf(2, 'name', 'Save_Record'), leaf(2, 'label', 'Save Record'), ...position(2), leaf(2, 'inputReference', 'Get_Record')]) }] : []),
  ];
  const start = block(1, 'start', [leaf(2, 'locationX', '50'), leaf(2, 'locationY', '0'), connector(2, 'Get_Record')]);
  const variables = [block(1, 'variables', [leaf(2, 'name', 'recordId'), leaf(2, 'dataType', 'String'), leaf(2, 'isCollection', 'false'), leaf(2, 'isInput', 'true'), leaf(2, 'isOutput', 'false')])];
  const meta = { ...flow, label: `${object.base}: Recalculate` };
  return [`flows/${flow.name}.flow-meta.xml`, flowDocument(meta, elements, start, variables)];
}

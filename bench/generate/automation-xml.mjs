/** Workflow files (rules, field updates, outbound messages, alerts) in DX source format. */
import { block, documentOf, leaf } from './xml.mjs';

export function workflowFile(workflow) {
  const { object } = workflow;
  const updates = [];
  const rules = [];
  for (let k = 1; k <= workflow.rules; k += 1) {
    const update = `Set_Rollup_Status_${k}`;
    updates.push(block(1, 'fieldUpdates', [
      leaf(2, 'fullName', update),
      leaf(2, 'description', workflow.description),
      leaf(2, 'field', k === 1 ? 'Rollup_Status__c' : 'Priority_Score__c'),
      leaf(2, 'formula', k === 1 ? '"Workflow " & TEXT(Status__c)' : 'Priority_Score__c + 1'),
      leaf(2, 'name', update.replace(/_/g, ' ')),
      leaf(2, 'notifyAssignee', 'false'),
      leaf(2, 'operation', 'Formula'),
      leaf(2, 'protected', 'false'),
      leaf(2, 'reevaluateOnChange', workflow.reevaluate && k === 1 ? 'true' : 'false'),
    ]));
    rules.push(block(1, 'rules', [
      leaf(2, 'fullName', `${object.base} Rule ${k}`),
      block(2, 'actions', [leaf(3, 'name', update), leaf(3, 'type', 'FieldUpdate')]),
      ...(workflow.outbound && k === 1 ? [block(2, 'actions', [leaf(3, 'name', `Send_${object.base}_Out`), leaf(3, 'type', 'OutboundMessage')])] : []),
      leaf(2, 'active', 'true'),
      block(2, 'criteriaItems', [leaf(3, 'field', `${object.name}.Status__c`), leaf(3, 'operation', 'equals'), leaf(3, 'value', k === 1 ? 'Active' : 'On Hold')]),
      leaf(2, 'description', workflow.description),
      leaf(2, 'triggerType', k === 1 ? 'onCreateOrTriggeringUpdate' : 'onAllChanges'),
    ]));
  }
  const outbound = workflow.outbound
    ? [block(1, 'outboundMessages', [
        leaf(2, 'fullName', `Send_${object.base}_Out`),
        leaf(2, 'apiVersion', '62.0'),
        leaf(2, 'description', workflow.description),
        leaf(2, 'endpointUrl', `https://integration.example.com/${object.base.toLowerCase()}/v1/outbound`),
        leaf(2, 'fields', 'Id'),
        leaf(2, 'fields', 'Status__c'),
        leaf(2, 'fields', 'Amount__c'),
        leaf(2, 'includeSessionId', 'false'),
        leaf(2, 'integrationUser', 'integration@example.com'),
        leaf(2, 'name', `Send ${object.base} Out`),
        leaf(2, 'protected', 'false'),
        leaf(2, 'useDeadLetterQueue', 'false'),
      ])]
    : [];
  return [`workflows/${object.name}.workflow-meta.xml`, documentOf('Workflow', [updates, outbound, rules])];
}

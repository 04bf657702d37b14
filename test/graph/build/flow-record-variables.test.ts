import { describe, expect, it } from 'vitest';
import { customObject, loopElement, lookupElement, permissionSetWithFields, recordTriggeredFlow, sorField } from '../../helpers/dx-project.js';
import { SAP_POLICY, sorReview, summary, writerFindings } from '../../rules/sor/sor-kit.js';

/**
 * Real flows rarely write fields with inputAssignments: they assign fields on a record variable (often the
 * loop's current item), add it to a collection, and save the collection with one Update Records. The write
 * must carry the assigned fields, or the system-of-record rules never see it.
 */
const item = (target: string, operator: 'Assign' | 'Add', value: string, reference: boolean): string =>
  `        <assignmentItems>\n            <assignToReference>${target}</assignToReference>\n            <operator>${operator}</operator>\n            <value>\n                <${reference ? 'elementReference' : 'stringValue'}>${value}</${reference ? 'elementReference' : 'stringValue'}>\n            </value>\n        </assignmentItems>`;
const assignment = (name: string, items: string[], next: string): string =>
  `    <assignments>\n        <name>${name}</name>\n        <label>${name}</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n${items.join('\n')}\n        <connector>\n            <targetReference>${next}</targetReference>\n        </connector>\n    </assignments>`;
const variable = (name: string, object: string, collection: boolean): string =>
  `    <variables>\n        <name>${name}</name>\n        <dataType>SObject</dataType>\n        <isCollection>${collection}</isCollection>\n        <isInput>false</isInput>\n        <isOutput>false</isOutput>\n        <objectType>${object}</objectType>\n    </variables>`;
const save = (kind: 'recordUpdates' | 'recordCreates', name: string, reference: string): string =>
  `    <${kind}>\n        <name>${name}</name>\n        <label>${name}</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <inputReference>${reference}</inputReference>\n    </${kind}>`;

/** Contact after save: for each Account found, set `field`, collect it, then update the collection. */
function loopAndCollect(field: string) {
  return recordTriggeredFlow({
    name: 'Contact_Sync_Accounts',
    object: 'Contact',
    triggerType: 'RecordAfterSave',
    firstElement: 'Get_Accounts',
    elements: [
      assignment('Set_Field', [item(`Loop_Accounts.${field}`, 'Assign', '0', false)], 'Collect'),
      assignment('Collect', [item('accountsToUpdate', 'Add', 'Loop_Accounts', true)], 'Loop_Accounts'),
      lookupElement('Get_Accounts', 'Account', 'Loop_Accounts'),
      loopElement('Loop_Accounts', 'Get_Accounts', 'Set_Field', 'Update_Accounts'),
      save('recordUpdates', 'Update_Accounts', 'accountsToUpdate'),
      variable('accountsToUpdate', 'Account', true),
    ].join('\n'),
  });
}

const account = customObject('Account', [sorField('Credit_Limit__c'), sorField('ERP_Status__c'), sorField('Region__c')]);
const sapReadOnly = permissionSetWithFields('SAP_Integration', { fields: { 'Account.Credit_Limit__c': 'read', 'Account.ERP_Status__c': 'read' } });

describe('flow writes of record variables and collections', () => {
  it('an Update Records of a collection built in a loop writes the fields assigned to the loop item', async () => {
    const { findings, review } = await sorReview([...account, sapReadOnly, loopAndCollect('Credit_Limit__c')], SAP_POLICY);
    const write = review.graph.edges().find((edge) => edge.kind === 'writes' && edge.note === 'Update_Accounts');
    expect(write?.fields).toEqual(['Account.Credit_Limit__c']);
    expect(summary(writerFindings(findings))).toEqual(['critical sor/foreign-field-write Contact_Sync_Accounts > Account.Credit_Limit__c']);
  });

  it('does not report the same flow writing a field Salesforce owns', async () => {
    const { findings, review } = await sorReview([...account, sapReadOnly, loopAndCollect('Region__c')], SAP_POLICY);
    expect(review.graph.edges().find((edge) => edge.note === 'Update_Accounts')?.fields).toEqual(['Account.Region__c']);
    expect(writerFindings(findings)).toEqual([]);
  });

  it('a Create Records of a record variable writes the fields assigned to it', async () => {
    const flow = recordTriggeredFlow({
      name: 'Contact_Create_Account',
      object: 'Contact',
      triggerType: 'RecordAfterSave',
      firstElement: 'Build_Account',
      elements: [assignment('Build_Account', [item('newAccount.ERP_Status__c', 'Assign', 'Pending', false), item('newAccount.Name', 'Assign', 'x', false)], 'Create_Account'), save('recordCreates', 'Create_Account', 'newAccount'), variable('newAccount', 'Account', false)].join('\n'),
    });
    const { findings, review } = await sorReview([...account, sapReadOnly, flow], SAP_POLICY);
    expect(review.graph.edges().find((edge) => edge.note === 'Create_Account')?.fields).toEqual(['Account.ERP_Status__c', 'Account.Name']);
    expect(summary(writerFindings(findings))).toEqual(['critical sor/foreign-field-write Contact_Create_Account > Account.ERP_Status__c']);
  });
});

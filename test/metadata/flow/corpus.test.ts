/**
 * The Flow parser against real metadata nobody here wrote (/work/shared/corpus, read in place).
 * Every Flow file must parse; a few named flows are checked fact by fact.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowModel } from '../../../src/metadata/model.js';
import { parseFlow } from '../../../src/metadata/flow/index.js';
import { corpusDir } from '../../helpers/paths.js';
import { elementNamed, flowName } from './flow-test-kit.js';
import { hasCorpus } from '../../helpers/corpus.js';

const FLOW_FILE = /\.flow(-meta\.xml)?$/;

function flowFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) flowFiles(full, found);
    else if (FLOW_FILE.test(entry)) found.push(full);
  }
  return found;
}

const flows = new Map<string, FlowModel>();
const failures: string[] = [];
const perRepository = new Map<string, number>();

beforeAll(() => {
  if (!hasCorpus) return;
  for (const file of flowFiles(corpusDir)) {
    const path = relative(corpusDir, file).split('\\').join('/');
    const repository = path.split('/')[0]!;
    perRepository.set(repository, (perRepository.get(repository) ?? 0) + 1);
    try {
      const flow = parseFlow({ file: path, text: readFileSync(file, 'utf8'), fullName: flowName(basename(file)) });
      flows.set(flow.name, flow);
    } catch (error) {
      failures.push(`${path}: ${(error as Error).message}`);
    }
  }
});

function flow(name: string): FlowModel {
  const found = flows.get(name);
  if (!found) throw new Error(`corpus flow ${name} not parsed`);
  return found;
}

describe.runIf(hasCorpus)('Flow parser on the real corpus', () => {
  it('parses every Flow file in every corpus folder without an error', () => {
    expect(failures).toEqual([]);
    expect(Object.fromEntries(perRepository)).toEqual({
      'Lightning-Flow-Scanner__lightning-flow-scanner-core': 40,
      'SFDO-Community-Sprints__Membership-Essentials-App': 18,
      'SalesforceLabs__Technology-Transfer-Starter': 11,
    });
    expect(flows.size).toBe(69);
  });

  it('gives every parsed flow a sane shape', () => {
    for (const parsed of flows.values()) {
      expect(['Active', 'Draft', 'Obsolete', 'InvalidDraft']).toContain(parsed.status);
      expect(parsed.source.file.endsWith('.flow-meta.xml') || parsed.source.file.endsWith('.flow')).toBe(true);
      const names = parsed.elements.map((element) => element.name);
      expect(new Set(names).size).toBe(names.length);
      for (const element of parsed.elements) {
        expect(element.kind).not.toBe('other');
        expect(element.line).toBeGreaterThan(1);
        for (const connector of element.connectors) expect(connector.target.length).toBeGreaterThan(0);
      }
    }
  });

  it('reads trigger kinds across the corpus', () => {
    const count = (kind: string) => [...flows.values()].filter((parsed) => parsed.trigger.kind === kind).length;
    expect({ record: count('record'), event: count('platform-event'), scheduled: count('scheduled'), none: count('none') }).toEqual({
      record: 10,
      event: 15,
      scheduled: 1,
      none: 43,
    });
    expect([...flows.values()].some((parsed) => parsed.isProcessBuilder)).toBe(false);
  });

  it('Make_Recursive: an after-save Case flow updating its own record and the parent Account', () => {
    const parsed = flow('Make_Recursive');
    expect(parsed.trigger).toMatchObject({ kind: 'record', object: 'Case', triggerType: 'RecordAfterSave', recordTriggerType: 'CreateAndUpdate' });
    expect(parsed.apiVersion).toBe('63.0');
    expect(elementNamed(parsed, 'Yeah_dummy_don_t_do_another_update')).toMatchObject({
      kind: 'recordUpdate',
      object: 'Case',
      inputReference: '$Record',
      targetsTriggeringRecord: true,
      fields: ['Subject'],
      line: 101,
      connectors: [{ kind: 'next', target: 'Get_All_Cases_Related_to_the_Account' }],
    });
    expect(elementNamed(parsed, 'Recursive_Update')).toMatchObject({
      object: 'Account',
      inputReference: '$Record.Account',
      targetsTriggeringRecord: false,
      fields: ['Description'],
      line: 78,
    });
    // Updates the Cases found by the lookup (other Cases of the same Account, maybe this one too).
    expect(elementNamed(parsed, 'Yeah_do_another_update_for_fun')).toMatchObject({
      object: 'Case',
      inputReference: 'Get_All_Cases_Related_to_the_Account',
      targetsTriggeringRecord: false,
    });
    expect(elementNamed(parsed, 'When_Account_Exists').connectors).toEqual([
      { kind: 'default', target: 'Yeah_dummy_don_t_do_another_update' },
      { kind: 'rule', target: 'Recursive_Update', label: 'Yes' },
    ]);
  });

  it('Same_Record_Field_Updates: a before-save Account flow updating $Record', () => {
    const parsed = flow('Same_Record_Field_Updates');
    expect(parsed.trigger).toMatchObject({ kind: 'record', object: 'Account', triggerType: 'RecordBeforeSave', recordTriggerType: 'Create', triggerOrder: 10 });
    expect(elementNamed(parsed, 'Update_triggering_records')).toMatchObject({ targetsTriggeringRecord: true, fields: ['Active__c'] });
  });

  it('Unconnected_Element_Async: an InvalidDraft User flow with a run-asynchronously path', () => {
    const parsed = flow('Unconnected_Element_Async');
    expect(parsed.status).toBe('InvalidDraft');
    expect(parsed.trigger).toMatchObject({ kind: 'record', object: 'User', recordTriggerType: 'Update' });
    expect(parsed.trigger.target).toBeUndefined();
    expect(parsed.trigger.scheduledPaths).toEqual([{ pathType: 'AsyncAfterCommit', target: 'Get_Standard_User' }]);
    expect(elementNamed(parsed, 'Update_User_Information')).toMatchObject({ object: 'User', targetsTriggeringRecord: true, fields: ['ProfileId', 'UserRoleId'] });
  });

  it('DML_Statement_In_A_Loop: a create inside a loop, object from the variable', () => {
    const parsed = flow('DML_Statement_In_A_Loop');
    expect(elementNamed(parsed, 'aLoop')).toMatchObject({
      kind: 'loop',
      collectionReference: 'Accounts',
      connectors: [{ kind: 'loop-next', target: 'createNewCase' }],
    });
    expect(elementNamed(parsed, 'createNewCase')).toMatchObject({
      kind: 'recordCreate',
      object: 'Case',
      inputReference: 'createCase',
      connectors: [
        { kind: 'next', target: 'aLoop' },
        { kind: 'fault', target: 'create_case_manually' },
      ],
    });
    expect(elementNamed(flow('DML_Statement_In_A_Loop_Fixed'), 'aLoop').connectors).toEqual([
      { kind: 'loop-next', target: 'createNewCaseAssignment' },
      { kind: 'loop-end', target: 'insert_cases' },
    ]);
  });

  it('OCR_Flow: an after-create Opportunity flow with a transform', () => {
    const parsed = flow('OCR_Flow');
    expect(parsed.trigger).toMatchObject({ kind: 'record', object: 'Opportunity', recordTriggerType: 'Create' });
    expect(elementNamed(parsed, 'OCR_Mapping')).toMatchObject({ kind: 'transform', connectors: [{ kind: 'next', target: 'OCR' }] });
  });

  it('Membership: the record-triggered auditor publishes the event whose listener updates the same object', () => {
    const auditor = flow('Membership_Form_Submission_AFTER_MFS_auditor');
    expect(auditor.trigger).toMatchObject({
      kind: 'record',
      object: 'Membership_Form_Submission__c',
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'CreateAndUpdate',
      filters: [
        { field: 'Status__c', operator: 'NotEqualTo', value: 'Failed' },
        { field: 'Status__c', operator: 'NotEqualTo', value: 'Imported' },
      ],
    });
    expect(elementNamed(auditor, 'Send_New_Updated_Membership_Platform_Event')).toMatchObject({
      kind: 'recordCreate',
      object: 'BPEV_Membership_Form_Submission__e',
      fields: ['Membership_Form_Submission_Id__c'],
    });

    const listener = flow('BPEV_Listener_Membership_Form_Business_Process');
    expect(listener.trigger).toMatchObject({ kind: 'platform-event', object: 'BPEV_Membership_Form_Submission__e', triggerType: 'PlatformEvent' });
    expect(elementNamed(listener, 'Update_MFS_status_Imported')).toMatchObject({
      kind: 'recordUpdate',
      object: 'Membership_Form_Submission__c',
      targetsTriggeringRecord: false,
      fields: ['Failure_Information__c', 'Status__c'],
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!$Record.Membership_Form_Submission_Id__c}' }],
    });
    const published = listener.elements
      .filter((element) => element.kind === 'recordCreate' && element.object?.endsWith('__e'))
      .map((element) => element.object)
      .sort();
    expect(published).toEqual([
      'DPEV_Account__e',
      'DPEV_Contact_Finder__e',
      'DPEV_Create_Opportunity__e',
      'DPEV_Find_Campaign__e',
      'DPEV_Gift_Recipient_Finder__e',
      'DPEV_Pricebook_Finder__e',
      'DPEV_Product_Finder__e',
    ]);

    // A second-level listener writes the submission back through a Get Records result.
    const contactFinder = flow('DPEV_Listener_Find_Create_Contact');
    expect(contactFinder.trigger).toMatchObject({ kind: 'platform-event', object: 'DPEV_Contact_Finder__e' });
    expect(elementNamed(contactFinder, 'Update_MFS')).toMatchObject({ object: 'Membership_Form_Submission__c', inputReference: 'Get_MFS_record' });
  });

  it('Membership: the OpportunityLineItem after-save flow publishes BPEV_Membership_Transaction__e', () => {
    const parsed = flow('Opportunity_Line_Item_After_Membership');
    expect(parsed.trigger).toMatchObject({ kind: 'record', object: 'OpportunityLineItem', triggerType: 'RecordAfterSave', target: 'Is_this_for_a_new_Membership' });
    expect(elementNamed(parsed, 'Fire_BPEV_Membership_Transaction')).toMatchObject({
      kind: 'recordCreate',
      object: 'BPEV_Membership_Transaction__e',
      fields: ['Record_Id__c'],
      connectors: [{ kind: 'next', target: 'Create_Membership_Essentials_Log' }],
    });
    expect(flow('BPEV_Listener_Membership_Transaction').trigger).toMatchObject({ kind: 'platform-event', object: 'BPEV_Membership_Transaction__e' });
    expect(elementNamed(flow('DPEV_Listener_Membership_Upgrade'), 'Update_Membership_with_new_product')).toMatchObject({
      object: 'Membership__c',
      inputReference: 'Get_the_related_Membership',
      connectors: [
        { kind: 'next', target: 'Create_Membership_Essentials_Log_Pass' },
        { kind: 'fault', target: 'Create_Update_Membership_with_new_product_Membership_Essentials_Log' },
      ],
    });
    expect(flow('Create_Opportunity_Create_DPEV_Flow').status).toBe('Obsolete');
  });

  it('Technology Transfer: after-save flows writing other objects, and a scheduled flow calling a subflow', () => {
    const inventor = flow('TTS_Auto_Update_PI_on_Technology');
    expect(inventor.trigger).toMatchObject({ kind: 'record', object: 'TTS_Inventor__c', triggerType: 'RecordAfterSave' });
    expect(elementNamed(inventor, 'Update_PI_on_Technology')).toMatchObject({
      object: 'TTS_Technology__c',
      targetsTriggeringRecord: false,
      fields: ['IP_Principal_Inventor_PI__c'],
      filters: [{ field: 'Id', operator: 'EqualTo', value: '{!$Record.IP_Contribution__c}' }],
    });

    const mentoring = flow('TTS_Mentoring_Set_Chosen_Mentor_on_Opportunity');
    expect(mentoring.trigger).toMatchObject({
      object: 'TTS_Mentoring_Interest__c',
      filterLogic: 'or',
      filters: [
        { field: 'Selected_Mentor__c', operator: 'IsChanged', value: 'true' },
        { field: 'Status__c', operator: 'IsChanged', value: 'true' },
      ],
    });
    expect(elementNamed(mentoring, 'Ensure_All_Selected_Fields_are_Set')).toMatchObject({ targetsTriggeringRecord: true, object: 'TTS_Mentoring_Interest__c' });
    expect(elementNamed(mentoring, 'Update_Associated_Opportunity')).toMatchObject({ targetsTriggeringRecord: false, object: 'TTS_Mentoring_Opportunity__c' });

    const scheduled = flow('TTS_Tenant_Contact_Scheduled_Actions');
    expect(scheduled.trigger).toMatchObject({
      kind: 'scheduled',
      triggerType: 'Scheduled',
      object: 'TTS_Space_Tenant_Contact__c',
      filters: [{ field: 'Start_Date__c', operator: 'IsNull', value: 'false' }],
      target: 'Check_If_Tenant_Contact_is_still_Active',
    });
    expect(elementNamed(scheduled, 'Check_If_Tenant_Contact_is_still_Active')).toMatchObject({
      kind: 'subflow',
      flowName: 'TTS_Tenant_Contact_Set_IsCurrent_Field',
    });
    expect(flows.has('TTS_Tenant_Contact_Set_IsCurrent_Field')).toBe(true);

    const contract = flow('Auto_Link_Contract_to_Opportunity');
    expect(contract.status).toBe('Draft');
    expect(contract.trigger).toMatchObject({ object: 'Opportunity', requiresRecordChanged: true, filterLogic: 'and' });
    expect(elementNamed(contract, 'Create_Draft_Contract')).toMatchObject({ object: 'Contract', fields: ['AccountId', 'Status'] });
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflow } from '../../src/metadata/workflow.js';
import { corpusDir, fixturesDir } from '../helpers/paths.js';
import { hasCorpus } from '../helpers/corpus.js';

const fixtureFile = 'fixtures/parsers/workflow/Opportunity.workflow-meta.xml';
const fixtureText = readFileSync(join(fixturesDir, 'parsers', 'workflow', 'Opportunity.workflow-meta.xml'), 'utf8');

describe('parseWorkflow', () => {
  const workflow = parseWorkflow({ file: fixtureFile, fullName: 'Opportunity', text: fixtureText });
  const source = (line: number): { file: string; line: number } => ({ file: fixtureFile, line });

  it('names the workflow after its object', () => {
    expect(workflow.object).toBe('Opportunity');
    expect(workflow.source).toEqual(source(2));
  });

  it('reads rules with criteria, boolean filter, actions and time-trigger actions', () => {
    expect(workflow.rules).toHaveLength(2);
    expect(workflow.rules[0]).toEqual({
      object: 'Opportunity',
      name: 'Opportunity Won',
      fullName: 'Opportunity.Opportunity Won',
      active: true,
      description: 'When a deal is won, notify, sync and stamp the account.',
      triggerType: 'onCreateOrTriggeringUpdate',
      booleanFilter: '1 AND (2 OR 3)',
      criteriaItems: [
        { field: 'Opportunity.StageName', operator: 'equals', value: 'Closed Won' },
        { field: 'Opportunity.Amount', operator: 'greaterThan', value: '0' },
        { field: 'Opportunity.Amount', operator: 'equals' },
      ],
      actions: [
        { name: 'Notify_Owner_Won', type: 'Alert' },
        { name: 'Send_Won_To_ERP', type: 'OutboundMessage' },
        { name: 'Set_Account_Last_Won_Date', type: 'FieldUpdate' },
      ],
      timeTriggerActions: [{ name: 'Follow_Up_Call', type: 'Task' }],
      source: source(49),
    });
  });

  it('reads a formula rule, decoding entities, and an inactive rule', () => {
    const rule = workflow.rules[1]!;
    expect(rule).toMatchObject({ name: 'Review Big Deals', active: false, triggerType: 'onAllChanges', criteriaItems: [], timeTriggerActions: [] });
    expect(rule.formula).toBe('ISCHANGED(Amount) && Amount > $Setup.Automation_Settings__c.Big_Deal_Threshold__c');
  });

  it('reads a cross-object field update with reevaluateOnChange', () => {
    expect(workflow.fieldUpdates[0]).toEqual({
      object: 'Opportunity',
      name: 'Set_Account_Last_Won_Date',
      fullName: 'Opportunity.Set_Account_Last_Won_Date',
      field: 'Last_Won_Date__c',
      targetObject: 'AccountId',
      reevaluateOnChange: true,
      operation: 'Formula',
      formula: 'TODAY()',
      notifyAssignee: false,
      description: 'Stamps the account with the last won date',
      source: source(14),
    });
  });

  it('reads a literal field update on the same object', () => {
    const update = workflow.fieldUpdates[1]!;
    expect(update).toMatchObject({ name: 'Set_Stage_Reviewed', field: 'Review_Status__c', operation: 'Literal', literalValue: 'Reviewed', reevaluateOnChange: false });
    expect(update.targetObject).toBeUndefined();
    expect(update.formula).toBeUndefined();
  });

  it('reads an outbound message with its fields and integration user', () => {
    expect(workflow.outboundMessages).toEqual([
      {
        object: 'Opportunity',
        name: 'Send_Won_To_ERP',
        fullName: 'Opportunity.Send_Won_To_ERP',
        endpointUrl: 'https://erp.acme.example.com/sfdc/opportunity',
        fields: ['Amount', 'Id', 'StageName'],
        integrationUser: 'integration@acme.example.com',
        description: 'Pushes won deals to the ERP',
        source: source(35),
      },
    ]);
  });

  it('reads alerts and tasks', () => {
    expect(workflow.alerts).toEqual([
      {
        object: 'Opportunity',
        name: 'Notify_Owner_Won',
        fullName: 'Opportunity.Notify_Owner_Won',
        description: 'Tell the owner the deal is won',
        template: 'Sales_Templates/Opportunity_Won',
        source: source(4),
      },
    ]);
    expect(workflow.tasks).toEqual([
      { object: 'Opportunity', name: 'Follow_Up_Call', fullName: 'Opportunity.Follow_Up_Call', subject: 'Follow-up call after the win', source: source(101) },
    ]);
  });

  it('reads an empty workflow', () => {
    const empty = parseWorkflow({ file: 'x', fullName: 'Case', text: '<?xml version="1.0" encoding="UTF-8"?>\n<Workflow xmlns="http://soap.sforce.com/2006/04/metadata"/>' });
    expect(empty).toMatchObject({ object: 'Case', rules: [], fieldUpdates: [], outboundMessages: [], alerts: [], tasks: [] });
  });

  it('throws on a wrong root element and on malformed XML', () => {
    expect(() => parseWorkflow({ file: 'x', fullName: 'Case', text: '<Flow xmlns="http://soap.sforce.com/2006/04/metadata"></Flow>' })).toThrow(
      /expected root element <Workflow>, found <Flow>/,
    );
    expect(() => parseWorkflow({ file: 'x', fullName: 'Case', text: '<Workflow><rules><fullName>A</fullName></Workflow>' })).toThrow(/Expected closing tag 'rules'/);
  });
});

describe.runIf(hasCorpus)('parseWorkflow on the real corpus', () => {
  const files = (readdirSync(corpusDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.workflow') || file.endsWith('.workflow-meta.xml'))
    .sort();
  const parse = (relative: string): ReturnType<typeof parseWorkflow> =>
    parseWorkflow({ file: relative, fullName: basename(basename(relative, '.workflow-meta.xml'), '.workflow'), text: readFileSync(join(corpusDir, relative), 'utf8') });

  it('parses every .workflow and .workflow-meta.xml without throwing', () => {
    expect(files.length).toBe(5);
    for (const file of files) {
      const workflow = parse(file);
      for (const child of [...workflow.rules, ...workflow.fieldUpdates, ...workflow.alerts]) {
        expect(child.source.line, `${file} ${child.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('reads the NPSP Opportunity workflow the same in both formats', () => {
    const source = parse('SalesforceFoundation__NPSP/force-app/main/default/workflows/Opportunity.workflow-meta.xml');
    const mdapi = parse('SalesforceFoundation__NPSP__mdapi/src/workflows/Opportunity.workflow');
    for (const workflow of [source, mdapi]) {
      expect(workflow.object).toBe('Opportunity');
      expect(workflow.rules.map((rule) => [rule.name, rule.active])).toEqual([
        ['Opportunity Copy FMV to Amount', false],
        ['Opportunity Email Acknowledgment', false],
      ]);
      expect(workflow.fieldUpdates.map((update) => update.name)).toEqual([
        'Opportunity_AcknowledgmentStatus_Update',
        'Opportunity_Acknowledgment_Date_Update',
        'Opportunity_Copy_FMV_to_Amount',
      ]);
      expect(workflow.alerts.map((alert) => alert.template)).toEqual(['NPSP_Email_Templates/NPSP_Opportunity_Acknowledgment']);
    }
    const copy = mdapi.rules[0]!;
    expect(copy.booleanFilter).toBe('(1 OR 2) AND (3 AND 4)');
    expect(copy.criteriaItems).toHaveLength(4);
    expect(copy.criteriaItems[1]).toEqual({ field: 'Opportunity.Amount', operator: 'equals' });
    expect(mdapi.fieldUpdates.find((update) => update.name === 'Opportunity_Copy_FMV_to_Amount')).toMatchObject({
      field: 'Amount',
      formula: 'Fair_Market_Value__c',
      operation: 'Formula',
    });
    expect(mdapi.rules[1]!.formula).toContain("Primary_Contact__r.Email <> NULL && ");
    expect(mdapi.fieldUpdates[0]!.description).toBe('Sets the Acknowledgment Status to "Acknowledged"');
  });

  it('reads the NPSP trial Contact workflow', () => {
    const workflow = parse('SalesforceFoundation__NPSP/unpackaged/config/trial/workflows/Contact.workflow');
    expect(workflow.rules.length).toBeGreaterThan(0);
    expect(workflow.fieldUpdates.every((update) => update.fullName.startsWith('Contact.'))).toBe(true);
  });
});

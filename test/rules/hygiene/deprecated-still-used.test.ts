import { describe, expect, it } from 'vitest';
import { assignmentElement, customObject, type DxFile, recordTriggeredFlow, taggedField, validationRule, workflow } from '../../helpers/dx-project.js';
import { brief, findingsOf } from './run-review.js';

const RULE = 'hygiene/deprecated-still-used';

const ticket = (...extra: Array<{ name: string; xml: string }>): DxFile[] =>
  customObject('Ticket__c', [taggedField('Old_Code__c', { description: 'Owner: support-ops. Replaced by Code__c.', businessStatus: 'DeprecateCandidate' }), taggedField('Code__c'), ...extra]);

const writer = (name: string, field: string, status: 'Active' | 'Draft' = 'Active'): DxFile =>
  recordTriggeredFlow({ name, object: 'Ticket__c', triggerType: 'RecordBeforeSave', firstElement: 'Set', elements: assignmentElement('Set', { [`$Record.${field}`]: 'x' }), status });

describe('hygiene/deprecated-still-used', () => {
  it('fires medium when an active flow writes a DeprecateCandidate field', async () => {
    const list = await findingsOf(RULE, [...ticket(), writer('Ticket_Stamp', 'Old_Code__c')]);
    expect(list.map(brief)).toEqual(['medium CustomField Ticket__c.Old_Code__c > Flow Ticket_Stamp']);
    expect(list[0]!.message).toBe(
      'CustomField Ticket__c.Old_Code__c is marked DeprecateCandidate but active automation still uses it: written by Flow Ticket_Stamp. Move that automation to the replacement before the field goes.',
    );
    expect(list[0]!.evidence[0]).toMatchObject({ text: expect.stringContaining('Flow Ticket_Stamp writes Ticket__c.Old_Code__c'), file: 'force-app/main/default/flows/Ticket_Stamp.flow-meta.xml' });
  });

  it('fires when a validation rule references the field', async () => {
    const list = await findingsOf(RULE, [...ticket(), validationRule('Ticket__c', 'Old_Code_Format', { formula: 'LEN(Old_Code__c) > 5' })]);
    expect(list.map(brief)).toEqual(['medium CustomField Ticket__c.Old_Code__c > ValidationRule Ticket__c.Old_Code_Format']);
    expect(list[0]!.message).toContain('read by ValidationRule Ticket__c.Old_Code_Format');
  });

  it('names the workflow field update that writes a field past its expiry', async () => {
    const list = await findingsOf(RULE, [
      ...customObject('Ticket__c', [taggedField('Promo_Code__c', { description: 'Owner: marketing-ops. Expires: 2026-06-30.' })]),
      workflow('Ticket__c', [{ name: 'Stamp Promo', description: 'Owner: marketing-ops.', fieldUpdate: { name: 'Set_Promo_Code', field: 'Promo_Code__c', formula: '"SPRING"' } }]),
    ]);
    expect(list.map(brief)).toEqual(['medium CustomField Ticket__c.Promo_Code__c > WorkflowFieldUpdate Ticket__c.Set_Promo_Code']);
    expect(list[0]!.message).toContain('expired on 2026-06-30 but active automation still uses it');
    expect(list[0]!.evidence[0]!.text).toContain('WorkflowFieldUpdate Ticket__c.Set_Promo_Code (run by WorkflowRule Ticket__c.Stamp Promo) writes Ticket__c.Promo_Code__c');
  });

  it('does not fire for inactive writers, rules, permission grants, or fields that are only hidden', async () => {
    const grant: DxFile = [
      'permissionsets/Ticket_Agents.permissionset-meta.xml',
      '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <description>Owner: support-ops.</description>\n    <fieldPermissions>\n        <editable>true</editable>\n        <field>Ticket__c.Old_Code__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <label>Ticket Agents</label>\n</PermissionSet>\n',
    ];
    const list = await findingsOf(RULE, [
      ...ticket(taggedField('Hidden_Code__c', { description: 'Owner: support-ops.', businessStatus: 'Hidden' })),
      writer('Ticket_Draft_Stamp', 'Old_Code__c', 'Draft'),
      writer('Ticket_Hidden_Stamp', 'Hidden_Code__c'),
      validationRule('Ticket__c', 'Old_Code_Check', { formula: 'ISBLANK(Old_Code__c)', active: false }),
      grant,
    ]);
    expect(list).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCustomMetadataRecord } from '../../src/metadata/custom-metadata.js';
import { customMetadataRecord } from '../helpers/apex-frameworks.js';

describe('custom metadata records', () => {
  it('reads the type, the record name and the values set, leaving nil values out', () => {
    const [file, text] = customMetadataRecord('Trigger_Handler', 'Contact_Rollup', { Handler_Class__c: 'ContactRollup', Active__c: true, Order__c: 2 });
    const nil = text.replace('</CustomMetadata>', '    <values>\n        <field>Description__c</field>\n        <value xsi:nil="true"/>\n    </values>\n</CustomMetadata>');
    expect(parseCustomMetadataRecord({ file, fullName: 'Trigger_Handler.Contact_Rollup', text: nil })).toEqual({
      type: 'Trigger_Handler__mdt',
      name: 'Contact_Rollup',
      values: [
        { field: 'Handler_Class__c', value: 'ContactRollup' },
        { field: 'Active__c', value: 'true' },
        { field: 'Order__c', value: '2' },
      ],
      source: { file },
    });
  });

  it('refuses a name that is not Type.Record and a file that is not a record', () => {
    const [file, text] = customMetadataRecord('Trigger_Handler', 'X', {});
    expect(() => parseCustomMetadataRecord({ file, fullName: 'NoDot', text })).toThrow('is not Type.Record');
    expect(() => parseCustomMetadataRecord({ file, fullName: 'A.B', text: '<?xml version="1.0"?><Flow/>' })).toThrow('expected root element <CustomMetadata>');
  });
});

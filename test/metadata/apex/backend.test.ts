import { describe, expect, it } from 'vitest';
import { AntlrApexBackend, defaultApexBackend, parseApexClass, parseApexTrigger, type ApexParserBackend } from '../../../src/metadata/apex/index.js';
import { emptyCodeBlock } from '../../../src/metadata/model.js';

describe('Apex parser backend seam', () => {
  it('uses the ANTLR backend by default', () => {
    expect(defaultApexBackend).toBeInstanceOf(AntlrApexBackend);
  });

  it('lets another backend produce the body while index.ts still applies the -meta.xml', () => {
    const fake: ApexParserBackend = {
      parseClass: (input) => ({
        name: input.fullName,
        isTest: false,
        isInterface: false,
        interfaces: [],
        annotations: [],
        staticMembers: [],
        methods: [],
        innerClasses: [],
        source: { file: input.file },
      }),
      parseTrigger: (input) => ({
        name: input.fullName,
        object: 'Lead',
        events: ['after insert'],
        status: 'Active',
        active: true,
        body: emptyCodeBlock(),
        source: { file: input.file },
      }),
    };
    const cls = parseApexClass({ file: 'a.cls', fullName: 'A', text: 'not apex at all' }, '<ApexClass><apiVersion>50.0</apiVersion></ApexClass>', fake);
    expect(cls).toMatchObject({ name: 'A', apiVersion: '50.0', status: 'Active' });
    const trigger = parseApexTrigger({ file: 't.trigger', fullName: 'T', text: '' }, '<ApexTrigger><status>Inactive</status></ApexTrigger>', fake);
    expect(trigger).toMatchObject({ name: 'T', status: 'Inactive', active: false });
  });
});

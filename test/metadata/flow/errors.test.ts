import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../../src/metadata/flow/index.js';
import { flowXml, inlineFlow } from './flow-test-kit.js';

const parse = (text: string) => () => parseFlow({ file: 'flows/Bad.flow-meta.xml', text, fullName: 'Bad' });

describe('parseFlow: malformed files', () => {
  it('refuses a file whose root is not <Flow>', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n    <label>Thing</label>\n</CustomObject>\n';
    expect(parse(text)).toThrow('not a readable Flow file: expected root element <Flow>, found <CustomObject>');
  });

  it('refuses an empty file', () => {
    expect(parse('   \n')).toThrow('not a readable Flow file: the file is empty');
  });

  it('refuses text that is not XML', () => {
    expect(parse('this is not a flow')).toThrow(/^not a readable Flow file: .*not expected/);
  });

  it('refuses a DOCTYPE', () => {
    expect(parse('<?xml version="1.0"?>\n<!DOCTYPE Flow [<!ENTITY x "y">]>\n<Flow><label>&x;</label></Flow>')).toThrow(/DOCTYPE/);
  });

  it('refuses a known element without a <name>', () => {
    expect(() =>
      inlineFlow(`
    <apiVersion>62.0</apiVersion>
    <recordUpdates>
        <label>Nameless</label>
        <inputReference>$Record</inputReference>
    </recordUpdates>`),
    ).toThrow('malformed <recordUpdates> element #1: it has no <name>');
  });

  it('refuses a known element list holding text instead of an element', () => {
    expect(() => inlineFlow('<apiVersion>62.0</apiVersion>\n<decisions>oops</decisions>')).toThrow(
      'malformed <decisions> element #1: expected child elements, found text',
    );
  });

  it('refuses tag names that could pollute object prototypes', () => {
    expect(parse(flowXml('<constructor><name>Odd</name></constructor>'))).toThrow(/constructor/);
  });

  it('reads a minimal Flow with nothing in it', () => {
    const flow = parseFlow({ file: 'flows/Empty.flow-meta.xml', text: flowXml(''), fullName: 'Empty' });
    expect(flow).toEqual({
      name: 'Empty',
      status: 'Active',
      isProcessBuilder: false,
      trigger: { kind: 'none', filters: [], requiresRecordChanged: false, scheduledPaths: [] },
      elements: [],
      source: { file: 'flows/Empty.flow-meta.xml' },
    });
  });
});

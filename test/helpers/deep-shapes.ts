import {
  apexClass,
  apexTrigger,
  assignmentElement,
  autolaunchedFlow,
  connected,
  customObject,
  type DxFile,
  formulaField,
  loopElement,
  recordTriggeredFlow,
  updateRecordElement,
  validationRule,
} from './dx-project.js';

/**
 * Metadata in the shapes that break recursive walks: very long subflow and Apex call chains, deeply
 * nested formulas, Apex and XML, a strongly connected component of thousands of nodes, and flows with
 * thousands of elements on one path. Each shape also carries a short, true finding, so a review that
 * survives must still report something.
 */
export type DeepShapeSizes = {
  subflowChain: number;
  apexChain: number;
  formulaDepth: number;
  /** Objects in the cross-object cycle (the SCC has twice as many nodes: an object and a flow each). */
  cycleObjects: number;
  flowElements: number;
};

export const DEEP_SHAPES: DeepShapeSizes = { subflowChain: 5_000, apexChain: 5_000, formulaDepth: 2_000, cycleObjects: 5_000, flowElements: 3_000 };

const pad = (index: number): string => String(index).padStart(5, '0');

export function subflowElement(name: string, flowName: string, next?: string): string {
  return [
    '    <subflows>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    ...(next ? ['        <connector>', `            <targetReference>${next}</targetReference>`, '        </connector>'] : []),
    `        <flowName>${flowName}</flowName>`,
    '    </subflows>',
  ].join('\n');
}

/** Account after-save flow → Chain_00000 → ... → Chain_<n-1>; the third flow and the last update Account. */
export function subflowChain(length: number): DxFile[] {
  const files: DxFile[] = [
    recordTriggeredFlow({ name: 'Deep_Account_Start', object: 'Account', triggerType: 'RecordAfterSave', elements: subflowElement('Call_Chain', `Chain_${pad(0)}`), firstElement: 'Call_Chain' }),
  ];
  for (let index = 0; index < length; index++) {
    const last = index === length - 1;
    const writes = index === 2 || last;
    const call = last ? '' : subflowElement('Next', `Chain_${pad(index + 1)}`);
    const update = updateRecordElement('Touch_Account', { object: 'Account', fields: { Description: 'deep' }, filterOnRecordId: '$Record.Id' });
    const elements = [writes ? (call ? connected(update, 'Next') : update) : '', call].filter(Boolean).join('\n');
    files.push(autolaunchedFlow({ name: `Chain_${pad(index)}`, elements, firstElement: writes ? 'Touch_Account' : 'Next' }));
  }
  return files;
}

/** Contact trigger → DeepChain.m00000 → ... ; m00003 and the last method update the Contacts again. */
export function apexCallChain(length: number): DxFile[] {
  const methods: string[] = [];
  for (let index = 0; index < length; index++) {
    const next = index < length - 1 ? `        m${pad(index + 1)}(records);\n` : '';
    const write = index === 3 || index === length - 1 ? '        update records;\n' : '';
    methods.push(`    public static void m${pad(index)}(List<Contact> records) {\n${write}${next}    }`);
  }
  return [
    ...apexClass('DeepChain', `public class DeepChain {\n${methods.join('\n')}\n}\n`),
    ...apexTrigger('DeepContactTrigger', 'Contact', 'after update', '    DeepChain.m00000(Trigger.new);'),
  ];
}

/** A formula field and a validation rule nested `depth` deep, and Apex with an expression as deep. */
export function deepFormulas(depth: number): DxFile[] {
  const nestedIf = `${'IF(ISBLANK(Name), 1, '.repeat(depth)}0${')'.repeat(depth)}`;
  const parens = `${'('.repeat(depth)}1${')'.repeat(depth)}`;
  const sum = Array.from({ length: depth }, () => '1').join(' + ');
  return [
    ...customObject('Deep__c', [formulaField('Deep_Formula__c', nestedIf)]),
    validationRule('Deep__c', 'Deep_Rule', { formula: `${'NOT('.repeat(depth)}ISBLANK(Name)${')'.repeat(depth)}` }),
    ...apexClass('DeepExpression', `public class DeepExpression {\n    public static Integer nested() { return ${parens}; }\n    public static Integer flat() { return ${sum}; }\n}\n`),
    ...apexClass('DeepStatements', `public class DeepStatements {\n    public static void nested(List<Lead> leads) {\n${'        if (leads != null) {\n'.repeat(depth / 4)}        update leads;\n${'        }\n'.repeat(depth / 4)}    }\n}\n`),
    ...apexTrigger('DeepLeadTrigger', 'Lead', 'after update', '    DeepExpression.nested();\n    DeepExpression.flat();\n    DeepStatements.nested(Trigger.new);'),
    ['flows/Deep_Xml.flow-meta.xml', `<?xml version="1.0" encoding="UTF-8"?>\n<Flow xmlns="http://soap.sforce.com/2006/04/metadata">\n${'<processMetadataValues><name>x</name><value>'.repeat(depth)}${'</value></processMetadataValues>'.repeat(depth)}\n<label>Deep_Xml</label><processType>AutoLaunchedFlow</processType><status>Draft</status>\n</Flow>\n`],
  ];
}

/** Cycle_00000__c → Cycle_00001__c → ... → Cycle_00000__c: each object's after-save flow updates the next. */
export function crossObjectCycle(objects: number): DxFile[] {
  const files: DxFile[] = [];
  for (let index = 0; index < objects; index++) {
    const next = `Cycle_${pad((index + 1) % objects)}__c`;
    files.push(
      recordTriggeredFlow({
        name: `Cycle_${pad(index)}_After_Save`,
        object: `Cycle_${pad(index)}__c`,
        triggerType: 'RecordAfterSave',
        elements: updateRecordElement('Update_Next', { object: next, fields: { Name: 'x' }, filterOnRecordId: '$Record.Id' }),
        firstElement: 'Update_Next',
      }),
    );
  }
  return files;
}

/** An Opportunity after-save flow: a loop whose body is `elements` assignments in a row, then an update. */
export function longFlow(elements: number): DxFile[] {
  const parts: string[] = [loopElement('Each_Line', '$Record.OpportunityLineItems', `Step_${pad(0)}`)];
  for (let index = 0; index < elements; index++) {
    parts.push(assignmentElement(`Step_${pad(index)}`, { 'var.Description': String(index) }, index < elements - 1 ? `Step_${pad(index + 1)}` : 'Save_Line'));
  }
  parts.push(connected(updateRecordElement('Save_Line', { object: 'OpportunityLineItem', fields: { Description: 'x' }, filterOnRecordId: 'Each_Line.Id' }), 'Each_Line'));
  return [recordTriggeredFlow({ name: 'Deep_Long_Flow', object: 'Opportunity', triggerType: 'RecordAfterSave', elements: parts.join('\n'), firstElement: 'Each_Line' })];
}

/** Every shape at the given sizes. */
export function deepShapes(sizes: DeepShapeSizes = DEEP_SHAPES): DxFile[] {
  return [
    ...subflowChain(sizes.subflowChain),
    ...apexCallChain(sizes.apexChain),
    ...deepFormulas(sizes.formulaDepth),
    ...crossObjectCycle(sizes.cycleObjects),
    ...longFlow(sizes.flowElements),
  ];
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Small Salesforce DX projects for rule tests, written to a temp folder in the shapes Salesforce
 * writes metadata (API 62.0). Each helper returns `[path under force-app/main/default, content]`.
 */
export type DxFile = [string, string];

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

export function writeProject(files: DxFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'arch-review-dx-'));
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
  mkdirSync(join(root, 'force-app', 'main', 'default'), { recursive: true });
  for (const [path, content] of files) {
    const file = join(root, 'force-app', 'main', 'default', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

export function customObject(name: string, fields: Array<{ name: string; xml?: string }> = []): DxFile[] {
  return [
    [`objects/${name}/${name}.object-meta.xml`, `${XML}\n<CustomObject ${NS}>\n    <label>${name}</label>\n    <pluralLabel>${name}s</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n`],
    ...fields.map((field): DxFile => [
      `objects/${name}/fields/${field.name}.field-meta.xml`,
      `${XML}\n<CustomField ${NS}>\n    <fullName>${field.name}</fullName>\n${field.xml ?? '    <label>Field</label>\n    <length>80</length>\n    <type>Text</type>'}\n</CustomField>\n`,
    ]),
  ];
}

export function masterDetailField(name: string, referenceTo: string, relationshipName: string): { name: string; xml: string } {
  return {
    name,
    xml: `    <label>${referenceTo}</label>\n    <referenceTo>${referenceTo}</referenceTo>\n    <relationshipName>${relationshipName}</relationshipName>\n    <relationshipOrder>0</relationshipOrder>\n    <type>MasterDetail</type>`,
  };
}

export function rollupField(name: string, childObject: string, foreignKey: string, summarized: string): { name: string; xml: string } {
  return {
    name,
    xml: `    <label>${name}</label>\n    <summarizedField>${childObject}.${summarized}</summarizedField>\n    <summaryForeignKey>${childObject}.${foreignKey}</summaryForeignKey>\n    <summaryOperation>sum</summaryOperation>\n    <type>Summary</type>`,
  };
}

export type FlowOptions = {
  name: string;
  object: string;
  triggerType: 'RecordBeforeSave' | 'RecordAfterSave' | 'PlatformEvent';
  recordTriggerType?: 'Create' | 'Update' | 'CreateAndUpdate' | 'Delete';
  /** Elements as XML, in Flow element order; the first is connected from start. */
  elements: string;
  firstElement: string;
  filters?: Array<{ field: string; operator: string; value?: string }>;
  filterFormula?: string;
  requiresRecordChanged?: boolean;
  status?: 'Active' | 'Draft';
};

export function recordTriggeredFlow(options: FlowOptions): DxFile {
  const filters = (options.filters ?? [])
    .map((filter) => `        <filters>\n            <field>${filter.field}</field>\n            <operator>${filter.operator}</operator>\n            <value>\n                <stringValue>${filter.value ?? ''}</stringValue>\n            </value>\n        </filters>\n`)
    .join('');
  const start = [
    '    <start>',
    '        <locationX>50</locationX>',
    '        <locationY>0</locationY>',
    '        <connector>',
    `            <targetReference>${options.firstElement}</targetReference>`,
    '        </connector>',
    ...(options.requiresRecordChanged ? ['        <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>'] : []),
    ...(options.filters && options.filters.length > 0 ? ['        <filterLogic>and</filterLogic>'] : []),
    filters.trimEnd(),
    ...(options.filterFormula ? [`        <filterFormula>${options.filterFormula}</filterFormula>`] : []),
    `        <object>${options.object}</object>`,
    ...(options.triggerType === 'PlatformEvent' ? [] : [`        <recordTriggerType>${options.recordTriggerType ?? 'CreateAndUpdate'}</recordTriggerType>`]),
    `        <triggerType>${options.triggerType}</triggerType>`,
    '    </start>',
  ].filter((line) => line.length > 0);
  return [
    `flows/${options.name}.flow-meta.xml`,
    [
      XML,
      `<Flow ${NS}>`,
      '    <apiVersion>62.0</apiVersion>',
      options.elements.trimEnd(),
      '    <interviewLabel>{!$Flow.CurrentDateTime}</interviewLabel>',
      `    <label>${options.name}</label>`,
      '    <processType>AutoLaunchedFlow</processType>',
      ...start,
      `    <status>${options.status ?? 'Active'}</status>`,
      '</Flow>',
      '',
    ].join('\n'),
  ];
}

export function updateRecordElement(name: string, options: { inputReference?: string; object?: string; fields: Record<string, string>; filterOnRecordId?: string }): string {
  const assignments = Object.entries(options.fields)
    .map(([field, value]) => `        <inputAssignments>\n            <field>${field}</field>\n            <value>\n                <stringValue>${value}</stringValue>\n            </value>\n        </inputAssignments>`)
    .join('\n');
  const filter = options.filterOnRecordId
    ? `        <filterLogic>and</filterLogic>\n        <filters>\n            <field>Id</field>\n            <operator>EqualTo</operator>\n            <value>\n                <elementReference>${options.filterOnRecordId}</elementReference>\n            </value>\n        </filters>\n`
    : '';
  return [
    '    <recordUpdates>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    filter.trimEnd(),
    assignments,
    ...(options.inputReference ? [`        <inputReference>${options.inputReference}</inputReference>`] : []),
    ...(options.object ? [`        <object>${options.object}</object>`] : []),
    '    </recordUpdates>',
  ]
    .filter((line) => line.length > 0)
    .join('\n');
}

export function createRecordElement(name: string, object: string, fields: Record<string, string>): string {
  const assignments = Object.entries(fields)
    .map(([field, value]) => `        <inputAssignments>\n            <field>${field}</field>\n            <value>\n                <elementReference>${value}</elementReference>\n            </value>\n        </inputAssignments>`)
    .join('\n');
  return ['    <recordCreates>', `        <name>${name}</name>`, `        <label>${name}</label>`, '        <locationX>0</locationX>', '        <locationY>0</locationY>', assignments, `        <object>${object}</object>`, '    </recordCreates>'].join('\n');
}

export function assignmentElement(name: string, assignments: Record<string, string>, next?: string): string {
  const items = Object.entries(assignments)
    .map(([target, value]) => `        <assignmentItems>\n            <assignToReference>${target}</assignToReference>\n            <operator>Assign</operator>\n            <value>\n                <stringValue>${value}</stringValue>\n            </value>\n        </assignmentItems>`)
    .join('\n');
  return [
    '    <assignments>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    items,
    ...(next ? ['        <connector>', `            <targetReference>${next}</targetReference>`, '        </connector>'] : []),
    '    </assignments>',
  ].join('\n');
}

export function apexTrigger(name: string, object: string, events: string, body: string, status = 'Active'): DxFile[] {
  return [
    [`triggers/${name}.trigger`, `trigger ${name} on ${object} (${events}) {\n${body}\n}\n`],
    [`triggers/${name}.trigger-meta.xml`, `${XML}\n<ApexTrigger ${NS}>\n    <apiVersion>62.0</apiVersion>\n    <status>${status}</status>\n</ApexTrigger>\n`],
  ];
}

export function apexClass(name: string, body: string): DxFile[] {
  return [
    [`classes/${name}.cls`, body],
    [`classes/${name}.cls-meta.xml`, `${XML}\n<ApexClass ${NS}>\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`],
  ];
}

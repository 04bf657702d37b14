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
  const start = startBlock(options.firstElement, [
    ...(options.requiresRecordChanged ? ['        <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>'] : []),
    ...(options.filters && options.filters.length > 0 ? ['        <filterLogic>and</filterLogic>'] : []),
    filters.trimEnd(),
    ...(options.filterFormula ? [`        <filterFormula>${options.filterFormula}</filterFormula>`] : []),
    `        <object>${options.object}</object>`,
    ...(options.triggerType === 'PlatformEvent' ? [] : [`        <recordTriggerType>${options.recordTriggerType ?? 'CreateAndUpdate'}</recordTriggerType>`]),
    `        <triggerType>${options.triggerType}</triggerType>`,
  ]);
  return flowDocument(options.name, options.elements, start, options.status);
}

/** A `<start>` element connected to `firstElement`, with the trigger lines that follow the connector. */
function startBlock(firstElement: string, triggerLines: string[]): string[] {
  return [
    '    <start>',
    '        <locationX>50</locationX>',
    '        <locationY>0</locationY>',
    '        <connector>',
    `            <targetReference>${firstElement}</targetReference>`,
    '        </connector>',
    ...triggerLines,
    '    </start>',
  ].filter((line) => line.length > 0);
}

/** An autolaunched Flow file around `elements` and its `<start>`. */
function flowDocument(name: string, elements: string, start: string[], status: string | undefined): DxFile {
  return [
    `flows/${name}.flow-meta.xml`,
    [
      XML,
      `<Flow ${NS}>`,
      '    <apiVersion>62.0</apiVersion>',
      elements.trimEnd(),
      '    <interviewLabel>{!$Flow.CurrentDateTime}</interviewLabel>',
      `    <label>${name}</label>`,
      '    <processType>AutoLaunchedFlow</processType>',
      ...start,
      `    <status>${status ?? 'Active'}</status>`,
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

// ---------------------------------------------------------------------------------------------
// Ownership and hygiene fixtures: descriptions, statuses, field tags, workflow rules, Process Builder.

/** Text as XML element content. */
export function xmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes `arch-review.yml` into a project written by writeProject. */
export function writePolicy(root: string, yaml: string): void {
  writeFileSync(join(root, 'arch-review.yml'), yaml);
}

/** The same flow with a `<description>` (and a `<label>` when given), for ownership tests. */
export function describedFlow(flow: DxFile, description: string, label?: string): DxFile {
  let xml = flow[1].replace('    <apiVersion>62.0</apiVersion>\n', `    <apiVersion>62.0</apiVersion>\n    <description>${xmlText(description)}</description>\n`);
  if (label !== undefined) xml = xml.replace(/    <label>[^<]*<\/label>\n/, `    <label>${xmlText(label)}</label>\n`);
  return [flow[0], xml];
}

/** A small record-triggered flow (one assignment on `$Record`), for tests that only need a flow to exist. */
export function simpleFlow(name: string, object: string, options: { status?: 'Active' | 'Draft'; description?: string; label?: string } = {}): DxFile {
  const flow = recordTriggeredFlow({
    name,
    object,
    triggerType: 'RecordBeforeSave',
    firstElement: 'Set_Name',
    elements: assignmentElement('Set_Name', { '$Record.Name': 'x' }),
    ...(options.status ? { status: options.status } : {}),
  });
  return options.description !== undefined || options.label !== undefined ? describedFlow(flow, options.description ?? '', options.label) : flow;
}

/** A flow in another status than the record-triggered helper allows (Obsolete, InvalidDraft). */
export function withFlowStatus(flow: DxFile, status: string): DxFile {
  return [flow[0], flow[1].replace(/<status>[^<]*<\/status>/, `<status>${status}</status>`)];
}

export type FieldOptions = {
  label?: string;
  description?: string;
  businessOwnerGroup?: string;
  businessOwnerUser?: string;
  businessStatus?: string;
};

/** A text field with the classification tags set, for customObject's field list. */
export function taggedField(name: string, options: FieldOptions = {}): { name: string; xml: string } {
  const lines = [
    ...(options.businessOwnerGroup ? [`    <businessOwnerGroup>${xmlText(options.businessOwnerGroup)}</businessOwnerGroup>`] : []),
    ...(options.businessOwnerUser ? [`    <businessOwnerUser>${xmlText(options.businessOwnerUser)}</businessOwnerUser>`] : []),
    ...(options.businessStatus ? [`    <businessStatus>${xmlText(options.businessStatus)}</businessStatus>`] : []),
    ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
    `    <label>${xmlText(options.label ?? name.replace(/__c$/, '').replace(/_/g, ' '))}</label>`,
    '    <length>80</length>',
    '    <type>Text</type>',
  ];
  return { name, xml: lines.join('\n') };
}

export function validationRule(object: string, name: string, options: { formula: string; active?: boolean; description?: string }): DxFile {
  return [
    `objects/${object}/validationRules/${name}.validationRule-meta.xml`,
    [
      XML,
      `<ValidationRule ${NS}>`,
      `    <fullName>${name}</fullName>`,
      `    <active>${options.active ?? true}</active>`,
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      `    <errorConditionFormula>${xmlText(options.formula)}</errorConditionFormula>`,
      '    <errorMessage>Not allowed.</errorMessage>',
      '</ValidationRule>',
      '',
    ].join('\n'),
  ];
}

export type WorkflowRuleOptions = {
  name: string;
  active?: boolean;
  description?: string;
  /** A field update on the rule's object: `field` is the API name on the object. */
  fieldUpdate?: { name: string; field: string; formula: string };
};

/** `workflows/<Object>.workflow-meta.xml` with the rules (and their field updates). */
export function workflow(object: string, rules: WorkflowRuleOptions[]): DxFile {
  const updates = rules
    .filter((rule) => rule.fieldUpdate)
    .map((rule) =>
      [
        '    <fieldUpdates>',
        `        <fullName>${rule.fieldUpdate!.name}</fullName>`,
        `        <field>${rule.fieldUpdate!.field}</field>`,
        `        <formula>${xmlText(rule.fieldUpdate!.formula)}</formula>`,
        `        <name>${rule.fieldUpdate!.name}</name>`,
        '        <notifyAssignee>false</notifyAssignee>',
        '        <operation>Formula</operation>',
        '        <protected>false</protected>',
        '        <reevaluateOnChange>false</reevaluateOnChange>',
        '    </fieldUpdates>',
      ].join('\n'),
    );
  const ruleXml = rules.map((rule) =>
    [
      '    <rules>',
      `        <fullName>${xmlText(rule.name)}</fullName>`,
      ...(rule.fieldUpdate ? ['        <actions>', `            <name>${rule.fieldUpdate.name}</name>`, '            <type>FieldUpdate</type>', '        </actions>'] : []),
      `        <active>${rule.active ?? true}</active>`,
      ...(rule.description ? [`        <description>${xmlText(rule.description)}</description>`] : []),
      '        <formula>true</formula>',
      '        <triggerType>onCreateOrTriggeringUpdate</triggerType>',
      '    </rules>',
    ].join('\n'),
  );
  return [`workflows/${object}.workflow-meta.xml`, [XML, `<Workflow ${NS}>`, ...updates, ...ruleXml, '</Workflow>', ''].join('\n')];
}

export function permissionSet(name: string, options: { label?: string; description?: string } = {}): DxFile {
  return [
    `permissionsets/${name}.permissionset-meta.xml`,
    [
      XML,
      `<PermissionSet ${NS}>`,
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      '    <hasActivationRequired>false</hasActivationRequired>',
      `    <label>${xmlText(options.label ?? name.replace(/_/g, ' '))}</label>`,
      '</PermissionSet>',
      '',
    ].join('\n'),
  ];
}

/** A Process Builder process (processType Workflow) on `object` that sets one field of the record on create. */
export function processBuilder(name: string, object: string, options: { status?: string; description?: string; field?: string } = {}): DxFile {
  const value = (key: string, text: string, kind = 'stringValue'): string =>
    ['    <processMetadataValues>', `        <name>${key}</name>`, '        <value>', `            <${kind}>${text}</${kind}>`, '        </value>', '    </processMetadataValues>'].join('\n');
  return [
    `flows/${name}.flow-meta.xml`,
    [
      XML,
      `<Flow ${NS}>`,
      '    <apiVersion>62.0</apiVersion>',
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      `    <interviewLabel>${name}-1_InterviewLabel</interviewLabel>`,
      `    <label>${name}</label>`,
      value('ObjectType', object),
      value('ObjectVariable', 'myVariable_current', 'elementReference'),
      value('OldObjectVariable', 'myVariable_old', 'elementReference'),
      value('TriggerType', 'onCreateOnly'),
      '    <processType>Workflow</processType>',
      '    <recordUpdates>',
      '        <name>myRule_1_A1</name>',
      '        <label>Set Field</label>',
      '        <locationX>100</locationX>',
      '        <locationY>200</locationY>',
      '        <filterLogic>and</filterLogic>',
      '        <filters>',
      '            <field>Id</field>',
      '            <operator>EqualTo</operator>',
      '            <value>',
      '                <elementReference>myVariable_current.Id</elementReference>',
      '            </value>',
      '        </filters>',
      '        <inputAssignments>',
      `            <field>${options.field ?? 'Description'}</field>`,
      '            <value>',
      '                <stringValue>x</stringValue>',
      '            </value>',
      '        </inputAssignments>',
      `        <object>${object}</object>`,
      '    </recordUpdates>',
      '    <startElementReference>myRule_1_A1</startElementReference>',
      `    <status>${options.status ?? 'Active'}</status>`,
      '    <variables>',
      '        <name>myVariable_current</name>',
      '        <dataType>SObject</dataType>',
      '        <isCollection>false</isCollection>',
      '        <isInput>true</isInput>',
      '        <isOutput>true</isOutput>',
      `        <objectType>${object}</objectType>`,
      '    </variables>',
      '    <variables>',
      '        <name>myVariable_old</name>',
      '        <dataType>SObject</dataType>',
      '        <isCollection>false</isCollection>',
      '        <isInput>true</isInput>',
      '        <isOutput>false</isOutput>',
      `        <objectType>${object}</objectType>`,
      '    </variables>',
      '</Flow>',
      '',
    ].join('\n'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Loops, lookups, decisions, actions and flow shapes for the limits rules

/** A Loop element over `collection`: `next` starts the body, `end` (optional) runs after the last item. */
export function loopElement(name: string, collection: string, next: string, end?: string): string {
  return [
    '    <loops>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    `        <collectionReference>${collection}</collectionReference>`,
    '        <iterationOrder>Asc</iterationOrder>',
    '        <nextValueConnector>',
    `            <targetReference>${next}</targetReference>`,
    '        </nextValueConnector>',
    ...(end ? ['        <noMoreValuesConnector>', `            <targetReference>${end}</targetReference>`, '        </noMoreValuesConnector>'] : []),
    '    </loops>',
  ].join('\n');
}

/** A Get Records element on `object` (all records with `Name` = 'x'), optionally connected to `next`. */
export function lookupElement(name: string, object: string, next?: string): string {
  return [
    '    <recordLookups>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    '        <assignNullValuesIfNoRecordsFound>false</assignNullValuesIfNoRecordsFound>',
    ...(next ? ['        <connector>', `            <targetReference>${next}</targetReference>`, '        </connector>'] : []),
    '        <filterLogic>and</filterLogic>',
    '        <filters>',
    '            <field>Name</field>',
    '            <operator>EqualTo</operator>',
    '            <value>',
    '                <stringValue>x</stringValue>',
    '            </value>',
    '        </filters>',
    '        <getFirstRecordOnly>false</getFirstRecordOnly>',
    `        <object>${object}</object>`,
    '        <storeOutputAutomatically>true</storeOutputAutomatically>',
    '    </recordLookups>',
  ].join('\n');
}

/** A Decision with one outcome per rule (each to its target) and an optional default connector. */
export function decisionElement(name: string, rules: Array<{ name: string; target: string }>, defaultTarget?: string): string {
  return [
    '    <decisions>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    ...(defaultTarget ? ['        <defaultConnector>', `            <targetReference>${defaultTarget}</targetReference>`, '        </defaultConnector>'] : []),
    '        <defaultConnectorLabel>Default</defaultConnectorLabel>',
    ...rules.flatMap((rule) => [
      '        <rules>',
      `            <name>${rule.name}</name>`,
      '            <conditionLogic>and</conditionLogic>',
      '            <conditions>',
      '                <leftValueReference>$Record.Name</leftValueReference>',
      '                <operator>IsNull</operator>',
      '                <rightValue>',
      '                    <booleanValue>false</booleanValue>',
      '                </rightValue>',
      '            </conditions>',
      '            <connector>',
      `                <targetReference>${rule.target}</targetReference>`,
      '            </connector>',
      `            <label>${rule.name}</label>`,
      '        </rules>',
    ]),
    '    </decisions>',
  ].join('\n');
}

/** An Action element (`apex`, `externalService`, `flow`, `emailAlert`, ...), optionally connected to `next`. */
export function actionCallElement(name: string, actionType: string, actionName: string, next?: string): string {
  return [
    '    <actionCalls>',
    `        <name>${name}</name>`,
    `        <label>${name}</label>`,
    '        <locationX>0</locationX>',
    '        <locationY>0</locationY>',
    `        <actionName>${actionName}</actionName>`,
    `        <actionType>${actionType}</actionType>`,
    ...(next ? ['        <connector>', `            <targetReference>${next}</targetReference>`, '        </connector>'] : []),
    '        <flowTransactionModel>CurrentTransaction</flowTransactionModel>',
    '    </actionCalls>',
  ].join('\n');
}

/** Adds a `<connector>` (or `<faultConnector>`) to `target` to an element built by another helper. */
export function connected(element: string, target: string, kind: 'connector' | 'faultConnector' = 'connector'): string {
  const close = element.lastIndexOf('\n    </');
  return `${element.slice(0, close)}\n        <${kind}>\n            <targetReference>${target}</targetReference>\n        </${kind}>${element.slice(close)}`;
}

/** A record-triggered flow file with a scheduled path added to its `<start>` (`AsyncAfterCommit`: Run Asynchronously). */
export function withScheduledPath(file: DxFile, path: { target: string; name?: string; pathType?: 'AsyncAfterCommit' }): DxFile {
  const xml = [
    '        <scheduledPaths>',
    ...(path.name ? [`            <name>${path.name}</name>`] : []),
    '            <connector>',
    `                <targetReference>${path.target}</targetReference>`,
    '            </connector>',
    `            <pathType>${path.pathType ?? 'AsyncAfterCommit'}</pathType>`,
    '        </scheduledPaths>',
  ].join('\n');
  return [file[0], file[1].replace('    </start>', `${xml}\n    </start>`)];
}

/** An autolaunched flow with no trigger (started by a caller), or a scheduled flow (`Scheduled`, daily). */
export function autolaunchedFlow(options: { name: string; elements: string; firstElement: string; scheduled?: boolean; status?: 'Active' | 'Draft' }): DxFile {
  const schedule = options.scheduled
    ? ['        <schedule>', '            <frequency>Daily</frequency>', '            <startDate>2025-01-01</startDate>', '            <startTime>06:00:00.000Z</startTime>', '        </schedule>', '        <triggerType>Scheduled</triggerType>']
    : [];
  return flowDocument(options.name, options.elements, startBlock(options.firstElement, schedule), options.status);
}

// ---------------------------------------------------------------------------------------------
// Systems of record: integration fields and permission sets with field access

/** A writable text field, optionally an external ID and with a description (`System of record: SAP.`). */
export function sorField(name: string, options: { description?: string; externalId?: boolean; label?: string; helpText?: string } = {}): { name: string; xml: string } {
  const lines = [
    ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
    `    <externalId>${options.externalId ?? false}</externalId>`,
    ...(options.helpText ? [`    <inlineHelpText>${xmlText(options.helpText)}</inlineHelpText>`] : []),
    `    <label>${xmlText(options.label ?? name.replace(/__c$/, '').replace(/_/g, ' '))}</label>`,
    '    <length>80</length>',
    '    <type>Text</type>',
    ...(options.externalId ? ['    <unique>true</unique>'] : []),
  ];
  return { name, xml: lines.join('\n') };
}

/** A formula field (never writable), for tests that must not see it as integrated. */
export function formulaField(name: string, formula: string, description?: string): { name: string; xml: string } {
  return {
    name,
    xml: [...(description ? [`    <description>${xmlText(description)}</description>`] : []), `    <formula>${xmlText(formula)}</formula>`, `    <label>${name}</label>`, '    <type>Text</type>'].join('\n'),
  };
}

/** A permission set (or profile) with field access: `{ 'Account.X__c': 'edit' }`. */
export function permissionSetWithFields(
  name: string,
  options: { description?: string; label?: string; license?: string; userPermissions?: string[]; fields: Record<string, 'read' | 'edit'>; profile?: boolean },
): DxFile {
  const root = options.profile ? 'Profile' : 'PermissionSet';
  const fields = Object.entries(options.fields)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([field, access]) => ['    <fieldPermissions>', `        <editable>${access === 'edit'}</editable>`, `        <field>${field}</field>`, '        <readable>true</readable>', '    </fieldPermissions>'].join('\n'));
  const permissions = (options.userPermissions ?? []).map((permission) => ['    <userPermissions>', '        <enabled>true</enabled>', `        <name>${permission}</name>`, '    </userPermissions>'].join('\n'));
  return [
    options.profile ? `profiles/${name}.profile-meta.xml` : `permissionsets/${name}.permissionset-meta.xml`,
    [
      XML,
      `<${root} ${NS}>`,
      ...(options.profile ? ['    <custom>true</custom>'] : []),
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      ...fields,
      ...(options.profile ? [] : ['    <hasActivationRequired>false</hasActivationRequired>', `    <label>${xmlText(options.label ?? name.replace(/_/g, ' '))}</label>`]),
      ...(options.license ? [`    <${options.profile ? 'userLicense' : 'license'}>${xmlText(options.license)}</${options.profile ? 'userLicense' : 'license'}>`] : []),
      ...permissions,
      `</${root}>`,
      '',
    ].join('\n'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Integration permissions: permission sets and profiles with every kind of grant, groups, muting sets

export type ObjectAccess = { create?: boolean; read?: boolean; edit?: boolean; delete?: boolean; viewAll?: boolean; modifyAll?: boolean };

export type ContainerOptions = {
  label?: string;
  description?: string;
  /** Permission set `license` / profile `userLicense`. */
  license?: string;
  userPermissions?: string[];
  objects?: Record<string, ObjectAccess>;
  fields?: Record<string, 'read' | 'edit'>;
  classes?: string[];
};

/**
 * A permission set, profile or muting permission set as Salesforce writes it (elements in alphabetical
 * order, every objectPermissions flag spelled out). For a muting set, a `true` grant means muted.
 */
export function permissionContainer(kind: 'PermissionSet' | 'Profile' | 'MutingPermissionSet', name: string, options: ContainerOptions = {}): DxFile {
  const folder = { PermissionSet: 'permissionsets', Profile: 'profiles', MutingPermissionSet: 'mutingpermissionsets' }[kind];
  const suffix = { PermissionSet: 'permissionset', Profile: 'profile', MutingPermissionSet: 'mutingpermissionset' }[kind];
  const block = (tag: string, entries: Array<[string, string]>): string =>
    [`    <${tag}>`, ...entries.map(([key, value]) => `        <${key}>${xmlText(value)}</${key}>`), `    </${tag}>`].join('\n');
  const classes = (options.classes ?? []).map((name) => block('classAccesses', [['apexClass', name], ['enabled', 'true']]));
  const fields = Object.entries(options.fields ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([field, access]) => block('fieldPermissions', [['editable', String(access === 'edit')], ['field', field], ['readable', 'true']]));
  const objects = Object.entries(options.objects ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([object, access]) =>
      block('objectPermissions', [
        ['allowCreate', String(access.create ?? false)],
        ['allowDelete', String(access.delete ?? false)],
        ['allowEdit', String(access.edit ?? false)],
        ['allowRead', String(access.read ?? true)],
        ['modifyAllRecords', String(access.modifyAll ?? false)],
        ['object', object],
        ['viewAllFields', 'false'],
        ['viewAllRecords', String(access.viewAll ?? false)],
      ]),
    );
  const permissions = [...(options.userPermissions ?? [])].sort().map((permission) => block('userPermissions', [['enabled', 'true'], ['name', permission]]));
  const isProfile = kind === 'Profile';
  return [
    `${folder}/${name}.${suffix}-meta.xml`,
    [
      XML,
      `<${kind} ${NS}>`,
      ...classes,
      ...(isProfile ? ['    <custom>true</custom>'] : []),
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      ...fields,
      ...(kind === 'PermissionSet' ? ['    <hasActivationRequired>false</hasActivationRequired>'] : []),
      ...(isProfile ? [] : [`    <label>${xmlText(options.label ?? name.replace(/_/g, ' '))}</label>`]),
      ...(options.license && !isProfile ? [`    <license>${xmlText(options.license)}</license>`] : []),
      ...objects,
      ...(options.license && isProfile ? [`    <userLicense>${xmlText(options.license)}</userLicense>`] : []),
      ...permissions,
      `</${kind}>`,
      '',
    ].join('\n'),
  ];
}

export function permissionSetGroup(name: string, options: { permissionSets: string[]; mutingPermissionSets?: string[]; label?: string; description?: string }): DxFile {
  return [
    `permissionsetgroups/${name}.permissionsetgroup-meta.xml`,
    [
      XML,
      `<PermissionSetGroup ${NS}>`,
      ...(options.description ? [`    <description>${xmlText(options.description)}</description>`] : []),
      '    <hasActivationRequired>false</hasActivationRequired>',
      `    <label>${xmlText(options.label ?? name.replace(/_/g, ' '))}</label>`,
      ...(options.mutingPermissionSets ?? []).map((set) => `    <mutingPermissionSets>${set}</mutingPermissionSets>`),
      ...options.permissionSets.map((set) => `    <permissionSets>${set}</permissionSets>`),
      '    <status>Updated</status>',
      '</PermissionSetGroup>',
      '',
    ].join('\n'),
  ];
}

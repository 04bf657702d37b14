/** Objects, their fields and validation rules, in DX source format. */
import { block, documentOf, leaf } from './xml.mjs';

const labelOf = (apiName) => apiName.replace(/__c$/, '').replace(/_/g, ' ');

export function* objectFiles(object) {
  const dir = `objects/${object.name}`;
  const lines = object.custom
    ? [
        leaf(1, 'deploymentStatus', 'Deployed'),
        leaf(1, 'description', object.description),
        leaf(1, 'enableActivities', 'true'),
        leaf(1, 'enableHistory', 'true'),
        leaf(1, 'enableReports', 'true'),
        leaf(1, 'label', labelOf(object.name)),
        block(1, 'nameField', [leaf(2, 'displayFormat', `${object.base}-{0000}`), leaf(2, 'label', `${labelOf(object.name)} Number`), leaf(2, 'type', 'AutoNumber')]),
        leaf(1, 'pluralLabel', `${labelOf(object.name)}s`),
        leaf(1, 'sharingModel', object.parent ? 'ReadWrite' : 'Private'),
        leaf(1, 'visibility', 'Public'),
      ]
    : [leaf(1, 'enableFeeds', 'false'), leaf(1, 'sharingModel', 'ReadWrite')];
  yield [`${dir}/${object.name}.object-meta.xml`, documentOf('CustomObject', lines)];
  for (const field of object.fields) yield [`${dir}/fields/${field.name}.field-meta.xml`, documentOf('CustomField', fieldLines(field))];
  for (const rule of object.validationRules) yield [`${dir}/validationRules/${rule.name}.validationRule-meta.xml`, documentOf('ValidationRule', ruleLines(object, rule))];
}

function fieldLines(field) {
  const head = [leaf(1, 'fullName', field.name), leaf(1, 'description', field.description)];
  const common = (type, extra) => [...head, leaf(1, 'externalId', field.externalId ? 'true' : 'false'), leaf(1, 'label', labelOf(field.name)), ...extra, leaf(1, 'trackTrending', 'false'), leaf(1, 'type', type)];
  switch (field.type) {
    case 'Lookup':
      return [
        ...head,
        leaf(1, 'deleteConstraint', 'SetNull'),
        leaf(1, 'externalId', 'false'),
        leaf(1, 'label', 'Parent'),
        leaf(1, 'referenceTo', field.referenceTo),
        leaf(1, 'relationshipLabel', labelOf(field.relationshipName)),
        leaf(1, 'relationshipName', field.relationshipName),
        leaf(1, 'required', 'false'),
        leaf(1, 'trackTrending', 'false'),
        leaf(1, 'type', 'Lookup'),
      ];
    case 'Picklist':
      return common('Picklist', [
        leaf(1, 'required', 'false'),
        block(1, 'valueSet', [
          leaf(2, 'restricted', 'true'),
          block(2, 'valueSetDefinition', [leaf(3, 'sorted', 'false'), ...field.values.map((value, index) => block(3, 'value', [leaf(4, 'fullName', value), leaf(4, 'default', index === 0 ? 'true' : 'false'), leaf(4, 'label', value.replace(/_/g, ' '))]))]),
        ]),
      ]);
    case 'Text':
      return common('Text', [leaf(1, 'length', '255'), leaf(1, 'required', 'false'), ...(field.externalId ? [leaf(1, 'unique', 'true')] : [])]);
    case 'Number':
    case 'Currency':
    case 'Percent':
      return common(field.type, [leaf(1, 'precision', '18'), leaf(1, 'required', 'false'), leaf(1, 'scale', '2')]);
    case 'Formula':
      return common('Number', [leaf(1, 'formula', 'IF(ISPICKVAL(Status__c, "Active"), Amount__c * 1.1, Priority_Score__c)'), leaf(1, 'formulaTreatBlanksAs', 'BlankAsZero'), leaf(1, 'precision', '18'), leaf(1, 'required', 'false'), leaf(1, 'scale', '2')]);
    case 'LongTextArea':
      return common('LongTextArea', [leaf(1, 'length', '32768'), leaf(1, 'visibleLines', '5')]);
    case 'Checkbox':
      return [...head, leaf(1, 'defaultValue', 'false'), leaf(1, 'externalId', 'false'), leaf(1, 'label', labelOf(field.name)), leaf(1, 'trackTrending', 'false'), leaf(1, 'type', 'Checkbox')];
    default:
      return common(field.type, [leaf(1, 'required', 'false')]);
  }
}

const RULE_FORMULAS = [
  'AND(NOT($Permission.Bypass_Validation), ISPICKVAL(Status__c, "Active"), Amount__c < 0)',
  'AND(ISCHANGED(Status__c), Is_Locked__c, NOT($Setup.Automation_Settings__c.Disable_Validation__c))',
  'AND(ISPICKVAL(Status__c, "Closed"), ISBLANK(TEXT(Region__c)))',
  'Priority_Score__c > 100 && $Profile.Name <> "System Administrator"',
  'AND(NOT(ISNEW()), PRIORVALUE(Amount__c) > Amount__c, ISPICKVAL(Status__c, "Active"))',
];

function ruleLines(object, rule) {
  return [
    leaf(1, 'fullName', rule.name),
    leaf(1, 'active', rule.variant === 3 ? 'false' : 'true'),
    leaf(1, 'description', rule.description),
    leaf(1, 'errorConditionFormula', RULE_FORMULAS[rule.variant]),
    ...(rule.variant % 2 === 0 ? [leaf(1, 'errorDisplayField', 'Amount__c')] : []),
    leaf(1, 'errorMessage', `${labelOf(object.name)}: ${rule.name.replace(/_/g, ' ')} failed.`),
  ];
}

import type { DxFile } from '../../helpers/dx-project.js';
import { apexClass, apexTrigger, assignmentElement, decisionElement, recordTriggeredFlow, validationRule, xmlText } from '../../helpers/dx-project.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

/** `customPermissions/<name>.customPermission-meta.xml`. */
export function customPermission(name: string, label = name.replace(/_/g, ' ')): DxFile {
  return [
    `customPermissions/${name}.customPermission-meta.xml`,
    `${XML}\n<CustomPermission ${NS}>\n    <description>Owner: platform. Lets holders skip checks.</description>\n    <isLicensed>false</isLicensed>\n    <label>${xmlText(label)}</label>\n</CustomPermission>\n`,
  ];
}

/** The container with `<customPermissions>` grants added first (Salesforce sorts them there). */
export function granting(file: DxFile, permissions: string[], enabled = true): DxFile {
  const blocks = permissions.map((name) => `    <customPermissions>\n        <enabled>${enabled}</enabled>\n        <name>${name}</name>\n    </customPermissions>`).join('\n');
  return [file[0], file[1].replace(/(<(PermissionSet|Profile|MutingPermissionSet) [^>]*>)\n/, `$1\n${blocks}\n`)];
}

/**
 * Automation that checks `permission` everywhere the rule looks: an active validation rule, a flow
 * (entry criteria, a decision condition, a formula), a trigger and a class it calls; and an inactive
 * validation rule that checks it too (and must not count).
 */
export function bypassChecks(permission: string): DxFile[] {
  const decision = decisionElement('Is_Bypassed', [{ name: 'Bypassed', target: 'Set_Flag' }]).replace('$Record.Name', `$Permission.${permission}`);
  const formula = ['    <formulas>', '        <name>Skip_Sync</name>', '        <dataType>Boolean</dataType>', `        <expression>{!$Permission.${permission}}</expression>`, '    </formulas>'].join('\n');
  return [
    validationRule('Account', 'Locked_Number', { formula: `AND(ISCHANGED(AccountNumber), NOT($Permission.${permission}))` }),
    validationRule('Account', 'Old_Rule', { formula: `AND(ISBLANK(Name), NOT($Permission.${permission}))`, active: false }),
    recordTriggeredFlow({
      name: 'Account_Defaults',
      object: 'Account',
      triggerType: 'RecordBeforeSave',
      elements: [decision, formula, assignmentElement('Set_Flag', { '$Record.Description': 'bypassed' })].join('\n'),
      firstElement: 'Is_Bypassed',
      filterFormula: `NOT({!$Permission.${permission}})`,
    }),
    ...apexTrigger('AccountTrigger', 'Account', 'before update', `    if (FeatureManagement.checkPermission('${permission}')) return;\n    AccountGuard.apply(Trigger.new);`),
    ...apexClass(
      'AccountGuard',
      `public class AccountGuard {\n    public static void apply(List<Account> accounts) {\n        if (!FeatureManagement.checkPermission('${permission}')) {\n            for (Account acc : accounts) acc.Description = 'checked';\n        }\n    }\n}\n`,
    ),
  ];
}

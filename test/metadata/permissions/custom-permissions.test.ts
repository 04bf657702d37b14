import { describe, expect, it } from 'vitest';
import { parseApexClass, parseApexTrigger } from '../../../src/metadata/apex/index.js';
import { parseCustomPermission } from '../../../src/metadata/custom-permission.js';
import { flowPermissionChecks } from '../../../src/metadata/flow-permission-checks.js';
import { parsePermissionContainerWithTree, parsePermissionSet, parseProfile } from '../../../src/metadata/permissions/permission-container.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

describe('custom permissions: definitions and grants', () => {
  it('parses a CustomPermission file: label, description, licence flag, required permissions, line', () => {
    const text = [
      XML,
      `<CustomPermission ${NS}>`,
      '    <description>Owner: platform. Skips the &quot;locked&quot; rules.</description>',
      '    <isLicensed>false</isLicensed>',
      '    <label>Bypass Validation</label>',
      '    <requiredPermission><customPermission>View_Setup_Tools</customPermission><dependency>true</dependency></requiredPermission>',
      '    <requiredPermission><customPermission>Ignored</customPermission><dependency>false</dependency></requiredPermission>',
      '</CustomPermission>',
    ].join('\n');
    expect(parseCustomPermission({ file: 'customPermissions/Bypass_Validation.customPermission-meta.xml', fullName: 'Bypass_Validation', text })).toEqual({
      name: 'Bypass_Validation',
      label: 'Bypass Validation',
      description: 'Owner: platform. Skips the "locked" rules.',
      isLicensed: false,
      requires: ['View_Setup_Tools'],
      source: { file: 'customPermissions/Bypass_Validation.customPermission-meta.xml', line: 2 },
    });
    expect(() => parseCustomPermission({ file: 'x', fullName: 'X', text: `${XML}<PermissionSet ${NS}/>` })).toThrow(/CustomPermission/);
  });

  it('reads enabled customPermissions and external credential access in profiles and permission sets, the same with the selective and the tree reader', () => {
    const set = [
      XML,
      `<PermissionSet ${NS}>`,
      '    <customPermissions><enabled>true</enabled><name>Bypass_Validation</name></customPermissions>',
      '    <customPermissions><enabled>false</enabled><name>Not_Held</name></customPermissions>',
      '    <customPermissions><enabled>true</enabled><name>Approve_Discounts</name></customPermissions>',
      '    <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>ERP-Named_Principal</externalCredentialPrincipal></externalCredentialPrincipalAccesses>',
      '    <label>ERP Sync</label>',
      '</PermissionSet>',
    ].join('\n');
    const input = { file: 'permissionsets/ERP_Sync.permissionset-meta.xml', fullName: 'ERP_Sync', text: set };
    const parsed = parsePermissionSet(input);
    expect(parsed.customPermissions).toEqual(['Approve_Discounts', 'Bypass_Validation']);
    expect(parsed.externalCredentialPrincipals).toEqual(['ERP-Named_Principal']);
    expect(parsePermissionContainerWithTree('PermissionSet', input)).toEqual(parsed);

    const profile = parseProfile({ file: 'p.profile-meta.xml', fullName: 'P', text: `${XML}\n<Profile ${NS}>\n    <custom>true</custom>\n</Profile>\n` });
    // Absent, not empty, when nothing is granted: models that grant none stay as they were.
    expect('customPermissions' in profile).toBe(false);
    expect('externalCredentialPrincipals' in profile).toBe(false);
  });
});

describe('where custom permissions are checked', () => {
  it('finds $Permission in a flow’s formulas, decision conditions and entry criteria, with the element and line, not in comments', () => {
    const text = [
      XML, // 1
      `<Flow ${NS}>`, // 2
      '    <decisions>', // 3
      '        <name>Is_Bypassed</name>', // 4
      '        <rules>', // 5
      '            <name>Yes</name>', // 6
      '            <conditions><leftValueReference>$Permission.Bypass_Flows</leftValueReference></conditions>', // 7
      '        </rules>', // 8
      '    </decisions>', // 9
      '    <!-- <formulas><name>Old</name><expression>$Permission.Commented</expression></formulas> -->', // 10
      '    <formulas>', // 11
      '        <name>Skip</name>', // 12
      '        <expression>{!$Permission.Bypass_Flows} || {!$Permission.Other_One}</expression>', // 13
      '    </formulas>', // 14
      '    <start>', // 15
      '        <filterFormula>NOT({!$Permission.Bypass_Flows})</filterFormula>', // 16
      '    </start>', // 17
      '</Flow>',
    ].join('\n');
    expect(flowPermissionChecks(text)).toEqual([
      { permission: 'Bypass_Flows', where: 'decision Is_Bypassed', line: 7 },
      // A check commented out (line 10) checks nothing.
      { permission: 'Bypass_Flows', where: 'formula Skip', line: 13 },
      { permission: 'Other_One', where: 'formula Skip', line: 13 },
      { permission: 'Bypass_Flows', where: 'entry criteria', line: 16 },
    ]);
    expect(flowPermissionChecks(`${XML}<Flow ${NS}><label>No checks</label></Flow>`)).toEqual([]);
  });

  it('reads FeatureManagement.checkPermission with a literal name in classes and triggers, and nothing else', () => {
    const cls = parseApexClass({
      file: 'classes/Guard.cls',
      fullName: 'Guard',
      text: [
        'public class Guard {',
        "    static final String NAME = 'Dynamic_Name';",
        '    public static Boolean skip() {',
        "        return FeatureManagement.checkPermission('Bypass_Triggers');",
        '    }',
        '    public static Boolean other() {',
        '        Boolean a = FeatureManagement.checkPermission(NAME);',
        "        Boolean b = FeatureManagement.checkPermission(' Spaced ');",
        "        FeatureManagement.setPackageBooleanValue('X', true);",
        '        return a && b;',
        '    }',
        '}',
      ].join('\n'),
    });
    expect(cls.methods.map((method) => [method.name, method.permissionChecks])).toEqual([
      ['skip', [{ permission: 'Bypass_Triggers', line: 4 }]],
      ['other', [{ permission: 'Spaced', line: 8 }]],
    ]);
    const trigger = parseApexTrigger({ file: 'triggers/T.trigger', fullName: 'T', text: "trigger T on Account (before insert) {\n    if (!FeatureManagement.checkPermission('Bypass_Triggers')) {}\n}\n" });
    expect(trigger.body.permissionChecks).toEqual([{ permission: 'Bypass_Triggers', line: 2 }]);
    // A block that checks nothing has no list at all (models compared in other tests stay as they were).
    const plain = parseApexClass({ file: 'classes/P.cls', fullName: 'P', text: 'public class P { public void run() {} }' });
    expect('permissionChecks' in plain.methods[0]!).toBe(false);
  });
});

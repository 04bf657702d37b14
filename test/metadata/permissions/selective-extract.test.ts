import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, extractTopLevel, indexBlockNames, rootElementName } from '../../../src/metadata/permissions/selective-extract.js';
import { LineLocator } from '../../../src/metadata/lines.js';

const request = { blocks: ['fieldPermissions', 'userPermissions'], scalars: ['label', 'description', 'custom'] };

describe('decodeXmlEntities', () => {
  it('decodes the predefined entities and numeric references, and leaves unknown or invalid ones (XML has no &#X)', () => {
    expect(decodeXmlEntities('a &amp;&amp; b &lt;&gt; &quot;c&quot; &apos;d&apos; &#39;e&#39; &#x41;&#X42; &nbsp; &amp;lt;')).toBe(
      `a && b <> "c" 'd' 'e' A&#X42; &nbsp; &lt;`,
    );
    expect(decodeXmlEntities('&#1114112; &#xZZ;')).toBe('&#1114112; &#xZZ;');
  });
});

describe('extractTopLevel', () => {
  it('reads top-level scalars and blocks, ignoring nested elements of the same name', () => {
    const doc = extractTopLevel(
      `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported -->
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <loginIpRanges>
        <description>Nested, not the profile's description</description>
    </loginIpRanges>
    <fieldPermissions>
        <editable>true</editable>
        <field>Account.Note__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <layoutAssignments><layout>Account-Layout</layout></layoutAssignments>
    <userPermissions>
        <enabled>true</enabled>
        <name>ApiEnabled</name>
    </userPermissions>
</Profile>
`,
      'Profile',
      request,
    );
    expect(doc).toEqual({
      scalars: { custom: 'true' },
      blocks: {
        fieldPermissions: [{ editable: 'true', field: 'Account.Note__c', readable: 'true' }],
        userPermissions: [{ enabled: 'true', name: 'ApiEnabled' }],
      },
    });
  });

  it('handles a BOM, CRLF line ends, attributes and whitespace in tags, entities, CDATA and comments', () => {
    const text =
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\r\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata" a=\'x>y\'>\r\n' +
      '  <label >Sales &amp; Service</label >\r\n' +
      '  <description><![CDATA[Uses <b>bold</b> & more]]></description>\r\n' +
      '  <fieldPermissions >\r\n    <editable>false</editable>\r\n    <!-- <field>Commented.Out__c</field> -->\r\n' +
      '    <field   >Account.A&#95;B__c</field>\r\n    <readable>true</readable>\r\n  </fieldPermissions>\r\n' +
      '  <userPermissions><enabled/><name>ViewSetup</name></userPermissions>\r\n' +
      '</PermissionSet>\r\n<!-- trailing comment -->\r\n';
    expect(extractTopLevel(text, 'PermissionSet', request)).toEqual({
      scalars: { label: 'Sales & Service', description: 'Uses <b>bold</b> & more' },
      blocks: {
        fieldPermissions: [{ editable: 'false', field: 'Account.A_B__c', readable: 'true' }],
        userPermissions: [{ enabled: '', name: 'ViewSetup' }],
      },
    });
  });

  it('keeps the first occurrence of a repeated scalar and reads a self-closing root', () => {
    expect(extractTopLevel('<Profile><custom>false</custom><custom>true</custom></Profile>', 'Profile', request).scalars).toEqual({ custom: 'false' });
    expect(extractTopLevel('<Profile xmlns="x"/>', 'Profile', request)).toEqual({ scalars: {}, blocks: { fieldPermissions: [], userPermissions: [] } });
  });

  it('checks the root element name', () => {
    expect(() => extractTopLevel('<?xml version="1.0"?>\n<PermissionSet></PermissionSet>', 'Profile', request)).toThrow(
      'expected root element <Profile>, found <PermissionSet>',
    );
    expect(rootElementName('\ufeff<?xml version="1.0"?><!-- c --><MutingPermissionSet/>')).toBe('MutingPermissionSet');
  });

  it('refuses a DOCTYPE', () => {
    const text = '<?xml version="1.0"?><!DOCTYPE Profile [<!ENTITY lol "lol">]><Profile><label>&lol;</label></Profile>';
    expect(() => extractTopLevel(text, 'Profile', request)).toThrow(/DOCTYPE declarations are refused/);
    expect(() => extractTopLevel('<!doctype Profile><Profile/>', 'Profile', request)).toThrow(/DOCTYPE/);
  });

  it('throws clear errors on malformed documents', () => {
    expect(() => extractTopLevel('', 'Profile', request)).toThrow('the file is empty');
    expect(() => extractTopLevel('<?xml version="1.0"?>', 'Profile', request)).toThrow('no root element found');
    expect(() => extractTopLevel('hello <Profile/>', 'Profile', request)).toThrow(/text before the root element/);
    expect(() => extractTopLevel('<Profile>\n<fieldPermissions>\n<field>A</fieldPermissions>\n</Profile>', 'Profile', request)).toThrow(
      'malformed XML: expected </field> but found </fieldPermissions> at line 3',
    );
    expect(() => extractTopLevel('<Profile><custom>true</custom>', 'Profile', request)).toThrow(/unexpected end of file, <Profile> is not closed/);
    expect(() => extractTopLevel('<Profile></Profile><Profile></Profile>', 'Profile', request)).toThrow(/content after the root element/);
    expect(() => extractTopLevel('<Profile></Profile> junk', 'Profile', request)).toThrow(/text after the root element/);
    expect(() => extractTopLevel('<Profile><custom true</custom></Profile>', 'Profile', request)).toThrow(/not closed with '>'/);
    expect(() => extractTopLevel('<Profile><!-- open </Profile>', 'Profile', request)).toThrow(/comment at line 1 is not closed/);
    expect(() => extractTopLevel('<Profile>< custom/></Profile>', 'Profile', request)).toThrow(/unexpected character after '<'/);
  });

  it('reads a generated ~10 MB profile', () => {
    const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="http://soap.sforce.com/2006/04/metadata">\n'];
    let size = parts[0]!.length;
    let count = 0;
    while (size < 10 * 1024 * 1024) {
      const block = `    <fieldPermissions>\n        <editable>${count % 2 === 0}</editable>\n        <field>Object_${count % 500}__c.Field_${count}__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n`;
      parts.push(block);
      size += block.length;
      count += 1;
    }
    parts.push('    <userPermissions>\n        <enabled>true</enabled>\n        <name>ModifyAllData</name>\n    </userPermissions>\n</Profile>\n');
    const text = parts.join('');
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const doc = extractTopLevel(text, 'Profile', request);
    expect(doc.blocks['fieldPermissions']).toHaveLength(count);
    expect(doc.blocks['fieldPermissions']![count - 1]).toEqual({ editable: String((count - 1) % 2 === 0), field: `Object_${(count - 1) % 500}__c.Field_${count - 1}__c`, readable: 'true' });
    expect(doc.blocks['userPermissions']).toEqual([{ enabled: 'true', name: 'ModifyAllData' }]);
  });
});

describe('indexBlockNames', () => {
  it('maps block names to the line of their <fullName>, skipping blocks that do not start with one', () => {
    const text = [
      '<Workflow>', //                                           1
      '  <outboundMessages>', //                                 2
      '    <fullName>Send</fullName>', //                        3
      '    <fields>Id</fields>', //                              4
      '  </outboundMessages>', //                                5
      '  <fields>', //                                           6
      '    <label>no name</label>', //                           7
      '  </fields>', //                                          8
      '  <fields>', //                                           9
      '    <fullName>A&amp;B</fullName>', //                     10
      '  </fields>', //                                          11
      '  <fields><fullName>A&amp;B</fullName></fields>', //      12
      '</Workflow>',
    ].join('\n');
    const locator = new LineLocator(text);
    expect([...indexBlockNames(text, 'fields', (offset) => locator.lineAt(offset))]).toEqual([['A&B', 10]]);
    expect([...indexBlockNames(text, 'outboundMessages', (offset) => locator.lineAt(offset))]).toEqual([['Send', 3]]);
  });
});

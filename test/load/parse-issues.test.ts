import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { review } from '../../src/review/review.js';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'arch-review-issues-'));
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, 'force-app', 'main', 'default', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return root;
}

describe('a bad file becomes a ParseIssue and the review goes on', () => {
  it('reports each unreadable file with its path and reads the rest', async () => {
    const root = project({
      'flows/Good.flow-meta.xml': `${XML}<Flow ${NS}><label>Good</label><processType>AutoLaunchedFlow</processType><status>Active</status></Flow>`,
      'flows/Truncated.flow-meta.xml': `${XML}<Flow ${NS}><label>Trunc`,
      'objects/Account/fields/Empty__c.field-meta.xml': '',
      'objects/Account/fields/Fine__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Fine__c</fullName><type>Checkbox</type><defaultValue>false</defaultValue></CustomField>`,
      'permissionsets/Wrong.permissionset-meta.xml': `${XML}<Profile ${NS}><custom>true</custom></Profile>`,
      'permissionsets/Entities.permissionset-meta.xml': `${XML}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><PermissionSet ${NS}><label>&lol2;</label></PermissionSet>`,
    });
    const { model, result } = await review({ baseDir: root, sourceDirs: [] });
    expect(model.flows.map((flow) => flow.name)).toEqual(['Good']);
    expect(model.objects.find((object) => object.name === 'Account')?.fields.map((field) => field.name)).toEqual(['Fine__c']);
    expect(result.parseIssues.map((issue) => `${issue.type} ${issue.file}`)).toEqual([
      'Flow force-app/main/default/flows/Truncated.flow-meta.xml',
      'CustomField force-app/main/default/objects/Account/fields/Empty__c.field-meta.xml',
      'PermissionSet force-app/main/default/permissionsets/Entities.permissionset-meta.xml',
      'PermissionSet force-app/main/default/permissionsets/Wrong.permissionset-meta.xml',
    ]);
    const messages = result.parseIssues.map((issue) => issue.message).join('\n');
    expect(messages).toMatch(/empty/);
    expect(messages).toMatch(/DOCTYPE/);
    expect(messages).toMatch(/expected root element <PermissionSet>, found <Profile>/);
  });

  it('reads an empty project as an empty model, not an error', async () => {
    const root = project({});
    mkdirSync(join(root, 'force-app'), { recursive: true });
    const { result } = await review({ baseDir: root, sourceDirs: [] });
    expect(result.parseIssues).toEqual([]);
    expect(result.summary.objects).toEqual([]);
  });
});

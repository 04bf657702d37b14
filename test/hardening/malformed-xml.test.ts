import { describe, expect, it } from 'vitest';
import { parseMetadataXml } from '../../src/metadata/xml.js';
import { flowXml, hostileProject, NS, permissionSetXml, reviewDir, SRC, XML } from './kit.js';

/** Each bad file either parses into the model or is a ParseIssue naming it: never lost, never a crash. */
async function expectReadOrReported(files: Record<string, string | Buffer>, expectIssue: Record<string, RegExp>) {
  const root = hostileProject(files);
  const { model, result } = await reviewDir(root);
  for (const [path, message] of Object.entries(expectIssue)) {
    const issue = result.parseIssues.find((entry) => entry.file === `${SRC}/${path}`);
    expect(issue, `${path} should be a ParseIssue`).toBeDefined();
    expect(issue!.message).toMatch(message);
  }
  return { model, result };
}

describe('malformed XML ends as a ParseIssue, the review goes on', () => {
  it('truncated, unclosed, wrong root and empty files are reported by path', async () => {
    const { model } = await expectReadOrReported(
      {
        'flows/Good.flow-meta.xml': flowXml('Good', ''),
        'flows/Truncated.flow-meta.xml': flowXml('Truncated', '').slice(0, 80),
        'flows/Unclosed.flow-meta.xml': `${XML}<Flow ${NS}><label>Unclosed</label><status>Active</Flow>`,
        'flows/WrongRoot.flow-meta.xml': `${XML}<Workflow ${NS}></Workflow>`,
        'flows/Empty.flow-meta.xml': '',
        'flows/Blank.flow-meta.xml': '   \n\t\n',
      },
      {
        'flows/Truncated.flow-meta.xml': /malformed XML|unclosed|closing/i,
        'flows/Unclosed.flow-meta.xml': /malformed XML/,
        'flows/WrongRoot.flow-meta.xml': /expected root element <Flow>, found <Workflow>/,
        'flows/Empty.flow-meta.xml': /empty/,
        'flows/Blank.flow-meta.xml': /empty/,
      },
    );
    expect(model.flows.map((flow) => flow.name)).toEqual(['Good']);
  });

  it('a connector to a missing element and an unknown element type still parse', async () => {
    const dangling = '<start><locationX>0</locationX><locationY>0</locationY><connector><targetReference>Nowhere</targetReference></connector></start>';
    const unknown = '<quantumLeaps><name>Leap</name><label>Leap</label><connector><targetReference>Nowhere</targetReference></connector></quantumLeaps>';
    const { model, result } = await expectReadOrReported(
      { 'flows/Dangling.flow-meta.xml': flowXml('Dangling', dangling), 'flows/Unknown.flow-meta.xml': flowXml('Unknown', `${unknown}\n${dangling}`) },
      {},
    );
    expect(model.flows.map((flow) => flow.name)).toEqual(['Dangling', 'Unknown']);
    expect(result.parseIssues).toEqual([]);
  });

  it('a profile with duplicate entries is read, each grant once', async () => {
    const grant = '<fieldPermissions><editable>true</editable><field>Account.Rating</field><readable>true</readable></fieldPermissions>';
    const { model } = await expectReadOrReported(
      { 'profiles/Dup.profile-meta.xml': `${XML}<Profile ${NS}><custom>true</custom>${grant}${grant}${grant}<userLicense>Salesforce</userLicense></Profile>` },
      {},
    );
    expect(model.profiles.map((profile) => profile.name)).toEqual(['Dup']);
  });

  it('a BOM is skipped; UTF-16 with a BOM is decoded; invalid UTF-8 is reported', async () => {
    const utf16be = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(permissionSetXml('SixteenBe').replace('UTF-8', 'UTF-16'), 'utf16le')]).swap16();
    const invalid = Buffer.concat([Buffer.from(permissionSetXml('Bad').slice(0, 120)), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80]), Buffer.from(permissionSetXml('Bad').slice(120))]);
    const { model } = await expectReadOrReported(
      {
        'permissionsets/Bom.permissionset-meta.xml': `\ufeff${permissionSetXml('Bom')}`,
        'permissionsets/Sixteen.permissionset-meta.xml': Buffer.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(permissionSetXml('Sixteen'), 'utf16le')])),
        'permissionsets/SixteenBe.permissionset-meta.xml': utf16be,
        'permissionsets/Invalid.permissionset-meta.xml': invalid,
      },
      { 'permissionsets/Invalid.permissionset-meta.xml': /UTF-8/ },
    );
    expect(model.permissionSets.map((set) => set.name)).toEqual(['Bom', 'Sixteen', 'SixteenBe']);
    expect(model.permissionSets.find((set) => set.name === 'Sixteen')?.label).toBe('Sixteen');
  });

  it('DOCTYPEs (billion laughs, external entities) are refused as ParseIssues', async () => {
    const laughs = `${XML}<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><PermissionSet ${NS}><label>&lol9;</label></PermissionSet>`;
    const external = `${XML}<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><PermissionSet ${NS}><label>&xxe;</label></PermissionSet>`;
    const { model } = await expectReadOrReported(
      { 'permissionsets/Laughs.permissionset-meta.xml': laughs, 'permissionsets/Xxe.permissionset-meta.xml': external },
      { 'permissionsets/Laughs.permissionset-meta.xml': /DOCTYPE/, 'permissionsets/Xxe.permissionset-meta.xml': /DOCTYPE/ },
    );
    expect(model.permissionSets).toEqual([]);
  });

  it('100,000-deep nesting neither overflows the stack nor is lost', async () => {
    const nest = (depth: number): string => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    const deepFlow = flowXml('Deep', `<description>${nest(100_000)}</description>`);
    expect(() => parseMetadataXml(deepFlow)).toThrow(/nested/i);
    // The permission set extractor walks tags with its own stack: it parses, skipping the nesting.
    const deepSet = permissionSetXml('DeepSet', `<description>${nest(100_000)}</description>`);
    const { model } = await expectReadOrReported(
      { 'flows/Deep.flow-meta.xml': deepFlow, 'permissionsets/DeepSet.permissionset-meta.xml': deepSet },
      { 'flows/Deep.flow-meta.xml': /nested/i },
    );
    expect(model.permissionSets.map((set) => set.name)).toEqual(['DeepSet']);
  });

  it('a single 50 MB line is parsed, not a hang', async () => {
    const description = 'x'.repeat(50 * 1024 * 1024);
    const { model } = await expectReadOrReported({ 'permissionsets/Wide.permissionset-meta.xml': permissionSetXml('Wide', `<description>${description}</description>`).replace(/\n/g, '') }, {});
    expect(model.permissionSets.map((set) => set.name)).toEqual(['Wide']);
  }, 60_000);
});

// 200 MB takes tens of seconds and ~2 GB of memory: run with HEAVY=1 (docs/hardening.md).
describe.skipIf(!process.env['HEAVY'])('a 200 MB file', () => {
  it('is read or reported, without a crash', async () => {
    const grant = '<fieldPermissions><editable>false</editable><field>Account.F</field><readable>true</readable></fieldPermissions>\n';
    const body = grant.repeat(Math.ceil((200 * 1024 * 1024) / grant.length));
    const root = hostileProject({ 'permissionsets/Huge.permissionset-meta.xml': permissionSetXml('Huge', body) });
    const { model, result } = await reviewDir(root);
    const read = model.permissionSets.some((set) => set.name === 'Huge');
    const reported = result.parseIssues.some((issue) => issue.file.endsWith('Huge.permissionset-meta.xml'));
    expect(read || reported).toBe(true);
  }, 600_000);
});

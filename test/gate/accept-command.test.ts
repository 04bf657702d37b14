import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptFinding, type Acceptance, addAcceptance, checkAcceptance } from '../../src/gate/accept-command.js';
import { applyAcceptances } from '../../src/gate/accepted.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { fixturesDir } from '../helpers/paths.js';
import { finding } from '../report/result-kit.js';

const ACCEPT: Acceptance = { fingerprint: 'd141e71618e95794', reason: 'Bounded: the handler stops at depth 2 # see ADR-7', owner: 'sales-ops', expires: '2027-03-31' };

const COMMENTED = `# Acme's policy. Every comment below must survive.
systems:
  sap:
    owns: [Account.SAP_*]   # inline, flow style, odd spacing

# Risks we live with (reviewed monthly)
accepted:
    # an indented comment before the first item
    - fingerprint: 0123456789abcdef   # the old cycle
      reason: 'single-quoted: kept as is'
      owner: platform
      expires: 2027-01-31

    # a comment after the last item, before the next section
rules:
  hygiene/missing-owner: { severity: info }  # flow mapping
# the end
`;

/** The added lines, and the text with them taken out (which must be the original, byte for byte). */
function diff(before: string, after: string): { added: string[]; rest: string } {
  const old = before.split('\n');
  const now = after.split('\n');
  let start = 0;
  while (start < old.length && old[start] === now[start]) start++;
  const added = now.slice(start, start + (now.length - old.length));
  return { added, rest: [...now.slice(0, start), ...now.slice(start + added.length)].join('\n') };
}

describe('--accept: one entry appended to arch-review.yml', () => {
  it('keeps every comment and line of a commented file, and adds the entry at the list’s indentation', () => {
    const after = addAcceptance(COMMENTED, ACCEPT);
    const { added, rest } = diff(COMMENTED, after);
    expect(rest).toBe(COMMENTED);
    expect(added).toEqual([
      '    - fingerprint: d141e71618e95794',
      '      reason: "Bounded: the handler stops at depth 2 # see ADR-7"',
      '      owner: sales-ops',
      '      expires: 2027-03-31',
    ]);
    // Right after the last item's last value line: the trailing comment stays where it was.
    expect(after.indexOf('expires: 2027-03-31')).toBeLessThan(after.indexOf('# a comment after the last item'));
    const loaded = parsePolicy(after, 'arch-review.yml');
    expect(loaded.policy.accepted).toEqual([
      { fingerprint: '0123456789abcdef', reason: 'single-quoted: kept as is', owner: 'platform', expires: '2027-01-31' },
      ACCEPT,
    ]);
    expect(loaded.warnings).toEqual([]);
  });

  it('writes a comment naming the finding above the entry, on one line', () => {
    const after = addAcceptance(COMMENTED, ACCEPT, 'arch-review.yml', 'recursion/cross-object-cycle: Account → Opportunity\n# → Account');
    expect(diff(COMMENTED, after).added[0]).toBe('    # recursion/cross-object-cycle: Account → Opportunity # → Account');
    expect(parsePolicy(after, 'arch-review.yml').policy.accepted).toHaveLength(2);
  });

  it('keeps the sample project’s real policy intact', () => {
    const text = readFileSync(join(fixturesDir, 'acme', 'arch-review.yml'), 'utf8');
    const after = addAcceptance(text, ACCEPT);
    const { added, rest } = diff(text, after);
    expect(rest).toBe(text);
    expect(added.length).toBeGreaterThanOrEqual(4);
    const loaded = parsePolicy(after, 'arch-review.yml');
    expect(loaded.policy.accepted!.at(-1)).toEqual(ACCEPT);
    const cycle = finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', fingerprint: ACCEPT.fingerprint });
    expect(applyAcceptances([cycle], loaded, '2026-11-23').accepted).toHaveLength(1);
  });

  it('adds an accepted section at the end when there is none, and handles a list at column 0', () => {
    const plain = '# no risks yet\ndefaultOwner: salesforce # who owns the rest';
    const after = addAcceptance(plain, ACCEPT);
    expect(after.startsWith(`${plain}\n`)).toBe(true);
    expect(after.slice(plain.length)).toBe(
      '\naccepted:\n  - fingerprint: d141e71618e95794\n    reason: "Bounded: the handler stops at depth 2 # see ADR-7"\n    owner: sales-ops\n    expires: 2027-03-31\n',
    );
    const flush = 'accepted:\n- fingerprint: aaaaaaaaaaaaaaaa\n  reason: r\n  owner: o\n  expires: 2027-01-01\n';
    const second = addAcceptance(flush, ACCEPT);
    expect(diff(flush, second).added[0]).toBe('- fingerprint: d141e71618e95794');
    expect(parsePolicy(second, 'p').policy.accepted).toHaveLength(2);
    expect(addAcceptance('', ACCEPT)).toBe(`accepted:\n  - fingerprint: d141e71618e95794\n    reason: "Bounded: the handler stops at depth 2 # see ADR-7"\n    owner: sales-ops\n    expires: 2027-03-31\n`);
  });

  it('turns an empty or flow-style list into a block list, keeping the rest of the file', () => {
    for (const value of ['[]', '', '~', '[ {fingerprint: aaaaaaaaaaaaaaaa, reason: r, owner: o, expires: 2027-01-01} ]']) {
      const text = `# top\naccepted: ${value}   # keep me\nrules: {}\n# end\n`;
      const after = addAcceptance(text, ACCEPT);
      const loaded = parsePolicy(after, 'p');
      expect(loaded.policy.accepted!.at(-1), value).toEqual(ACCEPT);
      expect(loaded.policy.rules).toEqual({});
      expect(after).toContain('# keep me');
      expect(after.startsWith('# top\naccepted:')).toBe(true);
      expect(after.endsWith('rules: {}\n# end\n')).toBe(true);
    }
  });

  it('refuses a second entry for the same fingerprint, a broken file, and bad flag values (exit code 2)', () => {
    const once = addAcceptance('', ACCEPT);
    expect(() => addAcceptance(once, ACCEPT)).toThrow(expect.objectContaining({ exitCode: 2, name: 'AlreadyAccepted' }));
    expect(() => addAcceptance('accepted: [', ACCEPT)).toThrow(expect.objectContaining({ exitCode: 2, name: 'InvalidPolicy' }));
    expect(() => addAcceptance('- a list\n', ACCEPT)).toThrow(expect.objectContaining({ name: 'InvalidPolicy' }));
    expect(() => checkAcceptance({ ...ACCEPT, fingerprint: 'not hex!' })).toThrow(/fingerprint/);
    expect(() => checkAcceptance({ ...ACCEPT, reason: ' ' })).toThrow(/--reason/);
    expect(() => checkAcceptance({ ...ACCEPT, owner: '' })).toThrow(/--owner/);
    expect(() => checkAcceptance({ ...ACCEPT, expires: '31/03/2027' })).toThrow(/YYYY-MM-DD/);
    expect(() => checkAcceptance({ ...ACCEPT, expires: '2026-01-01' }, '2026-11-23')).toThrow(/before the review date/);
    expect(() => checkAcceptance(ACCEPT, '2026-11-23')).not.toThrow();
  });

  it('writes the file (creating it when missing) and says on which line the entry is', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'arch-review-accept-'));
    const created = await acceptFinding({ baseDir: folder, acceptance: ACCEPT, asOf: '2026-11-23' });
    expect(created).toEqual({ file: 'arch-review.yml', created: true, line: 2 });
    writeFileSync(join(folder, 'custom.yml'), COMMENTED);
    const cycle = finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', fingerprint: ACCEPT.fingerprint, message: 'Account → Opportunity → Account' });
    const appended = await acceptFinding({ baseDir: folder, policyFile: 'custom.yml', acceptance: ACCEPT, finding: cycle });
    expect(appended).toEqual({ file: 'custom.yml', created: false, line: 14 });
    const text = readFileSync(join(folder, 'custom.yml'), 'utf8');
    expect(text.split('\n')[12]).toBe('    # recursion/cross-object-cycle: Account → Opportunity → Account');
    expect(diff(COMMENTED, text).rest).toBe(COMMENTED);
  });
});

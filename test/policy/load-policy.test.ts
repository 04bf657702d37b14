import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../src/policy/load-policy.js';

describe('the policy file', () => {
  it('reads a valid policy and says where each key is', () => {
    const loaded = parsePolicy('systems:\n  sap:\n    label: SAP\n    owns: [Account.Credit_Limit__c, "Account.ERP_*"]\n', 'arch-review.yml');
    expect(loaded.policy.systems?.sap?.owns).toEqual(['Account.Credit_Limit__c', 'Account.ERP_*']);
    expect(loaded.lineOf(['systems', 'sap', 'owns', 1])).toBe(4);
    expect(loaded.warnings).toEqual([]);
  });

  it('fails with file, line and what is wrong on a schema error', () => {
    expect(() => parsePolicy('rules:\n  recursion/self-update:\n    severity: huge\n', 'arch-review.yml')).toThrow(
      /arch-review\.yml:3: rules\.recursion\/self-update\.severity must be one of critical, high, medium, low, info/,
    );
  });

  it('fails on a date that is not YYYY-MM-DD, naming the line', () => {
    expect(() => parsePolicy('owners:\n  - match: "Flow:Campaign_*"\n    expires: next year\n', 'arch-review.yml')).toThrow(/arch-review\.yml:3: owners\.0\.expires must be a date, YYYY-MM-DD/);
  });

  it('fails on invalid YAML with the line', () => {
    expect(() => parsePolicy('systems:\n  sap: [\n', 'arch-review.yml')).toThrow(/arch-review\.yml:\d+: not valid YAML/);
  });

  it('warns about unknown keys with their line, and goes on', () => {
    const loaded = parsePolicy('systems:\n  sap:\n    owns: [Account.X__c]\n    lable: SAP\n', 'arch-review.yml');
    expect(loaded.warnings).toEqual(['arch-review.yml:4: unknown key "lable" in systems.sap is ignored']);
  });

  it('is optional: no file, empty policy; a missing --policy file is an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arch-review-policy-'));
    expect(loadPolicy(dir).policy).toEqual({});
    expect(() => loadPolicy(dir, 'missing.yml')).toThrow(/The policy file missing\.yml does not exist/);
    writeFileSync(join(dir, 'arch-review.yml'), 'defaultOwner: salesforce\n');
    expect(loadPolicy(dir)).toMatchObject({ policy: { defaultOwner: 'salesforce' }, file: 'arch-review.yml' });
  });
});

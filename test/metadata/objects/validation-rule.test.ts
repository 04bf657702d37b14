import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseValidationRule } from '../../../src/metadata/objects/validation-rule.js';
import type { ParseInput } from '../../../src/metadata/parse-input.js';
import { corpusDir, fixturesDir } from '../../helpers/paths.js';
import { hasCorpus } from '../../helpers/corpus.js';

function fixture(fullName: string): ParseInput {
  const name = `${fullName}.validationRule-meta.xml`;
  return { file: `fixtures/parsers/validation-rule/${name}`, fullName, text: readFileSync(join(fixturesDir, 'parsers', 'validation-rule', name), 'utf8') };
}

describe('parseValidationRule', () => {
  it('reads an active rule with $Permission/$Setup/$User/$Profile bypasses and ISCHANGED/PRIORVALUE', () => {
    const rule = parseValidationRule(fixture('Account.Credit_Limit_Change_Control'));
    expect(rule.object).toBe('Account');
    expect(rule.name).toBe('Credit_Limit_Change_Control');
    expect(rule.fullName).toBe('Account.Credit_Limit_Change_Control');
    expect(rule.active).toBe(true);
    expect(rule.description).toBe('Only Finance may raise a credit limit; integrations and admins are bypassed.');
    expect(rule.errorDisplayField).toBe('Credit_Limit__c');
    expect(rule.errorMessage).toBe('Only Finance can raise the credit limit.');
    expect(rule.errorConditionFormula).toContain("$User.Username <> 'integration@acme.example.com'");
    expect(rule.references).toEqual({
      fields: ['Credit_Limit__c'],
      globals: ['$Permission.Bypass_Validation_Rules', '$Profile.Name', '$Setup.Automation_Settings__c.Disable_Validation_Rules__c', '$User.Username'],
      bypass: ['$Permission.Bypass_Validation_Rules', '$Profile.Name', '$Setup.Automation_Settings__c.Disable_Validation_Rules__c', '$User.Username'],
      functions: ['AND', 'ISCHANGED', 'NOT', 'PRIORVALUE'],
    });
    expect(rule.source).toEqual({ file: 'fixtures/parsers/validation-rule/Account.Credit_Limit_Change_Control.validationRule-meta.xml', line: 2 });
  });

  it('reads an inactive rule without a description or error display field', () => {
    const rule = parseValidationRule(fixture('Opportunity.Legacy_Stage_Check'));
    expect(rule.active).toBe(false);
    expect(rule.description).toBeUndefined();
    expect(rule.errorDisplayField).toBeUndefined();
    expect(rule.references.fields).toEqual(['Account.ERP_Id__c', 'StageName']);
    expect(rule.references.bypass).toEqual([]);
  });

  it('throws on a wrong root element', () => {
    expect(() =>
      parseValidationRule({ file: 'x', fullName: 'Account.X', text: '<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>X</fullName></CustomField>' }),
    ).toThrow(/expected root element <ValidationRule>, found <CustomField>/);
  });

  it('throws on malformed XML and on a rule without a formula', () => {
    expect(() => parseValidationRule({ file: 'x', fullName: 'Account.X', text: '<ValidationRule><active>true</active>' })).toThrow(/Unclosed tag 'ValidationRule'/);
    expect(() =>
      parseValidationRule({ file: 'x', fullName: 'Account.X', text: '<ValidationRule><active>true</active></ValidationRule>' }),
    ).toThrow(/validation rule X has no <errorConditionFormula>/);
  });
});

describe.runIf(hasCorpus)('parseValidationRule on the real corpus', () => {
  const files = (readdirSync(corpusDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.validationRule-meta.xml')).sort();
  const inputOf = (relative: string): ParseInput => ({
    file: relative,
    fullName: `${basename(dirname(dirname(relative)))}.${basename(relative, '.validationRule-meta.xml')}`,
    text: readFileSync(join(corpusDir, relative), 'utf8'),
  });

  it('parses every .validationRule-meta.xml without throwing', () => {
    expect(files.length).toBe(10);
    for (const file of files) expect(() => parseValidationRule(inputOf(file)), file).not.toThrow();
  });

  it('reads a Technology-Transfer-Starter date check', () => {
    const rule = parseValidationRule(
      inputOf('SalesforceLabs__Technology-Transfer-Starter/force-app/main/default/objects/TTS_Mentoring_Opportunity__c/validationRules/Dates_Check.validationRule-meta.xml'),
    );
    expect(rule).toMatchObject({ fullName: 'TTS_Mentoring_Opportunity__c.Dates_Check', active: true, description: 'End Date cannot be before Start Date' });
    expect(rule.references.fields).toEqual(['Mentoring_End_Date__c', 'Mentoring_Start_Date__c']);
    expect(rule.references.functions).toEqual(['AND', 'ISBLANK', 'NOT']);
  });
});

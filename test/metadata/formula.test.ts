import { describe, expect, it } from 'vitest';
import { extractFormulaReferences } from '../../src/metadata/formula.js';

describe('extractFormulaReferences', () => {
  it('collects fields, functions and sorts/de-duplicates them', () => {
    const refs = extractFormulaReferences('AND(ISCHANGED(Amount), Amount > PRIORVALUE(Amount), ISBLANK(CloseDate))');
    expect(refs).toEqual({
      fields: ['Amount', 'CloseDate'],
      globals: [],
      bypass: [],
      functions: ['AND', 'ISBLANK', 'ISCHANGED', 'PRIORVALUE'],
    });
  });

  it('reads dotted paths, relationship paths and upper-cases function names', () => {
    const refs = extractFormulaReferences('if(len(Account.Owner.Name) > 0, Parent__r.Field__c, Contact__r.Account.Name)');
    expect(refs.fields).toEqual(['Account.Owner.Name', 'Contact__r.Account.Name', 'Parent__r.Field__c']);
    expect(refs.functions).toEqual(['IF', 'LEN']);
  });

  it('skips string literals, even when they look like fields or contain quotes and comment markers', () => {
    const refs = extractFormulaReferences(
      `Name = 'Account.Owner.Name' || Description = "say \\"Hi\\" to $User.Id /* not a comment */" || Status__c = 'It\\'s ISCHANGED(X)'`,
    );
    expect(refs.fields).toEqual(['Description', 'Name', 'Status__c']);
    expect(refs.globals).toEqual([]);
    expect(refs.functions).toEqual([]);
  });

  it('skips comments and numbers', () => {
    const refs = extractFormulaReferences('/* Old_Field__c was removed; ISNEW() */ Amount * 1.5 + .25 - 100 > Threshold__c /* trailing');
    expect(refs.fields).toEqual(['Amount', 'Threshold__c']);
    expect(refs.functions).toEqual([]);
  });

  it('does not take TRUE, FALSE, NULL (any case) or bare AND/OR/NOT for fields', () => {
    const refs = extractFormulaReferences('Primary_Contact__r.Email <> NULL && Do_Not_Call__c <> True && IsClosed = false || Flag__c AND Other__c');
    expect(refs.fields).toEqual(['Do_Not_Call__c', 'Flag__c', 'IsClosed', 'Other__c', 'Primary_Contact__r.Email']);
    expect(refs.functions).toEqual([]);
  });

  it('counts AND/OR/NOT as functions when called, including with a space before the bracket', () => {
    const refs = extractFormulaReferences('or (NOT(A__c), and(B__c, C__c))');
    expect(refs.functions).toEqual(['AND', 'NOT', 'OR']);
    expect(refs.fields).toEqual(['A__c', 'B__c', 'C__c']);
  });

  it('handles nested functions', () => {
    const refs = extractFormulaReferences('IF(ISPICKVAL(Stage__c, "Won"), TEXT(ROUND(Amount__c * VALUE(TEXT(Rate__c)), 2)), BLANKVALUE(Note__c, ""))');
    expect(refs.functions).toEqual(['BLANKVALUE', 'IF', 'ISPICKVAL', 'ROUND', 'TEXT', 'VALUE']);
    expect(refs.fields).toEqual(['Amount__c', 'Note__c', 'Rate__c', 'Stage__c']);
  });

  it('sorts globals and picks the bypass ones', () => {
    const refs = extractFormulaReferences(
      [
        '$User.Id',
        '$Setup.Bypass__c.Disable_VR__c',
        '$Permission.Bypass',
        '$Profile.Name',
        '$UserRole.Name',
        '$Label.Error_Text',
        '$RecordType.DeveloperName',
        '$CustomMetadata.Switch__mdt.Default.Off__c',
        '$Organization.Id',
        '$User.Id',
      ].join(' && '),
    );
    expect(refs.globals).toEqual([
      '$CustomMetadata.Switch__mdt.Default.Off__c',
      '$Label.Error_Text',
      '$Organization.Id',
      '$Permission.Bypass',
      '$Profile.Name',
      '$RecordType.DeveloperName',
      '$Setup.Bypass__c.Disable_VR__c',
      '$User.Id',
      '$UserRole.Name',
    ]);
    expect(refs.bypass).toEqual([
      '$CustomMetadata.Switch__mdt.Default.Off__c',
      '$Permission.Bypass',
      '$Profile.Name',
      '$Setup.Bypass__c.Disable_VR__c',
      '$User.Id',
      '$UserRole.Name',
    ]);
    expect(refs.fields).toEqual([]);
  });

  it('handles &&, ||, <>, != and == without gluing operands together', () => {
    const refs = extractFormulaReferences('A__c&&B__c||C__c<>D__c!=E__c==F__c&G__c');
    expect(refs.fields).toEqual(['A__c', 'B__c', 'C__c', 'D__c', 'E__c', 'F__c', 'G__c']);
  });

  it('strips merge-field braces', () => {
    const refs = extractFormulaReferences('{!Account.Name} & {!$User.FirstName} & {!IF(IsWon, "y", "n")}');
    expect(refs.fields).toEqual(['Account.Name', 'IsWon']);
    expect(refs.globals).toEqual(['$User.FirstName']);
    expect(refs.functions).toEqual(['IF']);
  });

  it('reads polymorphic paths and multi-line formulas', () => {
    const refs = extractFormulaReferences('CASE(\n  Type,\n  "A", Owner:User.Email,\r\n  What.Name\n)');
    expect(refs.fields).toEqual(['Owner:User.Email', 'Type', 'What.Name']);
    expect(refs.functions).toEqual(['CASE']);
  });

  it('returns empty lists for an empty or missing formula and never throws on junk', () => {
    const empty = { fields: [], globals: [], bypass: [], functions: [] };
    expect(extractFormulaReferences('')).toEqual(empty);
    expect(extractFormulaReferences(undefined)).toEqual(empty);
    expect(() => extractFormulaReferences('(((\'unterminated "x $ # @ ] [ }')).not.toThrow();
    expect(extractFormulaReferences('$ + 1').globals).toEqual([]);
  });
});

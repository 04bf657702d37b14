import { describe, expect, it } from 'vitest';
import { parseAssignmentsCsv, readAssignmentsFile } from '../../src/permissions/assignments-file.js';
import { groupByUser } from '../../src/permissions/assignments.js';
import { fixturesDir } from '../helpers/paths.js';

describe('--assignments CSV', () => {
  it('reads the short header and the SOQL field paths, quotes, CRLF and a BOM', () => {
    const short = parseAssignmentsCsv('\uFEFFUsername,PermissionSet,PermissionSetGroup,Profile\r\nsap@acme.com,SAP_Integration,,"SAP Integration Profile"\r\n\r\n', 'a.csv');
    expect(short).toEqual([{ username: 'sap@acme.com', permissionSet: 'SAP_Integration', profile: 'SAP Integration Profile', line: 2 }]);
    const soql = parseAssignmentsCsv(
      'Assignee.Username,PermissionSet.Name,PermissionSetGroup.DeveloperName,Assignee.Profile.Name\n"jane@acme.com","X00e5000000abcDEF","","Sales, EMEA ""North"""\njane@acme.com,Sales_Pack_PS,Sales_Pack,"Sales, EMEA ""North"""\n',
      'b.csv',
    );
    expect(soql).toEqual([
      { username: 'jane@acme.com', permissionSet: 'X00e5000000abcDEF', profile: 'Sales, EMEA "North"', line: 2 },
      { username: 'jane@acme.com', permissionSet: 'Sales_Pack_PS', permissionSetGroup: 'Sales_Pack', profile: 'Sales, EMEA "North"', line: 3 },
    ]);
  });

  it('groups rows per user: the profile’s own set is the profile, a group row keeps the group only', () => {
    const rows = parseAssignmentsCsv(
      [
        'Username,PermissionSet,PermissionSetGroup,Profile',
        'Jane@Acme.com,X00e5000000abcDEF,,Sales User',
        'jane@acme.com,Reports,,Sales User',
        'jane@acme.com,Sales_Pack_PS,Sales_Pack,Sales User',
        'bot@acme.com,Bot_Access,,',
      ].join('\n'),
      'c.csv',
    );
    expect(groupByUser(rows)).toEqual([
      { username: 'bot@acme.com', permissionSets: ['Bot_Access'], permissionSetGroups: [], line: 5 },
      { username: 'Jane@Acme.com', profile: 'Sales User', permissionSets: ['Reports'], permissionSetGroups: ['Sales_Pack'], line: 2 },
    ]);
  });

  it('fails fast with the file, the line and what to do', () => {
    const fail = (text: string): string => {
      try {
        parseAssignmentsCsv(text, 'org/assignments.csv');
      } catch (error) {
        expect((error as { exitCode?: number }).exitCode).toBe(2);
        expect((error as { actions?: string[] }).actions?.join(' ')).toContain('PermissionSetAssignment');
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(fail('')).toBe('org/assignments.csv:1: not a valid assignments file: the file is empty; the first line must be the header Username,PermissionSet,PermissionSetGroup,Profile.');
    expect(fail('User,PermissionSet\nx,y\n')).toBe('org/assignments.csv:1: not a valid assignments file: the header has no Username column (found: User, PermissionSet).');
    expect(fail('Username\nx\n')).toContain('the header needs PermissionSet, PermissionSetGroup or Profile next to Username');
    expect(fail('Username,PermissionSet,PermissionSetGroup,Profile\na@acme.com,A,,P\nb@acme.com,B\n')).toBe(
      'org/assignments.csv:3: not a valid assignments file: expected 4 values, as in the header, found 2.',
    );
    expect(fail('Username,PermissionSet\na@acme.com,A\n,B\n')).toBe('org/assignments.csv:3: not a valid assignments file: the Username is empty.');
    expect(fail('Username,PermissionSet\na@acme.com,A\nb@acme.com,"B\n\n')).toBe('org/assignments.csv:3: not a valid assignments file: a quoted value is never closed.');
    expect(() => readAssignmentsFile(fixturesDir, 'none.csv')).toThrow('The assignments file none.csv does not exist.');
  });
});

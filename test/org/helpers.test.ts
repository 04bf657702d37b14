import { SfError } from '@salesforce/core';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/org/errors.js';
import { assignmentsExport, coverageGaps } from '../../src/org/index.js';
import type { OrgSnapshot } from '../../src/org/types.js';
import { mergePermissionXml } from '../../src/org/merge-tree.js';
import { redact } from '../../src/org/redact.js';
import { toFailure } from '../../src/org/retrieve-batch.js';
import { FAKE_TOKEN } from '../helpers/fake-org/server.js';

describe('redact', () => {
  it('removes access tokens wherever they appear', () => {
    expect(redact(`token ${FAKE_TOKEN} end`)).toBe('token [redacted] end');
    expect(redact('<sessionId>00D5g000004abcd!AQ8AQJ.x_y</sessionId>')).toBe('<sessionId>[redacted]</sessionId>');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
    expect(redact('{"access_token":"secret-value"}')).toBe('{"access_token":"[redacted]"}');
    expect(redact('a custom secret-123 here', ['secret-123'])).toBe('a custom [redacted] here');
    expect(redact('org 00DFAKE000000001AAA is fine')).toBe('org 00DFAKE000000001AAA is fine');
  });
});

describe('classify', () => {
  const error = (name: string, message: string, cause?: unknown): Error => Object.assign(new Error(message), { name, ...(cause ? { cause } : {}) });
  it('tells faults apart by what jsforce, SDR and core throw', () => {
    expect(classify(error('sf:INVALID_SESSION_ID', 'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader'))).toBe('auth');
    expect(classify(error('INVALID_SESSION_ID', 'Session expired or invalid'))).toBe('auth');
    expect(classify(error('RefreshTokenAuthError', 'Error authenticating with the refresh token due to: expired access/refresh token'))).toBe('auth');
    expect(classify(error('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'))).toBe('request-limit');
    expect(classify(error('MetadataTransferError', 'Metadata API request failed: The client has timed out.'))).toBe('timeout');
    expect(classify(error('ERROR_HTTP_503', 'HTTP response contains html content.\nHTTP status code: 503.'))).toBe('transient');
    expect(classify(error('TypeError', 'fetch failed', error('SocketError', 'other side closed')))).toBe('transient');
    expect(classify(error('INVALID_TYPE', "sObject type 'Foo' is not supported."))).toBe('other');
    expect(classify(new SfError('x', 'OrgUnreachable'))).toBe('other');
  });
});

describe('toFailure', () => {
  it('reads the component from the problem, or else from the file', () => {
    expect(toFailure("Entity of type 'ApexClass' named 'Foo' cannot be found", 'unpackaged/package.xml')).toEqual({
      type: 'ApexClass',
      fullName: 'Foo',
      problem: "Entity of type 'ApexClass' named 'Foo' cannot be found",
    });
    expect(toFailure('An unexpected error occurred', 'unpackaged/objects/Account.object')).toEqual({ type: 'CustomObject', fullName: 'Account', problem: 'An unexpected error occurred' });
  });
});

describe('mergePermissionXml', () => {
  it('unites the entries of two copies of a profile, in Salesforce element order', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="http://soap.sforce.com/2006/04/metadata">\n';
    const field = (name: string): string => `    <fieldPermissions>\n        <editable>false</editable>\n        <field>${name}</field>\n        <readable>true</readable>\n    </fieldPermissions>\n`;
    const tail = '    <userLicense>Salesforce</userLicense>\n</Profile>\n';
    const merged = mergePermissionXml(`${head}${field('Account.A__c')}${tail}`, `${head}${field('Case.B__c')}${field('Account.A__c')}${tail}`);
    expect(merged.match(/<fieldPermissions>/g)).toHaveLength(2);
    expect(merged.match(/<userLicense>/g)).toHaveLength(1);
    expect(merged.indexOf('Case.B__c')).toBeLessThan(merged.indexOf('<userLicense>'));
    expect(merged).toContain('xmlns="http://soap.sforce.com/2006/04/metadata"');
    expect(merged.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
});

describe('review inputs from a snapshot', () => {
  const snapshot: OrgSnapshot = {
    sourceDir: '/x/metadata',
    org: { id: '00D', instanceUrl: 'https://acme.my.salesforce.com', username: 'admin@acme.example', apiVersion: '62.0', retrievedAt: '2026-01-02T03:04:05.000Z' },
    componentCounts: {},
    users: [],
    assignments: [{ username: 'a@acme.example', profile: 'Admin' }, { username: 'a@acme.example', permissionSetGroup: 'Bundle' }],
    installedPackages: [{ namespace: 'acmebill', name: 'Acme Billing', version: '1.2.0.3' }],
    componentFailures: [{ type: 'Flow', fullName: 'F', problem: 'gone' }],
    notRetrievable: [{ type: 'ApexClass', fullName: 'acmebill__X', reason: 'managed' }],
    warnings: [],
    fromCache: false,
  };

  it('gives the assignments as an --assignments export', () => {
    expect(assignmentsExport(snapshot)).toEqual({
      file: 'PermissionSetAssignment of admin@acme.example (retrieved 2026-01-02T03:04:05.000Z)',
      rows: [
        { username: 'a@acme.example', profile: 'Admin', line: 1 },
        { username: 'a@acme.example', permissionSetGroup: 'Bundle', line: 2 },
      ],
    });
  });

  it('lists every gap in coverage', () => {
    expect(coverageGaps(snapshot)).toEqual([
      { type: 'Flow', fullName: 'F', reason: 'not returned by the org: gone' },
      { type: 'ApexClass', fullName: 'acmebill__X', reason: 'managed' },
      { type: 'InstalledPackage', fullName: 'acmebill', reason: 'Acme Billing 1.2.0.3: a managed package whose automation is opaque to the review' },
    ]);
  });
});

import { SfError } from '@salesforce/core';
import { redact } from './redact.js';

/** What an error from jsforce, SDR or core means for the retrieval. */
export type FaultKind = 'auth' | 'request-limit' | 'timeout' | 'transient' | 'api-version' | 'other';

/** Everything the error says about itself, its code and its causes, as one string to classify. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
    if (typeof current !== 'object') {
      parts.push(String(current));
      break;
    }
    const record = current as { name?: unknown; message?: unknown; errorCode?: unknown; code?: unknown; cause?: unknown };
    for (const value of [record.name, record.errorCode, record.code, record.message]) if (typeof value === 'string' && value) parts.push(value);
    current = record.cause;
  }
  return parts.join(' | ');
}

/** Names of the errors this module raises: they are final and pass through unchanged. */
export const ORG_ERROR_NAMES = new Set([
  'OrgAuthExpired',
  'OrgNotAuthenticated',
  'OrgApiVersionUnsupported',
  'OrgRequestLimitExceeded',
  'OrgRetrieveTimeout',
  'OrgUnreachable',
  'OrgRetrieveFailed',
]);

export function isOrgError(error: unknown): error is SfError {
  return error instanceof SfError && ORG_ERROR_NAMES.has(error.name);
}

export function classify(error: unknown): FaultKind {
  if (isOrgError(error)) return 'other';
  const text = describeError(error);
  if (/REQUEST_LIMIT_EXCEEDED|TotalRequests Limit exceeded/i.test(text)) return 'request-limit';
  if (/INVALID_SESSION_ID|Session expired or invalid|Illegal Session|RefreshTokenAuthError|expired access\/refresh token|invalid_grant|INVALID_AUTH_HEADER/i.test(text)) return 'auth';
  if (/UNSUPPORTED_API_VERSION|Invalid Api version/i.test(text)) return 'api-version';
  if (/PollingClientTimeout|The client has timed out/i.test(text)) return 'timeout';
  if (
    /ERROR_HTTP_5\d\d|ERROR_HTTP_420|HTTP status code: 5\d\d|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_|socket hang up|other side closed|fetch failed|network socket disconnected|Service temporarily unavailable|Unable to complete the creation of the query cursor|INVALID_QUERY_LOCATOR/i.test(
      text,
    )
  ) {
    return 'transient';
  }
  return 'other';
}

/** The org's own words, without credentials, on one line. */
export function reason(error: unknown, secrets: readonly string[] = []): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message.replace(/^Metadata API request failed:\s*/, ''), secrets)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

export type OrgRef = { username: string; instanceUrl: string; alias?: string };

function loginAction(org: OrgRef): string {
  return `Log in again: sf org login web --instance-url ${org.instanceUrl} --alias ${org.alias ?? 'ALIAS'}`;
}

export function authExpiredError(org: OrgRef, midRun: boolean): SfError {
  const message = midRun
    ? `The session for ${org.username} expired or was revoked while the org was being read (INVALID_SESSION_ID). Nothing was cached from this run.`
    : `The org rejected the saved login for ${org.username}: it has expired or was revoked (INVALID_SESSION_ID).`;
  return new SfError(message, 'OrgAuthExpired', [loginAction(org), `Check the login with: sf org display --target-org ${org.username}`, 'Then run the review again.'], 1);
}

export function noAuthError(target: string): SfError {
  return new SfError(
    `No login is saved for ${target}, so the org cannot be read.`,
    'OrgNotAuthenticated',
    [
      `Log in to the org: sf org login web --alias ${target.includes('@') ? 'ALIAS' : target}`,
      'List the orgs you are logged in to: sf org list',
      'Or review local metadata instead with --source-dir.',
    ],
    2,
  );
}

export function apiVersionError(requested: string, available: readonly string[]): SfError {
  const highest = available.at(-1);
  return new SfError(
    `The org does not offer API version ${requested}. It offers ${available.at(0) ?? '?'} to ${highest ?? '?'}.`,
    'OrgApiVersionUnsupported',
    [
      highest ? `Run again with --api-version ${highest}, or without --api-version to use the org's highest version.` : 'Run again without --api-version.',
      'Check the org-api-version config value: sf config get org-api-version',
    ],
    2,
  );
}

export function requestLimitError(org: OrgRef): SfError {
  return new SfError(
    `The org has used up its API request allowance (REQUEST_LIMIT_EXCEEDED). The review stopped; nothing was cached from this run.`,
    'OrgRequestLimitExceeded',
    [
      `See the org's API usage: sf org list limits --target-org ${org.username} (DailyApiRequests)`,
      'Run the review again when the rolling 24-hour allowance has recovered, or against a sandbox.',
      'Review the last retrieved copy instead with --use-cache, if there is one.',
    ],
    1,
  );
}

export function timeoutError(waitMinutes: number, done: number, total: number, retrieveId?: string): SfError {
  return new SfError(
    `The metadata retrieve did not finish within ${waitMinutes} minute(s) (--wait); ${done} of ${total} retrieve batch(es) had finished.${retrieveId ? ` The unfinished retrieve is ${retrieveId}.` : ''}`,
    'OrgRetrieveTimeout',
    [
      `Run again with a longer wait, for example --wait ${Math.max(10, Math.ceil(waitMinutes * 2))}.`,
      'Retrieves are queued in busy orgs: try again outside business hours.',
    ],
    1,
  );
}

export function unreachableError(what: string, attempts: number, last: string): SfError {
  return new SfError(
    `The org did not answer ${what} after ${attempts} attempt(s). Last error: ${last}`,
    'OrgUnreachable',
    [
      'Check the network, VPN and proxy settings (HTTP_PROXY, HTTPS_PROXY).',
      'Check https://status.salesforce.com for an incident on the org\'s instance.',
      'Run the review again later; add --use-cache to review the last retrieved copy meanwhile.',
    ],
    1,
  );
}

export function retrieveFailedError(detail: string): SfError {
  return new SfError(
    `The org could not complete the metadata retrieve: ${detail}`,
    'OrgRetrieveFailed',
    ['Run the review again; if it fails the same way, run with SF_LOG_LEVEL=debug and report the message above.'],
    1,
  );
}

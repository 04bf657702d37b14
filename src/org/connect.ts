import { Connection, type Org } from '@salesforce/core';
import { apiVersionError } from './errors.js';
import { withRetry, type RetryContext } from './retry.js';

export type OrgConnection = { conn: Connection; apiVersion: string; versions: string[] };

/**
 * A connection of its own (the Org's stays as it was) at the requested API version, checked against
 * the versions the org offers: SDR would quietly step down to the org's highest, and the report must
 * say which version it read.
 */
export async function connect(org: Org, requested: string | undefined, retry: RetryContext): Promise<OrgConnection> {
  const base = org.getConnection();
  const listed = await withRetry('the API version list', () => base.request<Array<{ version: string }>>({ method: 'GET', url: `${base.instanceUrl}/services/data` }), retry);
  const versions = listed.map((entry) => entry.version).sort((a, b) => Number(a) - Number(b));
  const normalized = requested === undefined ? undefined : /^\d+$/.test(requested) ? `${requested}.0` : requested;
  if (normalized !== undefined && !versions.includes(normalized)) throw apiVersionError(requested!, versions);
  const apiVersion = normalized ?? versions.at(-1) ?? base.getApiVersion();
  const conn = await Connection.create({ authInfo: base.getAuthInfo(), connectionOptions: { version: apiVersion } });
  return { conn, apiVersion, versions };
}

import type { Connection } from '@salesforce/core';
import { classify } from './errors.js';
import { queryAll } from './query.js';
import type { RetryContext } from './retry.js';
import type { NotRetrievable } from './types.js';

export const FLOW_DEFINITIONS_SOQL = 'SELECT DeveloperName, NamespacePrefix, ActiveVersion.VersionNumber, LatestVersion.VersionNumber FROM FlowDefinition';

type DefinitionRecord = {
  DeveloperName: string;
  NamespacePrefix?: string | null;
  ActiveVersion?: { VersionNumber?: number } | null;
  LatestVersion?: { VersionNumber?: number } | null;
};

/**
 * The Metadata API returns a flow's latest version. When an older version is the active one, the
 * retrieved file is not what runs: those flows are reported instead of silently misread.
 */
export async function staleActiveFlows(conn: Connection, apiVersion: string, retry: RetryContext, warn: (message: string) => void): Promise<NotRetrievable[]> {
  let records: DefinitionRecord[];
  try {
    records = await queryAll<DefinitionRecord>(conn, FLOW_DEFINITIONS_SOQL, retry, { apiVersion, tooling: true });
  } catch (error) {
    if (classify(error) !== 'other') throw error;
    warn('Flow versions could not be checked (the tooling API was not available): a flow whose active version is not its latest is read as its latest.');
    return [];
  }
  return records
    .filter((record) => !record.NamespacePrefix)
    .flatMap((record) => {
      const active = record.ActiveVersion?.VersionNumber;
      const latest = record.LatestVersion?.VersionNumber;
      if (active === undefined || latest === undefined || active === latest) return [];
      return [{
        type: 'Flow',
        fullName: record.DeveloperName,
        reason: `version ${active} is active but the Metadata API returns the latest, version ${latest}: the review reads version ${latest}`,
      }];
    });
}

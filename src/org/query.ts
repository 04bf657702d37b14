import type { Connection } from '@salesforce/core';
import { withRetry, type RetryContext } from './retry.js';
import { appendAll } from '../shared/arrays.js';

type QueryPage<T> = { done: boolean; totalSize: number; records: T[]; nextRecordsUrl?: string };

/**
 * Runs a SOQL query through the REST query API (or the tooling API's) and follows `nextRecordsUrl`
 * until the last page. Each page is retried on its own.
 */
export async function queryAll<T>(conn: Connection, soql: string, retry: RetryContext, options: { tooling?: boolean; apiVersion: string }): Promise<T[]> {
  const base = `/services/data/v${options.apiVersion}${options.tooling ? '/tooling' : ''}/query`;
  const label = soql.replace(/^SELECT .* FROM (\w+).*$/is, '$1');
  let url = `${conn.instanceUrl}${base}?q=${encodeURIComponent(soql)}`;
  const records: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await withRetry(`the ${label} query (page ${page})`, () => conn.request<QueryPage<T>>({ method: 'GET', url }), retry);
    appendAll(records, result.records);
    if (result.done || !result.nextRecordsUrl) return records;
    url = `${conn.instanceUrl}${result.nextRecordsUrl}`;
  }
}

import type { Connection } from '@salesforce/core';
import { HIDDEN_WHEN_MANAGED, MANIFEST_TYPES, type ManifestType } from './manifest-types.js';
import { withRetry, type RetryContext } from './retry.js';
import type { NotRetrievable, OnProgress } from './types.js';
import { appendAll } from '../shared/arrays.js';
import { compare } from '../shared/compare.js';

/** One component to retrieve, named explicitly, with the files it takes in the zip. */
export type Member = { type: string; fullName: string; files: number };

export type Inventory = { members: Member[]; notRetrievable: NotRetrievable[] };

type Listed = { type: string; fullName: string; manageableState?: string; namespacePrefix?: string };

/** listMetadata takes at most three queries per call. */
const QUERIES_PER_CALL = 3;

/** The metadata types the org offers at this API version (describeMetadata). */
export async function describeTypes(conn: Connection, apiVersion: string, retry: RetryContext): Promise<Set<string>> {
  const described = await withRetry('describeMetadata', () => conn.metadata.describe(apiVersion), retry);
  return new Set(described.metadataObjects.map((object) => object.xmlName));
}

/**
 * Lists every component of the manifest types with listMetadata, so that the manifest names them all:
 * standard objects, components in folders and everything else a `*` would miss. Managed Apex and
 * flows, which the Metadata API hides, are reported as not retrievable.
 */
export async function listInventory(conn: Connection, apiVersion: string, offered: ReadonlySet<string>, retry: RetryContext, progress: OnProgress): Promise<Inventory> {
  const notRetrievable: NotRetrievable[] = [];
  const wanted = MANIFEST_TYPES.filter((type) => {
    // Folder types (EmailFolder) are not described on their own: they come with their content type.
    const available = offered.has(type.name) || MANIFEST_TYPES.some((other) => other.folderType === type.name && offered.has(other.name));
    if (!available) notRetrievable.push({ type: type.name, fullName: '*', reason: `the org does not offer ${type.name} at API version ${apiVersion}` });
    return available;
  });

  const listed: Listed[] = [];
  const list = async (queries: Array<{ type: string; folder?: string }>): Promise<void> => {
    const label = queries.map((query) => (query.folder ? `${query.type} in ${query.folder}` : query.type)).join(', ');
    progress('list', label);
    const result = await withRetry(`listMetadata (${label})`, () => conn.metadata.list(queries, apiVersion), retry);
    appendAll(listed, (Array.isArray(result) ? result : result ? [result] : []).map((properties) => properties as Listed));
  };
  for (const chunk of chunks(wanted.filter((type) => !type.folderType), QUERIES_PER_CALL)) await list(chunk.map((type) => ({ type: type.name })));
  for (const type of wanted.filter((one) => one.folderType)) {
    const folders = [...new Set([...listed.filter((item) => item.type === type.folderType).map((item) => item.fullName), 'unfiled$public'])];
    for (const chunk of chunks(folders, QUERIES_PER_CALL)) await list(chunk.map((folder) => ({ type: type.name, folder })));
  }
  return { members: toMembers(listed, wanted, notRetrievable), notRetrievable };
}

function toMembers(listed: Listed[], wanted: ManifestType[], notRetrievable: NotRetrievable[]): Member[] {
  const filesByType = new Map(wanted.map((type) => [type.name, type.files]));
  const seen = new Set<string>();
  const members: Member[] = [];
  for (const item of listed) {
    const files = filesByType.get(item.type);
    const key = `${item.type}:${item.fullName}`;
    if (files === undefined || seen.has(key)) continue;
    seen.add(key);
    if (item.manageableState === 'installed' && HIDDEN_WHEN_MANAGED.has(item.type)) {
      notRetrievable.push({
        type: item.type,
        fullName: item.fullName,
        reason: `installed from the managed package ${item.namespacePrefix ?? '(unknown namespace)'}: the Metadata API does not return its contents`,
      });
      continue;
    }
    members.push({ type: item.type, fullName: item.fullName, files });
  }
  return members.sort((a, b) => compare(a.type, b.type) || compare(a.fullName, b.fullName));
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

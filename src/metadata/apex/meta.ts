/** The `-meta.xml` beside a class or trigger: API version and status. */
import { parseMetadataXmlAs, text } from '../xml.js';

export type ApexMeta = { apiVersion?: string; status?: string };

export function readApexMeta(xml: string, root: 'ApexClass' | 'ApexTrigger'): ApexMeta {
  let body: Record<string, unknown>;
  try {
    body = parseMetadataXmlAs(xml, root);
  } catch (error) {
    throw new Error(`${root} -meta.xml: ${error instanceof Error ? error.message : String(error)}`);
  }
  const meta: ApexMeta = {};
  const apiVersion = text(body['apiVersion'])?.trim();
  const status = text(body['status'])?.trim();
  if (apiVersion) meta.apiVersion = apiVersion;
  if (status) meta.status = status;
  return meta;
}

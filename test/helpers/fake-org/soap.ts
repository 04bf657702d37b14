// SOAP envelopes as the Metadata API reads and writes them (text/xml).
import { XMLParser } from 'fast-xml-parser';

export type SoapCall = { action: string; sessionId?: string; args: Record<string, unknown> };

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true });

/** The action (first element of the Body), its arguments and the SessionHeader's session id. */
export function parseSoapRequest(body: string): SoapCall {
  const envelope = (parser.parse(body) as { Envelope?: { Header?: Record<string, unknown>; Body?: Record<string, unknown> } }).Envelope;
  const bodyElement = envelope?.Body ?? {};
  const action = Object.keys(bodyElement)[0] ?? '';
  const header = envelope?.Header as { SessionHeader?: { sessionId?: string } } | undefined;
  const args = (bodyElement[action] ?? {}) as Record<string, unknown>;
  return { action, args: typeof args === 'object' ? args : {}, ...(header?.SessionHeader?.sessionId ? { sessionId: String(header.SessionHeader.sessionId) } : {}) };
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `{a: 1, b: [x, y]}` as `<a>1</a><b>x</b><b>y</b>`; undefined values are left out. */
export function toXml(value: Record<string, unknown>): string {
  return Object.entries(value)
    .flatMap(([key, item]) => asArray(item as unknown).map((one) => [key, one] as const))
    .filter(([, one]) => one !== undefined)
    .map(([key, one]) => (typeof one === 'object' && one !== null ? `<${key}>${toXml(one as Record<string, unknown>)}</${key}>` : `<${key}>${escapeXml(String(one))}</${key}>`))
    .join('');
}

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>';
const ENVELOPE_CLOSE = '</soapenv:Body></soapenv:Envelope>';

export function soapResponse(action: string, results: Array<Record<string, unknown>> | Record<string, unknown>): string {
  const inner = asArray(results)
    .map((result) => `<result>${toXml(result)}</result>`)
    .join('');
  return `${ENVELOPE_OPEN}<${action}Response>${inner}</${action}Response>${ENVELOPE_CLOSE}`;
}

export function soapFault(code: string, message: string): string {
  return `${ENVELOPE_OPEN}<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring></soapenv:Fault>${ENVELOPE_CLOSE}`;
}

// A fake Salesforce org on 127.0.0.1: the REST and SOAP endpoints that @salesforce/core, jsforce and
// SDR call, with every request logged and faults injected on demand.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultPlan, type Fault, type LoggedRequest } from './faults.js';
import { MetadataApi, type MetadataApiSettings } from './metadata-api.js';
import type { MetadataStore } from './metadata-store.js';
import { RestApi, type SObjectRecord } from './rest-api.js';
import { parseSoapRequest, soapFault } from './soap.js';

export const FAKE_TOKEN = '00DFAKE!TOKEN-SHOULD-NEVER-LEAK';
export const FAKE_ORG_ID = '00DFAKE000000001AAA';

export type FakeOrgOptions = {
  store: MetadataStore;
  accessToken?: string;
  orgId?: string;
  username?: string;
  userId?: string;
  apiVersions?: string[];
  records?: Record<string, SObjectRecord[]>;
  toolingRecords?: Record<string, SObjectRecord[]>;
  pageSize?: number;
  faults?: Fault[];
  metadata?: Partial<MetadataApiSettings>;
};

export type FakeOrg = {
  url: string;
  orgId: string;
  username: string;
  /** Every request received, in order. */
  requests: LoggedRequest[];
  faults: FaultPlan;
  metadataApi: MetadataApi;
  /** Changing it makes the org reject the old token (an expired or revoked session). */
  state: { accessToken: string };
  /** How many requests made this SOAP call. */
  calls: (soapAction: string) => number;
  close: () => Promise<void>;
};

export async function startFakeOrg(options: FakeOrgOptions): Promise<FakeOrg> {
  const orgId = options.orgId ?? FAKE_ORG_ID;
  const username = options.username ?? 'admin@acme.example';
  const userId = options.userId ?? '005FAKE000000001AAA';
  const apiVersions = options.apiVersions ?? versionsUpTo(62);
  const state = { accessToken: options.accessToken ?? FAKE_TOKEN };
  const requests: LoggedRequest[] = [];
  const faults = new FaultPlan([...(options.faults ?? [])]);
  let url = '';
  const rest = new RestApi(
    {
      apiVersions,
      orgId,
      userId,
      username,
      records: { Organization: [organization(orgId)], ...options.records },
      toolingRecords: options.toolingRecords ?? {},
      pageSize: options.pageSize ?? 2000,
    },
    () => url,
  );
  const metadataApi = new MetadataApi(options.store, {
    inProgressPolls: 1,
    maxFilesPerRetrieve: 10_000,
    componentFailures: [],
    neverFinish: false,
    ...options.metadata,
  });

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => send(response, 500, 'text/plain', String(error)));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const parsed = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const soapVersion = /^\/services\/Soap\/m\/(\d+\.\d)$/.exec(parsed.pathname)?.[1];
    const soap = soapVersion !== undefined && method === 'POST' ? parseSoapRequest(body) : undefined;
    const soql = parsed.searchParams.get('q') ?? undefined;
    const logged: LoggedRequest = { method, path: parsed.pathname, ...(soap ? { soapAction: soap.action } : {}), ...(soql ? { soql } : {}) };
    requests.push(logged);

    const fault = faults.hit(logged);
    if (fault?.kind === 'drop-connection') {
      request.socket.destroy();
      return;
    }
    if (fault) return sendFault(response, fault.kind, soap !== undefined);

    if (soap) {
      if (soap.sessionId !== state.accessToken) return sendFault(response, 'invalid-session', true);
      if (!apiVersions.includes(soapVersion!)) {
        return send(response, 500, 'text/xml', soapFault('UNSUPPORTED_API_VERSION', `Invalid Api version specified on URL: ${soapVersion}`));
      }
      const answer = await metadataApi.handle(soap);
      return send(response, answer.status, 'text/xml', answer.body);
    }
    // The versions list is public in a real org; everything else needs the token.
    if (parsed.pathname !== '/services/data' && request.headers.authorization !== `Bearer ${state.accessToken}`) {
      return sendFault(response, 'invalid-session', false);
    }
    const answer = rest.handle(method, parsed.pathname, parsed.searchParams);
    return send(response, answer.status, 'application/json;charset=UTF-8', JSON.stringify(answer.body));
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    orgId,
    username,
    requests,
    faults,
    metadataApi,
    state,
    calls: (soapAction) => requests.filter((request) => request.soapAction === soapAction).length,
    close: () => closeServer(server),
  };
}

function sendFault(response: ServerResponse, kind: Exclude<Fault['kind'], 'drop-connection'>, soap: boolean): void {
  switch (kind) {
    case 'invalid-session':
      return soap
        ? send(response, 500, 'text/xml', soapFault('INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader: Illegal Session'))
        : send(response, 401, 'application/json', JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]));
    case 'request-limit':
      return soap
        ? send(response, 500, 'text/xml', soapFault('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'))
        : send(response, 403, 'application/json', JSON.stringify([{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]));
    default: {
      const status = Number(kind.slice('http-'.length));
      return send(response, status, 'text/html', `<html><body><h1>${status}</h1>Service temporarily unavailable</body></html>`);
    }
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/** `['31.0', ..., '62.0']`: a real org answers every version from 31.0 up to its release. */
export function versionsUpTo(max: number): string[] {
  return Array.from({ length: max - 30 }, (_, index) => `${31 + index}.0`);
}

function organization(orgId: string): SObjectRecord {
  return {
    attributes: { type: 'Organization' },
    Id: orgId,
    Name: 'Acme (fake)',
    InstanceName: 'FAKE1',
    IsSandbox: false,
    TrialExpirationDate: null,
    NamespacePrefix: null,
    OrganizationType: 'Enterprise Edition',
  };
}

// The REST calls @salesforce/core and the retrieval make: versions, userinfo, the User sobject, and
// SOQL queries (data and tooling API) paged with nextRecordsUrl.

export type SObjectRecord = Record<string, unknown>;

export type RestSettings = {
  apiVersions: string[];
  orgId: string;
  userId: string;
  username: string;
  /** Records by sObject, for the data API. */
  records: Record<string, SObjectRecord[]>;
  /** Records by sObject, for the tooling API. */
  toolingRecords: Record<string, SObjectRecord[]>;
  /** Records per page of a query result (the real default is 2000). */
  pageSize: number;
};

export type RestAnswer = { status: number; body: unknown };

type Cursor = { records: SObjectRecord[]; offset: number; tooling: boolean };

export class RestApi {
  private readonly cursors = new Map<string, Cursor>();
  private nextCursor = 1;

  public constructor(
    private readonly settings: RestSettings,
    private readonly baseUrl: () => string,
  ) {}

  public handle(method: string, path: string, query: URLSearchParams): RestAnswer {
    if (method !== 'GET') return notFound();
    if (path === '/services/data' || path === '/services/data/') {
      return { status: 200, body: this.settings.apiVersions.map((version) => ({ label: `v${version}`, url: `/services/data/v${version}`, version })) };
    }
    if (path === '/services/oauth2/userinfo') {
      return {
        status: 200,
        body: {
          sub: `${this.baseUrl()}/id/${this.settings.orgId}/${this.settings.userId}`,
          user_id: this.settings.userId,
          organization_id: this.settings.orgId,
          preferred_username: this.settings.username,
          email: this.settings.username,
        },
      };
    }
    const versioned = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(path);
    if (!versioned) return notFound();
    const [, version, rest = ''] = versioned;
    if (!this.settings.apiVersions.includes(version!)) return notFound();
    if (rest === '' || rest === '/') return { status: 200, body: { sobjects: `/services/data/v${version}/sobjects`, query: `/services/data/v${version}/query`, tooling: `/services/data/v${version}/tooling` } };
    const user = /^\/sobjects\/User\/(\w+)$/.exec(rest);
    if (user) return user[1] === this.settings.userId ? { status: 200, body: { Id: this.settings.userId, Username: this.settings.username } } : notFound();
    const tooling = rest.startsWith('/tooling/');
    const queryPath = tooling ? rest.slice('/tooling'.length) : rest;
    if (queryPath === '/query' || queryPath === '/query/') return this.startQuery(query.get('q') ?? '', tooling, version!);
    const more = /^\/query\/([\w-]+)$/.exec(queryPath);
    if (more) return this.nextPage(more[1]!, version!);
    return notFound();
  }

  private startQuery(soql: string, tooling: boolean, version: string): RestAnswer {
    const sobject = /\bFROM\s+(\w+)/i.exec(soql)?.[1];
    const source = tooling ? this.settings.toolingRecords : this.settings.records;
    const records = sobject ? recordsOf(source, sobject) : undefined;
    if (!sobject || !records) {
      return { status: 400, body: [{ errorCode: 'INVALID_TYPE', message: `sObject type '${sobject ?? ''}' is not supported.` }] };
    }
    return this.page({ records, offset: 0, tooling }, version);
  }

  private nextPage(id: string, version: string): RestAnswer {
    const cursor = this.cursors.get(id);
    if (!cursor) return { status: 400, body: [{ errorCode: 'INVALID_QUERY_LOCATOR', message: 'invalid query locator' }] };
    this.cursors.delete(id);
    return this.page(cursor, version);
  }

  private page(cursor: Cursor, version: string): RestAnswer {
    const end = cursor.offset + this.settings.pageSize;
    const records = cursor.records.slice(cursor.offset, end);
    const done = end >= cursor.records.length;
    const body: Record<string, unknown> = { totalSize: cursor.records.length, done, records };
    if (!done) {
      const id = `01gFAKE${String(this.nextCursor++).padStart(8, '0')}-${end}`;
      this.cursors.set(id, { ...cursor, offset: end });
      body.nextRecordsUrl = `/services/data/v${version}${cursor.tooling ? '/tooling' : ''}/query/${id}`;
    }
    return { status: 200, body };
  }
}

function recordsOf(source: Record<string, SObjectRecord[]>, sobject: string): SObjectRecord[] | undefined {
  const key = Object.keys(source).find((name) => name.toLowerCase() === sobject.toLowerCase());
  return key === undefined ? undefined : source[key];
}

function notFound(): RestAnswer {
  return { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] };
}

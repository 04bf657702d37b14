// Faults the fake org can be told to inject, and which request each one hits.

/** What a logged request looked like: enough to match faults and to assert the calls made. */
export type LoggedRequest = {
  method: string;
  path: string;
  /** Metadata API SOAP operation (the first element of the Body), e.g. `listMetadata`. */
  soapAction?: string;
  /** SOQL of a query, decoded. */
  soql?: string;
};

export type FaultKind =
  /** SOAP 500 `sf:INVALID_SESSION_ID` / REST 401 `INVALID_SESSION_ID`. */
  | 'invalid-session'
  /** SOAP 500 `sf:REQUEST_LIMIT_EXCEEDED` / REST 403 `REQUEST_LIMIT_EXCEEDED`. */
  | 'request-limit'
  /** A plain HTTP error with an HTML body, as a load balancer sends. */
  | 'http-500'
  | 'http-502'
  | 'http-503'
  /** The server closes the socket without answering. */
  | 'drop-connection';

export type FaultMatch = {
  method?: string;
  /** Substring of the path. */
  path?: string;
  soapAction?: string;
  /** Substring of the SOQL. */
  soql?: string;
};

export type Fault = {
  kind: FaultKind;
  when: FaultMatch;
  /** Let this many matching requests through first (default 0). */
  skip?: number;
  /** Hit this many matching requests, then stop (default: every one). */
  times?: number;
};

/** Tracks how often each fault has matched; says which fault, if any, hits a request. */
export class FaultPlan {
  private readonly seen = new Map<Fault, number>();

  public constructor(private readonly faults: Fault[] = []) {}

  public add(fault: Fault): void {
    this.faults.push(fault);
  }

  public clear(): void {
    this.faults.length = 0;
    this.seen.clear();
  }

  public hit(request: LoggedRequest): Fault | undefined {
    for (const fault of this.faults) {
      if (!matches(fault.when, request)) continue;
      const count = (this.seen.get(fault) ?? 0) + 1;
      this.seen.set(fault, count);
      const skip = fault.skip ?? 0;
      if (count <= skip) continue;
      if (fault.times !== undefined && count > skip + fault.times) continue;
      return fault;
    }
    return undefined;
  }
}

function matches(when: FaultMatch, request: LoggedRequest): boolean {
  if (when.method && when.method !== request.method) return false;
  if (when.path && !request.path.includes(when.path)) return false;
  if (when.soapAction && when.soapAction !== request.soapAction) return false;
  if (when.soql && !(request.soql ?? '').includes(when.soql)) return false;
  return true;
}

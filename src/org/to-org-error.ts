import { SfError } from '@salesforce/core';
import {
  authExpiredError,
  classify,
  isOrgError,
  reason,
  requestLimitError,
  retrieveFailedError,
  timeoutError,
  unreachableError,
  type OrgRef,
} from './errors.js';
import { PollTimeout } from './retrieve-batch.js';

export type RunState = {
  org: OrgRef;
  /** True once the org has answered an authenticated call: a session error after that expired mid-run. */
  authenticated: boolean;
  waitMinutes: number;
  batchesDone: number;
  batchesTotal: number;
  secrets: readonly string[];
};

/** Turns whatever jsforce, SDR or core threw into one sf-style error with actions, without credentials. */
export function toOrgError(error: unknown, state: RunState): SfError {
  if (isOrgError(error)) return error;
  if (error instanceof PollTimeout) return timeoutError(state.waitMinutes, state.batchesDone, state.batchesTotal, error.retrieveId);
  switch (classify(error)) {
    case 'auth':
      return authExpiredError(state.org, state.authenticated);
    case 'request-limit':
      return requestLimitError(state.org);
    case 'timeout':
      return timeoutError(state.waitMinutes, state.batchesDone, state.batchesTotal);
    case 'transient':
      return unreachableError('a request', 1, reason(error, state.secrets));
    default:
      return retrieveFailedError(reason(error, state.secrets));
  }
}


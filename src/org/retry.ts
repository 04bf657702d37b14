import { classify, reason, unreachableError } from './errors.js';
import type { RetryOptions } from './types.js';

export const DEFAULT_RETRY: RetryOptions = { attempts: 3, baseDelayMs: 1000 };

export type RetryContext = RetryOptions & {
  /** Credentials to keep out of the final error message. */
  secrets: readonly string[];
  onRetry?: (what: string, attempt: number, detail: string) => void;
};

/**
 * Runs a call to the org again after HTTP 5xx answers and dropped connections, with exponential
 * backoff, a bounded number of times. jsforce already retries GETs (5 times) but never the POSTs of
 * the SOAP Metadata API, and SDR only retries some errors while polling; this covers the calls made
 * here. Anything else (auth, limits) fails at once: trying again cannot help.
 */
export async function withRetry<T>(what: string, call: () => Promise<T>, context: RetryContext): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (classify(error) !== 'transient') throw error;
      const detail = reason(error, context.secrets);
      if (attempt >= context.attempts) throw unreachableError(what, attempt, detail);
      context.onRetry?.(what, attempt, detail);
      await sleep(context.baseDelayMs * 2 ** (attempt - 1));
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

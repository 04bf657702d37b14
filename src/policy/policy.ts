/** The user's policy, `arch-review.yml` at the project root (schema: schemas/policy.json). */
export type SystemIntegration = {
  permissionSets?: string[];
  profiles?: string[];
  users?: string[];
  /** `Type:Name`, e.g. `Flow:ERP_Inbound_Sync`, `ApexClass:ErpSyncService`. */
  automations?: string[];
};

export type SystemOfRecord = {
  label?: string;
  /** Globs on `Object.Field`. */
  owns?: string[];
  direction?: 'inbound' | 'outbound' | 'bidirectional';
  conflict?: string;
  integration?: SystemIntegration;
};

export type OwnerEntry = { match: string; owner?: string; expires?: string };

export type AcceptedRisk = {
  fingerprint?: string;
  rule?: string;
  component?: string;
  reason: string;
  owner: string;
  expires: string;
};

export type Policy = {
  systems?: Record<string, SystemOfRecord>;
  defaultOwner?: string;
  protectedFields?: string[];
  integrationExclude?: string[];
  owners?: OwnerEntry[];
  hygiene?: { requireOwner?: string[]; requireExpiry?: string[]; temporaryWords?: string[] };
  rules?: Record<string, { severity?: 'critical' | 'high' | 'medium' | 'low' | 'info'; enabled?: boolean }>;
  accepted?: AcceptedRisk[];
};

/** A policy as read: the file it came from (for messages), where each key sits, and warnings. */
export type LoadedPolicy = {
  policy: Policy;
  /** Display path of the file, or undefined when no policy file exists. */
  file?: string;
  /** Line of a JSON-pointer-like path (`/systems/sap/owns/0`), for findings that point into the policy. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
  warnings: string[];
};

export const EMPTY_POLICY: LoadedPolicy = { policy: {}, lineOf: () => undefined, warnings: [] };

/** What `sf arch diff` reports between two projects (side A, typically production; side B, a sandbox). */
import type { SourceRef } from '../metadata/model.js';

export type Change = 'added' | 'removed' | 'changed';

/** One thing an automation does or reacts to, with where each side says so. */
export type SignatureEvidence = { what: string; a: SourceRef[]; b: SourceRef[] };

export type AutomationDiff = {
  id: string;
  name: string;
  type: string;
  object?: string;
  change: Change;
  a?: SourceRef;
  b?: SourceRef;
  /** Present in B only (for `added`, everything it does). */
  gained: SignatureEvidence[];
  /** Present in A only. */
  lost: SignatureEvidence[];
};

export type GrantEvidence = { grant: string; kind: string; key: string; access: string; sources: string[]; evidence: SourceRef[] };

export type PermissionDiff = {
  principal: string;
  system?: { a?: string; b?: string };
  change: Change;
  a?: SourceRef;
  b?: SourceRef;
  gained: GrantEvidence[];
  lost: GrantEvidence[];
};

export type OwnershipValue = { value?: string; source?: string; ref?: SourceRef };

export type OwnershipDiff = {
  kind: 'system-of-record' | 'owner' | 'expiry';
  /** CustomField, Flow, ValidationRule, ... */
  type: string;
  name: string;
  a: OwnershipValue;
  b: OwnershipValue;
};

/** A side read from an org (`--target-org`): which org, when, and what its retrieval does not cover. */
export type OrgSide = {
  username: string;
  instanceUrl: string;
  retrievedAt: string;
  /** Managed packages (their automation is opaque) and components the org did not return: not compared. */
  notCompared: Array<{ type: string; fullName: string; reason: string }>;
};

export type DiffSideSummary = { sourceDirs: string[]; policyFile?: string; org?: OrgSide };

export type DiffResult = {
  a: DiffSideSummary;
  b: DiffSideSummary;
  automations: AutomationDiff[];
  permissions: PermissionDiff[];
  ownership: OwnershipDiff[];
  summary: {
    automations: Record<Change, number>;
    permissions: Record<Change, number>;
    ownership: number;
  };
  /** What could not be read on each side, counted (details: `sf arch review` of that side). */
  parseIssues: { a: number; b: number };
};

import type { Org } from '@salesforce/core';

/** Stages shown while an org is read; the command turns them into spinner/multi-stage output. */
export type ProgressStage = 'connect' | 'list' | 'retrieve' | 'query' | 'cache';

export type OnProgress = (stage: ProgressStage, detail: string) => void;

export type RetryOptions = {
  /** Tries per call, the first included (default 3). */
  attempts: number;
  /** Wait before the second try; doubled before each further try (default 1000 ms). */
  baseDelayMs: number;
};

export type RetrieveOrgOptions = {
  org: Org;
  /** `--api-version`; defaults to the highest version the org offers. */
  apiVersion?: string;
  /** `--wait`: minutes the whole metadata retrieve may take (default 33, like `sf project retrieve start`). */
  waitMinutes?: number;
  /** The Salesforce DX project to cache under (`<projectDir>/.sfdx/arch-review/<orgId>/`); else a temp folder. */
  projectDir?: string;
  /** `--use-cache`: reuse the last retrieve of this org instead of calling it. */
  useCache: boolean;
  onProgress?: OnProgress;
  /** How often to ask whether a retrieve has finished (default: SDR's choice by size, 1 to 10 s). */
  pollIntervalMs?: number;
  /** Files per retrieve; the Metadata API refuses more than 10,000. */
  maxFilesPerRetrieve?: number;
  retry?: Partial<RetryOptions>;
};

export type OrgUser = { username: string; profile?: string; userLicense?: string; isActive: boolean };

/** One assignment of a permission set, a permission set group or (through its own permission set) a profile. */
export type OrgAssignment = { username: string; permissionSet?: string; permissionSetGroup?: string; profile?: string };

/** An installed managed or unlocked package: automation the review cannot see into. */
export type InstalledPackage = { namespace: string; name: string; version: string };

/** A component the retrieve asked for but the org did not return. */
export type ComponentFailure = { type: string; fullName: string; problem: string };

/** A component (or a whole type, fullName `*`) the Metadata API cannot return, and why. */
export type NotRetrievable = { type: string; fullName: string; reason: string };

export type OrgInfo = {
  id: string;
  instanceUrl: string;
  username: string;
  apiVersion: string;
  /** ISO date-time of the retrieve (of the cached copy when reused). */
  retrievedAt: string;
};

export type OrgSnapshot = {
  /** Metadata API format folder, ready for loadModel's `sourceDirs`. */
  sourceDir: string;
  org: OrgInfo;
  /** Retrieved components by metadata type. */
  componentCounts: Record<string, number>;
  users: OrgUser[];
  assignments: OrgAssignment[];
  installedPackages: InstalledPackage[];
  componentFailures: ComponentFailure[];
  notRetrievable: NotRetrievable[];
  /** What could not be read but did not stop the retrieve (for example a query the user may not run). */
  warnings: string[];
  /** True when the snapshot is the cached copy of an earlier run. */
  fromCache: boolean;
};

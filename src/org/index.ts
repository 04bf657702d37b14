// Reading a live org for review (`sf arch review --target-org`).
export { retrieveOrg, DEFAULT_WAIT_MINUTES } from './retrieve-org.js';
export { openOrg } from './open-org.js';
export { cacheDir } from './cache.js';
export type {
  ComponentFailure,
  InstalledPackage,
  NotRetrievable,
  OnProgress,
  OrgAssignment,
  OrgInfo,
  OrgSnapshot,
  OrgUser,
  ProgressStage,
  RetrieveOrgOptions,
} from './types.js';
export { assignmentsExport, coverageGaps } from './review-inputs.js';

import type { Org } from '@salesforce/core';
import type { SfCommand } from '@salesforce/sf-plugins-core';
import type { OrgSnapshot } from '../org/types.js';

export type OrgFlags = { 'api-version'?: string; wait: number; 'use-cache': boolean };

/**
 * `--target-org` for any command: retrieves the org (or reads its cache) with the command's spinner
 * showing each stage, and passes the snapshot's warnings on. `stageText` is the command's own wording
 * of a stage; what the command makes of the snapshot stays with it.
 */
export async function retrieveOrgWithProgress(
  command: Pick<SfCommand<unknown>, 'spinner' | 'warn'>,
  org: Org,
  flags: OrgFlags,
  baseDir: string,
  stageText: (stage: string) => string,
): Promise<OrgSnapshot> {
  // Loaded here, not at the top: `--help` must not pay for the org client.
  const { retrieveOrg } = await import('../org/index.js');
  const { SfProject } = await import('@salesforce/core');
  const projectDir = await SfProject.resolveProjectPath(baseDir).catch(() => undefined);
  let stage: string | undefined;
  const snapshot = await retrieveOrg({
    org,
    ...(flags['api-version'] ? { apiVersion: flags['api-version'] } : {}),
    waitMinutes: flags.wait,
    ...(projectDir ? { projectDir } : {}),
    useCache: flags['use-cache'],
    onProgress: (next, detail) => {
      if (next !== stage) {
        command.spinner.stop();
        command.spinner.start(stageText(next));
        stage = next;
      }
      command.spinner.status = detail;
    },
  });
  command.spinner.stop();
  for (const warning of snapshot.warnings) command.warn(warning);
  return snapshot;
}

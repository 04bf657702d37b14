import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { sourceDirFlag } from '../../../cli/flags.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.policy.init');

export type ArchPolicyInitResult = {
  /** Absolute path of the file written. */
  outputFile: string;
  systems: Array<{ key: string; label: string; owns: string[]; toCheck: number; permissionSets: string[]; profiles: string[]; users: string[] }>;
  /** Integrated-looking fields that name no system (listed in a comment). */
  unassigned: string[];
};

export default class ArchPolicyInit extends SfCommand<ArchPolicyInitResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'source-dir': sourceDirFlag(messages),
    'output-file': Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.output-file.summary'),
      description: messages.getMessage('flags.output-file.description'),
      default: 'arch-review.yml',
    }),
    force: Flags.boolean({
      summary: messages.getMessage('flags.force.summary'),
    }),
  };

  public async run(): Promise<ArchPolicyInitResult> {
    const { flags } = await this.parse(ArchPolicyInit);
    const output = flags['output-file'];
    // Checked before reading the project: refusing should be instant, and an existing policy is someone's work.
    if (existsSync(resolve(output)) && !flags.force) throw messages.createError('error.exists', [output]);
    // Loaded here, not at the top: `--help` must not pay for SDR and the parsers.
    const { loadModel } = await import('../../../review/review.js');
    const { buildPolicyDraft, renderPolicyDraft } = await import('../../../policy/init/index.js');
    const { writeFileAtomic } = await import('../../../report/index.js');
    const model = await loadModel({ baseDir: process.cwd(), sourceDirs: flags['source-dir'] ?? [] });
    const draft = buildPolicyDraft(model);
    const outputFile = await writeFileAtomic(output, renderPolicyDraft(draft));
    const systems = draft.systems.map((system) => ({
      key: system.key,
      label: system.label,
      owns: system.owns.map((entry) => entry.name),
      toCheck: system.maybe.length,
      permissionSets: system.permissionSets.map((entry) => entry.name),
      profiles: system.profiles.map((entry) => entry.name),
      users: system.users.map((entry) => entry.name),
    }));
    const said =
      systems.length > 0
        ? systems.map((system) => messages.getMessage('info.system', [system.key, system.owns.length, system.toCheck, system.permissionSets.length + system.profiles.length + system.users.length])).join('; ')
        : messages.getMessage('info.none', [draft.unassigned.length]);
    this.log(messages.getMessage('info.written', [output, said]));
    return { outputFile, systems, unassigned: draft.unassigned.map((entry) => entry.name) };
  }
}

import { Messages, type Org } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { DiffFormat, DiffResult, OrgSide } from '../../diff/index.js';
import { sourceDirFlag, asOfFlag } from '../../cli/flags.js';
import { type OrgFlags, retrieveOrgWithProgress } from '../../cli/retrieve-org.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.diff');

/** Kept here, not imported, so `--help` loads no renderer. `diff/index.ts` has the same list. */
const FORMATS = ['markdown', 'json'] as const satisfies readonly DiffFormat[];

export type ArchDiffResult = DiffResult & { outputFile?: string };

export default class ArchDiff extends SfCommand<ArchDiffResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'source-dir': sourceDirFlag(messages),
    'source-dir-b': Flags.directory({ summary: messages.getMessage('flags.source-dir-b.summary'), multiple: true, exactlyOne: ['source-dir-b', 'target-org'] }),
    'target-org': Flags.optionalOrg({
      // No -o and no fallback to the default org: side B is named, never guessed.
      char: undefined,
      default: undefined,
      defaultHelp: undefined,
      summary: messages.getMessage('flags.target-org.summary'),
      description: messages.getMessage('flags.target-org.description'),
      exactlyOne: ['source-dir-b', 'target-org'],
    }),
    'api-version': Flags.orgApiVersion({ summary: messages.getMessage('flags.api-version.summary'), dependsOn: ['target-org'] }),
    // Minutes, as an integer (as in arch review): a duration flag makes --help load @salesforce/core.
    wait: Flags.integer({ default: 33, min: 1, summary: messages.getMessage('flags.wait.summary') }),
    'use-cache': Flags.boolean({ summary: messages.getMessage('flags.use-cache.summary'), dependsOn: ['target-org'] }),
    policy: Flags.file({ summary: messages.getMessage('flags.policy.summary') }),
    'policy-b': Flags.file({ summary: messages.getMessage('flags.policy-b.summary') }),
    'as-of': asOfFlag(messages),
    format: Flags.option({ options: FORMATS, default: 'markdown' as const, summary: messages.getMessage('flags.format.summary') })(),
    'output-file': Flags.file({ char: 'f', summary: messages.getMessage('flags.output-file.summary') }),
  };

  public async run(): Promise<ArchDiffResult> {
    const { flags } = await this.parse(ArchDiff);
    const baseDir = process.cwd();
    const asOf = flags['as-of'] ?? new Date().toISOString().slice(0, 10);
    // Loaded here, not at the top: `--help` must not pay for SDR and the parsers.
    const { loadPolicy } = await import('../../policy/load-policy.js');
    const { loadGraph } = await import('../../review/review.js');
    const { diffProjects, diffRenderers, diffSide } = await import('../../diff/index.js');
    // Both policies first: an invalid policy file fails before any metadata is read.
    const policyA = loadPolicy(baseDir, flags.policy);
    const policyB = flags['policy-b'] ? loadPolicy(baseDir, flags['policy-b']) : policyA;
    const a = await loadGraph({ baseDir, sourceDirs: flags['source-dir'] ?? [] });
    const org = flags['target-org'] ? await this.retrieveOrg(flags['target-org'], flags, baseDir) : undefined;
    const b = await loadGraph({ baseDir, sourceDirs: org ? [org.sourceDir] : (flags['source-dir-b'] ?? []) });
    const result: ArchDiffResult = diffProjects(diffSide(a.model, a.graph, policyA, asOf), diffSide(b.model, b.graph, policyB, asOf, org?.side));
    const text = diffRenderers[flags.format](result);
    if (flags['output-file']) {
      const { writeFileAtomic } = await import('../../report/index.js');
      result.outputFile = await writeFileAtomic(flags['output-file'], text);
      this.info(messages.getMessage('info.written', [flags.format, result.automations.length, result.permissions.length, result.ownership.length, flags['output-file']]));
    } else if (!this.jsonEnabled()) {
      this.log(text.replace(/\n$/, ''));
    }
    return result;
  }

  /** `--target-org`: side B is the org, retrieved as `sf arch review --target-org` retrieves it. */
  private async retrieveOrg(org: Org, flags: OrgFlags, baseDir: string): Promise<{ sourceDir: string; side: OrgSide }> {
    const snapshot = await retrieveOrgWithProgress(this, org, flags, baseDir, (stage) => messages.getMessage('progress.stage', [stage]));
    const { coverageGaps } = await import('../../org/index.js');
    const side: OrgSide = { username: snapshot.org.username, instanceUrl: snapshot.org.instanceUrl, retrievedAt: snapshot.org.retrievedAt, notCompared: coverageGaps(snapshot) };
    return { sourceDir: snapshot.sourceDir, side };
  }
}

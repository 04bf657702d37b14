import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { DiffFormat, DiffResult } from '../../diff/index.js';
import { sourceDirFlag, asOfFlag } from '../../cli/flags.js';

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
    'source-dir-b': Flags.directory({ summary: messages.getMessage('flags.source-dir-b.summary'), multiple: true, required: true }),
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
    const b = await loadGraph({ baseDir, sourceDirs: flags['source-dir-b'] });
    const result: ArchDiffResult = diffProjects(diffSide(a.model, a.graph, policyA, asOf), diffSide(b.model, b.graph, policyB, asOf));
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
}

import { Messages } from '@salesforce/core';
import { Args } from '@oclif/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { Explanation, ExplainFormat } from '../../explain/index.js';
import { sourceDirFlag, asOfFlag } from '../../cli/flags.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.explain');

/** Kept here, not imported, so `--help` loads no renderer. `explain/index.ts` has the same list. */
const FORMATS = ['markdown', 'json', 'mermaid'] as const satisfies readonly ExplainFormat[];

export type ArchExplainResult = Explanation & { outputFile?: string };

export default class ArchExplain extends SfCommand<ArchExplainResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly args = {
    name: Args.string({ required: true, description: messages.getMessage('args.name.summary') }),
  };

  public static override readonly flags = {
    format: Flags.option({
      options: FORMATS,
      default: 'markdown' as const,
      summary: messages.getMessage('flags.format.summary'),
      description: messages.getMessage('flags.format.description'),
    })(),
    'source-dir': sourceDirFlag(messages),
    policy: Flags.file({
      summary: messages.getMessage('flags.policy.summary'),
      description: messages.getMessage('flags.policy.description'),
    }),
    'as-of': asOfFlag(messages),
    depth: Flags.integer({ summary: messages.getMessage('flags.depth.summary'), default: 6, min: 1, max: 50 }),
    'output-file': Flags.file({ char: 'f', summary: messages.getMessage('flags.output-file.summary') }),
  };

  public async run(): Promise<ArchExplainResult> {
    const { args, flags } = await this.parse(ArchExplain);
    const baseDir = process.cwd();
    // Loaded here, not at the top: `--help` must not pay for SDR and the parsers.
    const { loadPolicy } = await import('../../policy/load-policy.js');
    const { loadGraph } = await import('../../review/review.js');
    const { explain, explainRenderers } = await import('../../explain/index.js');
    // The policy first: an invalid policy file fails before any metadata is read.
    const policy = loadPolicy(baseDir, flags.policy);
    const { model, graph } = await loadGraph({ baseDir, sourceDirs: flags['source-dir'] ?? [] });
    const explained = explain({ model, graph, policy, name: args.name, asOf: flags['as-of'] ?? new Date().toISOString().slice(0, 10), limits: { maxDepth: flags.depth } });
    if ('kind' in explained) {
      const { inputError } = await import('../../load/errors.js');
      const hint = explained.closest.length > 0 ? messages.getMessage('error.notFound.closest', [explained.closest.join(', ')]) : messages.getMessage('error.notFound.none');
      throw inputError(`${messages.getMessage('error.notFound', [args.name])} ${hint}`, [hint], 'NameNotFound');
    }
    const text = explainRenderers[flags.format](explained);
    const result: ArchExplainResult = { ...explained };
    if (flags['output-file']) {
      const { writeFileAtomic } = await import('../../report/index.js');
      result.outputFile = await writeFileAtomic(flags['output-file'], text);
      this.info(messages.getMessage('info.written', [flags.format, args.name, flags['output-file']]));
    } else if (!this.jsonEnabled()) {
      this.log(text.replace(/\n$/, ''));
    }
    return result;
  }
}

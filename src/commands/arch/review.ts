import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { ReviewResult } from '../../review/result.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.review');

/** Kept here, not imported, so `--help` loads no renderer. `report/index.ts` has the same list. */
const FORMATS = ['markdown', 'json'] as const;

export default class ArchReview extends SfCommand<ReviewResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'source-dir': Flags.directory({
      char: 'd',
      summary: messages.getMessage('flags.source-dir.summary'),
      description: messages.getMessage('flags.source-dir.description'),
      multiple: true,
    }),
    format: Flags.option({
      summary: messages.getMessage('flags.format.summary'),
      description: messages.getMessage('flags.format.description'),
      options: FORMATS,
      default: 'markdown',
    })(),
    'output-file': Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.output-file.summary'),
      description: messages.getMessage('flags.output-file.description'),
    }),
    object: Flags.string({
      char: 'o',
      summary: messages.getMessage('flags.object.summary'),
      description: messages.getMessage('flags.object.description'),
      multiple: true,
    }),
    policy: Flags.file({
      summary: messages.getMessage('flags.policy.summary'),
      description: messages.getMessage('flags.policy.description'),
    }),
    'as-of': Flags.string({
      summary: messages.getMessage('flags.as-of.summary'),
      description: messages.getMessage('flags.as-of.description'),
      parse: async (value) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
          throw new Error(messages.getMessage('error.asOf', [value]));
        }
        return value;
      },
    }),
    verbose: Flags.boolean({
      summary: messages.getMessage('flags.verbose.summary'),
    }),
  };

  public async run(): Promise<ReviewResult> {
    const { flags } = await this.parse(ArchReview);
    // Loaded here, not at the top: `--help` must not pay for SDR, the parsers and the renderers.
    const { review } = await import('../../review/review.js');
    const { result } = await review({
      baseDir: process.cwd(),
      sourceDirs: flags['source-dir'] ?? [],
      objects: flags.object ?? [],
      ...(flags['as-of'] ? { asOf: flags['as-of'] } : {}),
      ...(flags.policy ? { policyFile: flags.policy } : {}),
      verbose: flags.verbose,
    });
    for (const warning of result.warnings) this.warn(warning);
    const { renderers, writeFileAtomic } = await import('../../report/index.js');
    const text = renderers[flags.format](result);
    if (flags['output-file']) {
      const written = await writeFileAtomic(flags['output-file'], text);
      this.info(messages.getMessage('info.written', [flags.format, written]));
    } else if (!this.jsonEnabled()) {
      this.log(text.replace(/\n$/, ''));
    }
    if (result.parseIssues.length > 0) this.info(messages.getMessage('info.parseIssues', [result.parseIssues.length]));
    if (result.ruleErrors.length > 0) this.warn(messages.getMessage('warning.ruleErrors', [result.ruleErrors.map((error) => error.ruleId).join(', ')]));
    return result;
  }
}

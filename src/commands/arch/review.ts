import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { ReviewResult } from '../../review/review.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.review');

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
  };

  public async run(): Promise<ReviewResult> {
    const { flags } = await this.parse(ArchReview);
    // Loaded here, not at the top: `--help` must not pay for SDR and the parsers.
    const { review } = await import('../../review/review.js');
    const { result } = await review({ baseDir: process.cwd(), sourceDirs: flags['source-dir'] ?? [] });
    if (!this.jsonEnabled()) {
      const { renderInventoryMarkdown } = await import('../../report/inventory-markdown.js');
      this.log(renderInventoryMarkdown(result));
      if (result.parseIssues.length > 0) this.info(messages.getMessage('info.parseIssues', [result.parseIssues.length]));
    }
    return result;
  }
}

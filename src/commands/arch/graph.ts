import { Messages } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { GraphFormat } from '../../graph/export/index.js';
import { sourceDirFlag } from '../../cli/flags.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.graph');

/** Kept here, not imported, so `--help` loads no exporter. `graph/export` has the same list. */
const FORMATS = ['json', 'graphml', 'dot', 'mermaid'] as const satisfies readonly GraphFormat[];

export type ArchGraphResult = {
  format: GraphFormat;
  /** Nodes and edges in the export (after `--object`). */
  nodes: number;
  edges: number;
  /** Absolute path of the file written with `--output-file`. */
  outputFile?: string;
};

export default class ArchGraph extends SfCommand<ArchGraphResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    format: Flags.option({
      options: FORMATS,
      default: 'json' as const,
      summary: messages.getMessage('flags.format.summary'),
      description: messages.getMessage('flags.format.description'),
    })(),
    object: Flags.string({
      summary: messages.getMessage('flags.object.summary'),
      description: messages.getMessage('flags.object.description'),
      multiple: true,
    }),
    'source-dir': sourceDirFlag(messages),
    'output-file': Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.output-file.summary'),
      description: messages.getMessage('flags.output-file.description'),
    }),
  };

  public async run(): Promise<ArchGraphResult> {
    const { flags } = await this.parse(ArchGraph);
    // Loaded here, not at the top: `--help` must not pay for SDR and the parsers.
    const { loadGraph } = await import('../../review/review.js');
    const { graphExporters, selectSubgraph } = await import('../../graph/export/index.js');
    const { graph } = await loadGraph({ baseDir: process.cwd(), sourceDirs: flags['source-dir'] ?? [] });

    const objects = flags.object ?? [];
    const selected = selectSubgraph(graph, objects);
    for (const name of selected.unknownObjects) this.warn(messages.getMessage('warning.unknownObject', [name]));
    const text = graphExporters[flags.format](graph, objects);
    const result: ArchGraphResult = { format: flags.format, nodes: selected.nodes.length, edges: selected.edges.length };

    if (flags['output-file']) {
      const { writeFileAtomic } = await import('../../report/index.js');
      result.outputFile = await writeFileAtomic(flags['output-file'], text);
      this.info(messages.getMessage('info.written', [flags.format, result.nodes, result.edges, flags['output-file']]));
    } else if (!this.jsonEnabled()) {
      this.log(text.replace(/\n$/, ''));
    }
    return result;
  }
}

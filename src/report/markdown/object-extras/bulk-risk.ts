import type { ObjectPipeline } from '../../../graph/pipeline-types.js';
import type { ReviewResult } from '../../../review/result.js';
import { cell, code } from '../../markdown-escape.js';
import { plural } from '../labels.js';

/** An object's section: the longest synchronous save chain a save starts, and the DML statements along it. */
export function bulkRisk(result: ReviewResult, pipeline: ObjectPipeline): string | undefined {
  const figure = result.recursion?.objects.find((candidate) => candidate.object === pipeline.object);
  if (!figure) return undefined;
  if (figure.hops === 0) {
    return `**Bulk risk:** a save of ${code(figure.object)} saves no records in the same transaction (no synchronous save chain).`;
  }
  const chain = figure.longestChain.map((object) => cell(object)).join(' → ');
  return `**Bulk risk:** longest synchronous chain ${chain} (${plural(figure.hops, 'hop')}, ${plural(figure.dmlStatements, 'DML statement')}).`;
}

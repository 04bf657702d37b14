import type { ObjectPipeline } from '../../../graph/pipeline-types.js';
import type { ReviewResult } from '../../../review/result.js';
import { cell, code } from '../../markdown-escape.js';
import { capped } from '../labels.js';
import { systemLabels } from '../system-of-record.js';

const MAX_LISTED = 20;

/** An object's section: fields of the object owned by another system, and who writes them here (issue 5). */
export function foreignFields(result: ReviewResult, pipeline: ObjectPipeline): string | undefined {
  const report = result.systemOfRecord;
  if (!report) return undefined;
  const fields = report.fields.filter((field) => field.object === pipeline.object && field.owner.toLowerCase() !== report.defaultOwner.toLowerCase());
  if (fields.length === 0) return undefined;
  const labelOf = systemLabels(report);
  const items = fields.slice(0, MAX_LISTED).map((field) => {
    const written = field.writers.filter((writer) => writer.kind === 'automation' && writer.foreign);
    const writers = written.length > 0 ? `; written by ${capped(written.map((writer) => `${cell(writer.type)} ${code(writer.name)}`), 3)}` : '';
    const mark = field.violation ? `: **${code(field.violation)}**` : '';
    return `- ${code(field.field)} (${cell(labelOf(field.owner))})${writers}${mark}`;
  });
  const more = fields.length > MAX_LISTED ? [`- and ${fields.length - MAX_LISTED} more (see System of record)`] : [];
  return [`**Fields owned by other systems** (${fields.length}):`, '', ...items, ...more].join('\n');
}

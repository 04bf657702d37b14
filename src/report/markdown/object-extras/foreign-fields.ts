import type { ObjectPipeline } from '../../../graph/pipeline-types.js';
import type { ReviewResult } from '../../../review/result.js';

/** An object's section: fields of the object owned by another system (issue 5). */
export function foreignFields(_result: ReviewResult, _pipeline: ObjectPipeline): string | undefined {
  return undefined;
}

import type { ObjectPipeline } from '../../../graph/pipeline-types.js';
import type { ReviewResult } from '../../../review/result.js';

/** An object's section: the longest synchronous chain and its DML count (issue 4). */
export function bulkRisk(_result: ReviewResult, _pipeline: ObjectPipeline): string | undefined {
  return undefined;
}

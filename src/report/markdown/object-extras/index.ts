import type { ObjectPipeline } from '../../../graph/pipeline-types.js';
import type { ReviewResult } from '../../../review/result.js';
import { bulkRisk } from './bulk-risk.js';
import { foreignFields } from './foreign-fields.js';

/** Extra paragraphs in an object's section (bulk-risk figure, fields owned by other systems, ...). */
export type ObjectExtra = (result: ReviewResult, pipeline: ObjectPipeline) => string | undefined;

export const OBJECT_EXTRAS: readonly ObjectExtra[] = [bulkRisk, foreignFields];

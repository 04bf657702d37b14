// Programmatic API: the same pipeline the `sf arch review` command runs.
export { review, type Review, type ReviewConfig, type ReviewResult } from './review/review.js';
export type * from './metadata/model.js';

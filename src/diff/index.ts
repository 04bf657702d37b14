import { renderDiffJson } from './render-json.js';
import { renderDiffMarkdown } from './render-markdown.js';
import type { DiffResult } from './types.js';

export type DiffFormat = 'markdown' | 'json';

export const diffRenderers: Record<DiffFormat, (result: DiffResult) => string> = { markdown: renderDiffMarkdown, json: renderDiffJson };

export { diffProjects } from './diff.js';
export { diffSide, type DiffSide } from './side.js';
export type { DiffResult, OrgSide } from './types.js';

import { renderExplainJson } from './render-json.js';
import { renderExplainMarkdown } from './render-markdown.js';
import { renderExplainMermaid } from './render-mermaid.js';
import type { Explanation } from './types.js';

export type ExplainFormat = 'markdown' | 'json' | 'mermaid';

export const explainRenderers: Record<ExplainFormat, (explanation: Explanation) => string> = {
  markdown: renderExplainMarkdown,
  json: renderExplainJson,
  mermaid: renderExplainMermaid,
};

export { explain, type ExplainInput } from './explain.js';
export type { Explanation, ExplainNotFound } from './types.js';

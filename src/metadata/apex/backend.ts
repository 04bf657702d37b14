/**
 * The one seam between the Apex extraction and the parser library. A backend turns a class or trigger
 * body into the model (the -meta.xml is read outside, in `index.ts`), so a faster parser (tree-sitter)
 * can replace the ANTLR one without touching callers.
 */
import type { ApexClassModel, ApexTriggerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';

export interface ApexParserBackend {
  /** Throws an Error naming the line on a syntax error. */
  parseClass(input: ParseInput): ApexClassModel;
  /** Throws an Error naming the line on a syntax error. */
  parseTrigger(input: ParseInput): ApexTriggerModel;
}

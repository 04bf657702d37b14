/**
 * ApexParserBackend on `@apexdevtools/apex-parser` (ANTLR 4). One lexer and parser per file.
 * Parsing first runs in SLL prediction mode, which is much faster and right for nearly all code; only
 * when SLL reports a syntax error is the file re-parsed (same tokens) in full LL mode, and only errors
 * reported there are real. Extraction then walks the tree once.
 */
import { ApexErrorListener, ApexParserFactory, type ApexParser } from '@apexdevtools/apex-parser';
import type { ApexClassModel, ApexTriggerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import type { ApexParserBackend } from './backend.js';
import { extractClass } from './class-extractor.js';
import { prepareSource, SourceText } from './syntax.js';
import { extractTrigger } from './trigger-extractor.js';

/** ANTLR's PredictionMode values (the runtime is bundled inside apex-parser, not importable here). */
const PREDICTION_SLL = 0;
const PREDICTION_LL = 1;
const MAX_MESSAGE = 200;
const EOF = -1;

type SyntaxProblem = { line: number; column: number; message: string };

class CollectingListener extends ApexErrorListener {
  public readonly problems: SyntaxProblem[] = [];

  public apexSyntaxError(line: number, column: number, message: string): void {
    this.problems.push({ line, column, message });
  }
}

type PredictionInterpreter = { predictionMode: number };

/** Parses with SLL first and LL on failure; throws an Error naming the first error's line. */
export function parseApex<T>(text: string, entry: (parser: ApexParser) => T): { tree: T; src: SourceText } {
  const prepared = prepareSource(text);
  const lexerErrors = new CollectingListener();
  const parserErrors = new CollectingListener();
  const lexer = ApexParserFactory.createLexer(prepared.text);
  lexer.addErrorListener(lexerErrors);
  dropHiddenTokens(lexer);
  const tokens = ApexParserFactory.createTokenStream(lexer);
  const parser = ApexParserFactory.createParser(tokens);
  parser.addErrorListener(parserErrors);
  const interpreter = (parser as unknown as { _interp: PredictionInterpreter })._interp;

  interpreter.predictionMode = PREDICTION_SLL;
  let tree = entry(parser);
  if (parserErrors.problems.length > 0) {
    parserErrors.problems.length = 0;
    parser.reset(); // rewinds the token stream; tokens are not lexed again
    interpreter.predictionMode = PREDICTION_LL;
    tree = entry(parser);
  }
  const problems = [...lexerErrors.problems, ...parserErrors.problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (${problems.length - 1} more syntax error${problems.length > 2 ? 's' : ''} in the file)` : '';
    throw new Error(`Apex syntax error at line ${first.line}, column ${first.column + 1}: ${shorten(first.message)}${more}`);
  }
  return { tree, src: new SourceText(text, prepared.shifted) };
}

/**
 * Whitespace and comments come out of the lexer on the hidden channel, and the token stream steps over
 * them again on every parser lookahead. Nothing here reads hidden tokens (text comes from the source by
 * offset), so they are dropped as they are lexed.
 */
function dropHiddenTokens(lexer: { nextToken(): { channel: number; type: number } }): void {
  const next = lexer.nextToken.bind(lexer);
  lexer.nextToken = () => {
    for (;;) {
      const token = next();
      if (token.channel === 0 || token.type === EOF) return token;
    }
  };
}

/** ANTLR's "expecting {...}" can list every keyword of the language; keep the message readable. */
function shorten(message: string): string {
  let clean = message.replace(/\s+/g, ' ');
  const expecting = /\s*expecting \{(.*)\}\s*$/.exec(clean);
  if (expecting && expecting[1]!.split(',').length > 6) clean = clean.replace(expecting[0], '');
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE - 1)}…` : clean;
}

export class AntlrApexBackend implements ApexParserBackend {
  public parseClass(input: ParseInput): ApexClassModel {
    const { tree, src } = parseApex(input.text, (parser) => parser.compilationUnit());
    return extractClass(tree, src, input);
  }

  public parseTrigger(input: ParseInput): ApexTriggerModel {
    const { tree, src } = parseApex(input.text, (parser) => parser.triggerUnit());
    return extractTrigger(tree, src, input);
  }
}

/**
 * Queries: inline SOQL `[SELECT ... FROM X]`, inline SOSL `[FIND ... RETURNING X, Y]`, and dynamic
 * queries (`Database.query(...)` and friends). Bind expressions (`:ids`, `:svc.ids()`) are handed
 * back to the walker so calls inside them are still seen.
 */
import {
  Arth2ExpressionContext,
  BoundExpressionContext,
  FromNameListContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  SubQueryContext,
  type ApexParserRuleContext,
  type ExpressionContext,
  type FieldSpecListContext,
  type QueryContext,
  type SoslLiteralContext,
} from '@apexdevtools/apex-parser';
import type { ApexSoql } from '../model.js';
import { inLoop, type WalkContext } from './context.js';
import { isRule, opt, stringLiteralValue } from './syntax.js';

/** Methods whose first argument is a query string. Keys are `namespace.method`, lower-case. */
const DYNAMIC_QUERY_METHODS = new Set([
  'database.query',
  'database.querywithbinds',
  'database.countquery',
  'database.countquerywithbinds',
  'database.getquerylocator',
  'database.getquerylocatorwithbinds',
  'search.query',
]);

export function isDynamicQuery(namespace: string, method: string): boolean {
  return DYNAMIC_QUERY_METHODS.has(`${namespace.toLowerCase()}.${method}`);
}

/** An inline query and the bind expressions in it (walked, then the query is recorded). */
export type InlineQuery = { entry: ApexSoql; binds: ExpressionContext[] };

/** Reads an inline SOQL query. */
export function readSoql(wc: WalkContext, query: QueryContext, line: number): InlineQuery {
  const objects: string[] = [];
  for (const name of opt(query.fromNameList())?.fieldName_list() ?? []) objects.push(wc.src.text(name));
  const fields: string[] = [];
  for (const entry of opt(query.selectList())?.selectEntry_list() ?? []) {
    const field = opt(entry.fieldName()) ?? opt(entry.soqlFunction());
    if (field) fields.push(wc.src.text(field));
  }
  const binds: ExpressionContext[] = [];
  // One pass over the query's own subtree: nested FROMs (sub-queries, semi-joins) and bind expressions.
  const visit = (node: ApexParserRuleContext, nested: boolean): void => {
    for (const child of node.children ?? []) {
      if (!isRule(child)) continue;
      if (child instanceof BoundExpressionContext) {
        const expr = opt(child.expression());
        if (expr) binds.push(expr);
        continue;
      }
      if (child instanceof FromNameListContext) {
        if (nested) for (const name of child.fieldName_list()) objects.push(wc.src.text(name));
        continue;
      }
      visit(child, nested || child instanceof SubQueryContext);
    }
  };
  visit(query, false);
  return { entry: { objects: dedupe(objects), fields, kind: 'soql', line, inLoop: inLoop(wc) }, binds };
}

/** Reads an inline SOSL search; objects come from RETURNING. */
export function readSosl(wc: WalkContext, sosl: SoslLiteralContext, line: number): InlineQuery {
  const objects: string[] = [];
  const clauses = opt(sosl.soslClauses());
  const collect = (list: FieldSpecListContext | null): void => {
    if (!list) return;
    const spec = opt(list.fieldSpec());
    const id = spec ? opt(spec.soslId(0)) : null;
    if (id) objects.push(wc.src.text(id));
    for (const next of list.fieldSpecList_list()) collect(next);
  };
  collect(clauses ? opt(clauses.fieldSpecList()) : null);
  const binds: ExpressionContext[] = [];
  const bound = opt(sosl.boundExpression());
  const expr = bound ? opt(bound.expression()) : null;
  if (expr) binds.push(expr);
  return { entry: { objects: dedupe(objects), fields: [], kind: 'sosl', line, inLoop: inLoop(wc) }, binds };
}

/**
 * `Database.query(...)`: objects and fields are read only from string literals (`'SELECT Id FROM X'`,
 * or the literal parts of `'SELECT Id FROM ' + name`); otherwise they stay empty.
 */
export function recordDynamicQuery(wc: WalkContext, argument: ExpressionContext | null, line: number): void {
  const literal = argument ? literalText(wc, argument) : undefined;
  const parsed = literal ? parseQueryString(literal) : { objects: [], fields: [] };
  wc.out.soql.push({ objects: parsed.objects, fields: parsed.fields, kind: 'dynamic', line, inLoop: inLoop(wc) });
}

/** The string literal parts of a literal or a `+` concatenation (non-literal parts become a space). */
function literalText(wc: WalkContext, expr: ExpressionContext): string | undefined {
  const parts: string[] = [];
  let found = false;
  const visit = (node: ExpressionContext): void => {
    if (node instanceof Arth2ExpressionContext && opt(node.ADD())) {
      for (const operand of node.expression_list()) visit(operand);
      return;
    }
    if (node instanceof PrimaryExpressionContext) {
      const primary = opt(node.primary());
      if (primary instanceof LiteralPrimaryContext) {
        const token = opt(primary.literal().StringLiteral()) ?? opt(primary.literal().MultilineStringLiteral());
        if (token) {
          parts.push(stringLiteralValue(wc.src.text(token)));
          found = true;
          return;
        }
      }
    }
    parts.push(' ');
  };
  visit(expr);
  return found ? parts.join('') : undefined;
}

/** Outer FROM objects and SELECT fields of a query string. Light: depth-aware, not a SOQL parser. */
export function parseQueryString(query: string): { objects: string[]; fields: string[] } {
  const text = query.replace(/\s+/g, ' ');
  const objects: string[] = [];
  const fields: string[] = [];
  const selectMatch = /\bselect\b/i.exec(text);
  if (!selectMatch) return { objects, fields };
  let depth = 0;
  let outerFrom = -1;
  for (let index = selectMatch.index; index < text.length; index++) {
    const ch = text[index];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && /^from\b/i.test(text.slice(index, index + 5)) && /\s/.test(text[index - 1] ?? ' ')) {
      outerFrom = index;
      break;
    }
  }
  if (outerFrom === -1) return { objects, fields };
  const outerObject = /^from\s+([A-Za-z_][\w.]*)/i.exec(text.slice(outerFrom));
  if (outerObject) objects.push(outerObject[1]!);
  const selectList = text.slice(selectMatch.index + 6, outerFrom);
  let current = '';
  depth = 0;
  for (const ch of selectList) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      pushField(fields, current);
      current = '';
    } else current += ch;
  }
  pushField(fields, current);
  for (const match of text.slice(selectMatch.index).matchAll(/\(\s*select\b[^()]*?\bfrom\s+([A-Za-z_][\w.]*)/gi)) {
    objects.push(match[1]!);
  }
  return { objects: dedupe(objects), fields };
}

function pushField(fields: string[], raw: string): void {
  const field = raw.trim();
  if (field.length > 0 && !field.startsWith('(') && /^[\w.]+(\s*\([^()]*\))?$/.test(field)) fields.push(field);
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

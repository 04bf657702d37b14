import type { FormulaReferences } from './model.js';

/**
 * A small tokenizer for Salesforce formulas (validation rules, formula fields, workflow criteria,
 * field updates). It reads the formula once, left to right, and sorts what it meets into field
 * references, `$` globals and function names. String literals, comments and numbers are skipped, so
 * `'Account.Name'` inside quotes is never taken for a field.
 */

/** Globals whose first segment usually expresses "who is running this": the classic bypass switches. */
const BYPASS_ROOTS = new Set(['$permission', '$setup', '$user', '$profile', '$userrole', '$custommetadata']);

/** Words that are values, not fields. Compared upper-cased: formulas are case-insensitive. */
const LITERAL_WORDS = new Set(['TRUE', 'FALSE', 'NULL']);

/** Logical words: functions when followed by `(`, never fields. */
const OPERATOR_WORDS = new Set(['AND', 'OR', 'NOT']);

const isIdentStart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || ch === '$');

const isIdentPart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_');

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v' || ch === '\u00a0';

/** Skips whitespace and comments from `index`; returns the next significant position. */
function skipTrivia(formula: string, index: number): number {
  let position = index;
  for (;;) {
    while (position < formula.length && isSpace(formula[position])) position += 1;
    if (formula.startsWith('/*', position)) {
      const end = formula.indexOf('*/', position + 2);
      position = end === -1 ? formula.length : end + 2;
      continue;
    }
    return position;
  }
}

/** Returns the position just after a string literal that starts at `index` (quote included). */
function skipString(formula: string, index: number): number {
  const quote = formula[index];
  let position = index + 1;
  while (position < formula.length) {
    const ch = formula[position];
    if (ch === '\\') {
      position += 2;
      continue;
    }
    if (ch === quote) return position + 1;
    position += 1;
  }
  return formula.length;
}

/** Returns the position just after a number (`12`, `1.5`, `.5`) that starts at `index`. */
function skipNumber(formula: string, index: number): number {
  let position = index;
  while (isDigit(formula[position])) position += 1;
  if (formula[position] === '.' && isDigit(formula[position + 1])) {
    position += 1;
    while (isDigit(formula[position])) position += 1;
  }
  // Exponents are not part of the formula language; a trailing letter would start an identifier.
  return position;
}

/**
 * Reads an identifier path from `index`: `Amount`, `Account.Owner.Name`, `$Setup.Bypass__c.Off__c`,
 * `Owner:User.Name` (polymorphic). Returns the path and the position after it.
 */
function readPath(formula: string, index: number): { path: string; end: number } {
  let position = index + 1;
  for (;;) {
    while (isIdentPart(formula[position])) position += 1;
    const separator = formula[position];
    if ((separator === '.' || separator === ':') && isIdentStart(formula[position + 1]) && formula[position + 1] !== '$') {
      position += 2;
      continue;
    }
    return { path: formula.slice(index, position), end: position };
  }
}

const sortUnique = (values: Iterable<string>): string[] =>
  [...new Set(values)].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));

/** Extracts the fields, globals and functions a formula refers to. Never throws. */
export function extractFormulaReferences(formula: string | undefined): FormulaReferences {
  const fields = new Set<string>();
  const globals = new Set<string>();
  const functions = new Set<string>();
  const source = formula ?? '';

  let position = 0;
  while (position < source.length) {
    position = skipTrivia(source, position);
    if (position >= source.length) break;
    const ch = source[position]!;

    if (ch === '"' || ch === "'") {
      position = skipString(source, position);
      continue;
    }
    if (isDigit(ch) || (ch === '.' && isDigit(source[position + 1]))) {
      position = skipNumber(source, position);
      continue;
    }
    if (ch === '{' && source[position + 1] === '!') {
      // Merge-field brace `{!Field}`: drop the brace, read what is inside as usual.
      position += 2;
      continue;
    }
    if (isIdentStart(ch)) {
      // A lone `$` (not followed by a name) is not a reference.
      if (ch === '$' && !isIdentPart(source[position + 1])) {
        position += 1;
        continue;
      }
      const { path, end } = readPath(source, position);
      position = end;
      const upper = path.toUpperCase();
      const next = skipTrivia(source, end);
      if (source[next] === '(' && !path.includes('.') && !path.startsWith('$')) {
        functions.add(upper);
        continue;
      }
      if (LITERAL_WORDS.has(upper) || OPERATOR_WORDS.has(upper)) continue;
      if (path.startsWith('$')) globals.add(path);
      else fields.add(path);
      continue;
    }
    // Operators (&&, ||, <>, !=, ==, <=, >=, &, +, -, *, /, ^, =, <, >, !), brackets, commas, the
    // closing `}` of a merge field and anything unexpected: one character at a time, nothing to record.
    position += 1;
  }

  const sortedGlobals = sortUnique(globals);
  return {
    fields: sortUnique(fields),
    globals: sortedGlobals,
    bypass: sortedGlobals.filter((name) => BYPASS_ROOTS.has(name.split('.')[0]!.toLowerCase())),
    functions: sortUnique(functions),
  };
}

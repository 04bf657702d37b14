import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { inputError } from '../load/errors.js';
import { displayPath } from '../load/paths.js';
import { EMPTY_POLICY, type LoadedPolicy, type Policy } from './policy.js';

export const POLICY_FILE = 'arch-review.yml';

let validator: ValidateFunction | undefined;

function validate(value: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/policy.json', import.meta.url), 'utf8')) as object;
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

/**
 * Reads the policy: `--policy FILE`, else `arch-review.yml` in the base folder, else none. A file
 * that is not valid YAML or breaks the schema fails fast with its path, line and what is wrong;
 * unknown keys are warnings (with their line), so a newer policy still runs on an older plugin.
 */
export function loadPolicy(baseDir: string, explicitFile?: string): LoadedPolicy {
  const file = explicitFile ? resolve(baseDir, explicitFile) : join(baseDir, POLICY_FILE);
  if (!existsSync(file)) {
    if (explicitFile) {
      throw inputError(`The policy file ${explicitFile} does not exist.`, ['Check the path passed to --policy.'], 'PolicyNotFound');
    }
    return EMPTY_POLICY;
  }
  return parsePolicy(readFileSync(file, 'utf8'), displayPath(baseDir, file));
}

export function parsePolicy(text: string, shownAs: string): LoadedPolicy {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    throw inputError(`${shownAs}:${lineAt(first.pos[0]) ?? 1}: not valid YAML: ${first.message.split('\n')[0]}`, [
      `Fix the YAML syntax of ${shownAs} at that line.`,
    ], 'InvalidPolicy');
  }
  const value = (doc.toJS() ?? {}) as unknown;
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputError(`${shownAs}:1: the policy must be a mapping of sections (systems, owners, hygiene, rules, accepted, ...).`, [
      'See docs/policy.md for the shape of arch-review.yml.',
    ], 'InvalidPolicy');
  }
  const warnings: string[] = [];
  const problems: string[] = [];
  for (const error of validate(value)) {
    const path = pointerPath(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      warnings.push(`${shownAs}:${lineOf([...path, key]) ?? 1}: unknown key "${key}"${path.length > 0 ? ` in ${path.join('.')}` : ''} is ignored`);
      continue;
    }
    problems.push(`${shownAs}:${lineOf(path) ?? 1}: ${path.length > 0 ? path.join('.') : 'the policy'} ${describe(error)}`);
  }
  if (problems.length > 0) {
    throw inputError(`The policy file is invalid:\n${[...new Set(problems)].join('\n')}`, [
      `Fix ${shownAs} at the lines above; docs/policy.md describes every section.`,
    ], 'InvalidPolicy');
  }
  return { policy: value as Policy, file: shownAs, lineOf, warnings: warnings.sort() };
}

function pointerPath(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'type':
      return `must be ${(error.params as { type: string }).type}`;
    case 'enum':
      return `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`;
    case 'required':
      return `needs "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'pattern':
      return error.instancePath.includes('expires') ? 'must be a date, YYYY-MM-DD' : `must match ${(error.params as { pattern: string }).pattern}`;
    case 'anyOf':
      return 'must be a date, YYYY-MM-DD';
    default:
      return error.message ?? 'is invalid';
  }
}

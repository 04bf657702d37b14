import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, renderers, stableStringify, writeFileAtomic } from '../../src/report/index.js';
import { plainStableStringify } from '../../src/report/stable-json.js';
import type { ReviewResult } from '../../src/review/result.js';
import { nastyResult, sampleResult } from './result-kit.js';

/** Every object in the value has its keys in sorted order (by code unit). */
function keysSorted(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keysSorted(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const keys = Object.keys(value);
  const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const here = keys.join() === sorted.join() ? [] : [`${path}: ${keys.join(', ')}`];
  return [...here, ...Object.entries(value).flatMap(([key, child]) => keysSorted(child, `${path}.${key}`))];
}

/** The same result with every object's keys inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, child]) => [key, reversedKeys(child)])) as T;
}

describe('renderers registry', () => {
  it('has a markdown and a json renderer, both pure functions of the result', () => {
    expect(REPORT_FORMATS).toEqual(['markdown', 'json', 'sarif', 'html']);
    const result = sampleResult();
    const before = JSON.stringify(result);
    for (const format of REPORT_FORMATS) {
      expect(renderers[format](result)).toBe(renderers[format](sampleResult()));
    }
    expect(JSON.stringify(result)).toBe(before);
    expect(renderers.markdown(result)).toMatch(/^# Architecture review\n/);
  });
});

describe('json renderer', () => {
  it('renders the same result to the same bytes, whatever order its keys were built in', () => {
    const first = renderers.json(sampleResult());
    expect(renderers.json(sampleResult())).toBe(first);
    expect(renderers.json(reversedKeys(sampleResult()))).toBe(first);
    expect(JSON.stringify(reversedKeys(sampleResult()))).not.toBe(JSON.stringify(sampleResult()));
  });

  it('sorts keys at every depth and keeps array order', () => {
    const text = renderers.json(sampleResult());
    const parsed = JSON.parse(text) as ReviewResult;
    expect(keysSorted(parsed)).toEqual([]);
    expect(parsed.findings.map((finding) => finding.severity)).toEqual(['low', 'critical', 'medium']);
    expect(parsed.objects[0]!.entries.map((entry) => entry.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('round-trips, two-space indented, with a final newline', () => {
    const result = nastyResult();
    const text = renderers.json(result);
    expect(JSON.parse(text)).toEqual(result);
    expect(text).toMatch(/^\{\n {2}"edges": \[\n {4}\{\n {6}"confidence"/);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('stableStringify', () => {
  it('sorts keys by code unit, including keys that look like numbers', () => {
    expect(stableStringify({ b: 1, a: { d: [3, 1, 2], c: null }, '10': true, '9': false, B: 'x' }, 0).replace(/\n/g, '')).toBe(
      '{"10": true,"9": false,"B": "x","a": {"c": null,"d": [3,1,2]},"b": 1}',
    );
  });

  it('drops what JSON drops and writes what JSON writes', () => {
    const value = { keep: 1, gone: undefined, fn: () => 1, list: [undefined, NaN, Infinity, 'é\n"'], when: new Date(0), empty: {}, none: [] };
    const text = stableStringify(value);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
    expect(text).toBe(
      '{\n  "empty": {},\n  "keep": 1,\n  "list": [\n    null,\n    null,\n    null,\n    "é\\n\\""\n  ],\n  "none": [],\n  "when": "1970-01-01T00:00:00.000Z"\n}',
    );
    expect(stableStringify(undefined)).toBe('null');
  });

  it('writes the same bytes as the plain writer, for any value and indent', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '7', '10', '01', '4294967295', '-1', '1e3', 'a', 'B', '__proto__', 'constructor'));
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, fc.jsonValue(), fc.constantFrom(undefined, NaN, -0, new Date(0)), fc.array(tie('tree')), fc.dictionary(key, tie('tree'))),
    }));
    fc.assert(
      fc.property(tree, fc.integer({ min: 0, max: 12 }), (value, indent) => {
        expect(stableStringify(value, indent)).toBe(plainStableStringify(value, indent));
      }),
      { numRuns: 500 },
    );
    // An own `__proto__` key out of order is kept (a copy made the plain way would drop it).
    const withProto = JSON.parse('{"b": 1, "__proto__": 2}') as unknown;
    expect(stableStringify(withProto)).toBe('{\n  "__proto__": 2,\n  "b": 1\n}');
    // The fast path keeps an object whose keys look like indexes in code-unit order.
    expect(stableStringify({ z: { '10': 1, '9': 2 } })).toBe('{\n  "z": {\n    "10": 1,\n    "9": 2\n  }\n}');
  });
});

describe('writeFileAtomic', () => {
  it('creates missing folders, replaces the file, and leaves no temporary file behind', async () => {
    const base = mkdtempSync(join(tmpdir(), 'arch-report-'));
    const target = join(base, 'deep', 'er', 'report.md');
    expect(await writeFileAtomic(target, 'first')).toBe(target);
    await writeFileAtomic(target, 'second');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(join(base, 'deep', 'er'))).toEqual(['report.md']);
  });

  it('fails without leaving a partial file when the target cannot be replaced', async () => {
    const base = mkdtempSync(join(tmpdir(), 'arch-report-'));
    writeFileSync(join(base, 'file'), 'x');
    // A path under a regular file: the folder cannot be created.
    await expect(writeFileAtomic(join(base, 'file', 'report.md'), 'text')).rejects.toThrow();
    const dir = join(base, 'dir.md');
    await writeFileAtomic(join(dir, 'inner'), 'x');
    // The target is a folder: the rename fails, and the temporary file is removed.
    await expect(writeFileAtomic(dir, 'text')).rejects.toThrow();
    expect(readdirSync(base).sort()).toEqual(['dir.md', 'file']);
  });
});

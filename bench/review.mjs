#!/usr/bin/env node
/**
 * What `sf arch review` does once its flags are parsed, on the built plugin, with the loader options
 * the command does not pass yet (`--workers`, `--no-cache`): review, render, write the report.
 * The benchmark uses the real command when its --help lists those flags.
 * Usage: node bench/review.mjs <project folder> [--workers N] [--cache] [--format json|markdown] [--output-file F]
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string' },
    cache: { type: 'boolean', default: false },
    format: { type: 'string', default: 'json' },
    'output-file': { type: 'string' },
  },
});
const project = resolve(positionals[0] ?? '.');
const libUrl = (path) => pathToFileURL(join(import.meta.dirname, '..', 'lib', path)).href;
const { review } = await import(libUrl('review/review.js'));
const { result } = await review({
  baseDir: project,
  sourceDirs: [],
  ...(values.workers ? { workers: Number(values.workers) } : {}),
  cache: values.cache,
});
const { renderers } = await import(libUrl('report/index.js'));
const text = renderers[values.format](result);
if (values['output-file']) writeFileSync(values['output-file'], text);
process.stdout.write(`${JSON.stringify({ findings: result.findings.length, parseIssues: result.parseIssues.length })}\n`);

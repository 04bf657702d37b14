#!/usr/bin/env node
/**
 * The loader alone (discovery and parsing into the model, no graph, rules or report), on the built
 * plugin: what this part of the review costs, next to the whole review.
 * Usage: node bench/load.mjs <project folder> [--cache] [--workers N]
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { cache: { type: 'boolean', default: false }, workers: { type: 'string' } },
});
const project = resolve(positionals[0] ?? '.');
const { loadModel } = await import(pathToFileURL(join(import.meta.dirname, '..', 'lib', 'review', 'review.js')).href);
const model = await loadModel({ baseDir: project, sourceDirs: [], cache: values.cache, ...(values.workers ? { workers: Number(values.workers) } : {}) });
const listed = model.otherComponents.filter((component) => component.type === 'ApexClass').length;
process.stdout.write(`${JSON.stringify({ flows: model.flows.length, apexClassesParsed: model.apexClasses.length, apexClassesListed: listed, parseIssues: model.parseIssues.length })}\n`);

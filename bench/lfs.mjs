#!/usr/bin/env node
/**
 * Lightning Flow Scanner's core (the devDependency) on every flow of a project: parse, then scan
 * with its default rules. The comparison row for our review of a flows-only copy.
 * Usage: node bench/lfs.mjs <project folder>
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import scanner from '@flow-scanner/lightning-flow-scanner-core';

const { parse, scan } = scanner;

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: node bench/lfs.mjs <project folder>\n');
  process.exit(2);
}
const flows = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.flow-meta.xml'))
  .map((entry) => join(entry.parentPath, entry.name));
const parsed = await parse(flows);
const results = scan(parsed);
const violations = results.reduce((sum, result) => sum + result.ruleResults.filter((rule) => rule.occurs).reduce((n, rule) => n + rule.details.length, 0), 0);
process.stdout.write(`${JSON.stringify({ flows: flows.length, scanned: results.length, violations })}\n`);

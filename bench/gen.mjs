#!/usr/bin/env node
// `npm run bench:gen -- --scale N --out DIR [--seed S]`: writes a synthetic org (DX source format).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateOrg } from './generate/index.mjs';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const scale = Number(values.scale);
const out = resolve(values.out ?? `bench-out/org-${values.scale}`);
const started = performance.now();
const summary = generateOrg({ scale, out, seed: Number(values.seed) });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`Generated scale ${scale} (seed ${summary.seed}) into ${out}: ${summary.files} files, ${(summary.bytes / 1e6).toFixed(0)} MB in ${seconds} s\n`);
process.stdout.write(`${Object.entries(summary.counts).map(([kind, n]) => `${kind} ${n}`).join(', ')}\n`);

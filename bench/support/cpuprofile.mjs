#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): busy, idle and GC time, and the functions with the
 * most self time. Usage: node bench/support/cpuprofile.mjs FILE...
 */
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';

const repo = new URL('../../', import.meta.url).pathname;

export function summariseProfile(file, top = 6) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (deltas[index] ?? 0)));
  const byName = new Map();
  let idle = 0;
  let gc = 0;
  let total = 0;
  for (const [id, micros] of self) {
    const frame = byId.get(id)?.callFrame ?? {};
    const name = frame.functionName || '(anonymous)';
    total += micros;
    if (name === '(idle)') {
      idle += micros;
      continue;
    }
    if (name === '(garbage collector)') gc += micros;
    const url = (frame.url ?? '').replace(/^file:\/\//, '');
    const where = url ? ` ${url.startsWith(repo) ? relative(repo, url) : url.replace(/^.*node_modules\//, '').replace(/^node:/, '')}${frame.lineNumber >= 0 && url.startsWith(repo) ? `:${frame.lineNumber + 1}` : ''}` : '';
    const label = `${name}${where}`;
    byName.set(label, (byName.get(label) ?? 0) + micros);
  }
  const s = (micros) => `${(micros / 1e6).toFixed(1)} s`;
  const ranked = [...byName].sort((a, b) => b[1] - a[1]).slice(0, top);
  return `${basename(file)}: busy ${s(total - idle)} (GC ${s(gc)}), idle ${s(idle)}. Top self time: ${ranked.map(([label, micros]) => `${label} ${s(micros)}`).join('; ')}`;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  for (const file of process.argv.slice(2)) process.stdout.write(`${summariseProfile(file, 10)}\n`);
}

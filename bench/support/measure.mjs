/**
 * Runs one child process under `/usr/bin/time -v` (wall, user + system CPU over all threads, peak
 * RSS), or with a plain clock where GNU time is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

const TIME = '/usr/bin/time';
export const canMeasureResources = existsSync(TIME);

export function measure(node, args, { cwd, env } = {}) {
  const load = loadavg()[0];
  const started = performance.now();
  const child = canMeasureResources
    ? spawnSync(TIME, ['-v', node, ...args], { cwd, env: env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(node, args, { cwd, env: env ?? process.env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const clock = (performance.now() - started) / 1000;
  const stderr = child.stderr ?? '';
  const result = { ok: child.status === 0, status: child.status, stdout: child.stdout ?? '', stderr, wall: clock, load };
  if (!canMeasureResources) return result;
  const field = (name) => stderr.match(new RegExp(`${name}: (.+)`))?.[1]?.trim();
  const user = Number(field('User time \\(seconds\\)'));
  const system = Number(field('System time \\(seconds\\)'));
  const rssKb = Number(field('Maximum resident set size \\(kbytes\\)'));
  const elapsed = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)');
  if (elapsed) result.wall = elapsed.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  if (Number.isFinite(user) && Number.isFinite(system)) result.cpu = user + system;
  if (Number.isFinite(rssKb)) result.rssMb = rssKb / 1024;
  return result;
}

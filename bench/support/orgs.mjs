/**
 * The generated orgs the benchmark reads, under bench-out/ (gitignored): reused while the marker
 * file says they were written by this generator version for this scale and seed.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATOR_VERSION, MARKER, generateOrg } from '../generate/index.mjs';

export const benchOut = join(import.meta.dirname, '..', '..', 'bench-out');
const SEED = 42;

export function ensureOrg(scale) {
  const dir = join(benchOut, `org-${scale}`);
  let summary;
  try {
    summary = JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    summary = undefined;
  }
  if (!summary || summary.generatorVersion !== GENERATOR_VERSION || summary.scale !== scale || summary.seed !== SEED || !existsSync(join(dir, 'sfdx-project.json'))) {
    process.stderr.write(`Generating the scale ${scale} org into ${dir}...\n`);
    mkdirSync(dir, { recursive: true });
    summary = generateOrg({ scale, out: dir, seed: SEED });
  }
  return { dir, scale, files: summary.files, bytes: summary.bytes };
}

/** Empties a project's arch-review caches (parse, discovery and result caches). */
export function clearCache(dir) {
  rmSync(join(dir, '.sfdx', 'arch-review'), { recursive: true, force: true });
}

/** A copy of an org that holds only its flows (for the Flow Scanner comparison), made once. */
export function flowsOnly(org) {
  const dir = join(benchOut, `flows-${org.scale}`);
  const flows = join(dir, 'force-app', 'main', 'default', 'flows');
  if (!existsSync(join(dir, MARKER)) || readFileSync(join(dir, MARKER), 'utf8') !== readFileSync(join(org.dir, MARKER), 'utf8')) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(flows, { recursive: true });
    cpSync(join(org.dir, 'force-app', 'main', 'default', 'flows'), flows, { recursive: true });
    cpSync(join(org.dir, 'sfdx-project.json'), join(dir, 'sfdx-project.json'));
    cpSync(join(org.dir, MARKER), join(dir, MARKER));
  }
  return dir;
}

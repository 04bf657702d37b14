#!/usr/bin/env node
/**
 * `npm run bench`: measures the review against the parse floor, its cache, its cold start, and
 * Lightning Flow Scanner, on generated orgs (bench-out/, generated when absent), and writes the
 * tables into docs/performance.md (between the bench markers; the text around them is kept).
 * Options: --scale S (default 1), --growth 0.25,0.5,1 (or none), --repeat N (median of N runs per
 * row), --profile (add CPU profiles of a cold and a warm run), --no-docs (print only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseProfile } from './support/cpuprofile.mjs';
import { machine } from './support/machine.mjs';
import { canMeasureResources, measure } from './support/measure.mjs';
import { benchOut, clearCache, ensureOrg, flowsOnly } from './support/orgs.mjs';
import { renderReport, writeDocs } from './support/report.mjs';
import { restoreTouched, touchOneFlowAndClass } from './support/touch.mjs';

const repo = join(import.meta.dirname, '..');
const node = process.execPath;
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    growth: { type: 'string', default: '0.25,0.5,1' },
    profile: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    docs: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
if (!existsSync(join(repo, 'lib', 'review', 'review.js'))) {
  process.stderr.write('The plugin is not built: run `npm run build` first (npm run bench does).\n');
  process.exit(2);
}
const results = join(benchOut, 'results');
mkdirSync(results, { recursive: true });

/** The real command when it has the loader flags; until then, bench/review.mjs (the same pipeline). */
const help = spawnSync(node, [join(repo, 'bin', 'run.js'), 'arch', 'review', '--help'], { encoding: 'utf8' }).stdout ?? '';
const cliHasLoaderFlags = help.includes('--workers') && help.includes('cache');
function reviewArgs(project, { cache, label }) {
  const output = join(results, `${label}.json`);
  if (cliHasLoaderFlags) return { args: [join(repo, 'bin', 'run.js'), 'arch', 'review', '--format', 'json', '--output-file', output, ...(cache ? [] : ['--no-cache'])], cwd: project, output };
  return { args: [join(repo, 'bench', 'review.mjs'), project, '--format', 'json', '--output-file', output, ...(cache ? ['--cache'] : [])], cwd: project, output };
}

/**
 * The real `sf` CLI's entry script, run on this same Node so the comparison is of the CLIs alone: the
 * one on PATH, else the one `npm run test:e2e` installs under ~/.cache.
 */
function findSfCli() {
  const which = spawnSync('sh', ['-c', 'command -v sf'], { encoding: 'utf8' });
  const onPath = which.status === 0 ? which.stdout.trim() : '';
  if (onPath) {
    try {
      const script = realpathSync(onPath);
      // An npm install links to the CLI's run.js; a tarball install's shell wrapper is not run here.
      if (script.endsWith('.js')) return { script, where: script };
    } catch {
      // a dangling link: try the cached install
    }
  }
  const cached = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'sf-arch-review-e2e');
  if (!existsSync(cached)) return undefined;
  for (const folder of readdirSync(cached).sort().reverse()) {
    const script = join(cached, folder, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
    if (existsSync(script)) {
      const version = JSON.parse(readFileSync(join(cached, folder, 'node_modules', '@salesforce', 'cli', 'package.json'), 'utf8')).version;
      return { script, where: `@salesforce/cli ${version}, the e2e tests' install` };
    }
  }
  return undefined;
}

const log = (text) => process.stderr.write(`${text}\n`);
const repeat = Math.max(1, Number(values.repeat) || 1);
const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)];

/** Runs a row `--repeat` times (`before` prepares each run) and keeps the median wall and CPU time, and the highest peak memory. */
function run(label, args, cwd, { before, ...extra } = {}) {
  log(`  ${label}...`);
  const runs = [];
  for (let index = 0; index < repeat; index += 1) {
    before?.();
    const result = measure(node, args, { cwd });
    if (!result.ok) {
      log(`    failed (${result.status}): ${result.stderr.split('\n').slice(-6).join('\n    ')}`);
      return { label, ...result, ...extra };
    }
    log(`    ${result.wall.toFixed(1)} s wall${result.cpu !== undefined ? `, ${result.cpu.toFixed(1)} s CPU, ${result.rssMb.toFixed(0)} MB` : ''}`);
    runs.push(result);
  }
  const summary = { ...runs[0], wall: median(runs.map((r) => r.wall)), load: median(runs.map((r) => r.load)) };
  if (runs[0].cpu !== undefined) Object.assign(summary, { cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)) });
  return { label, ...summary, runs: runs.length, ...extra };
}

function reviewRow(label, org, { cache, key, before }) {
  const { args, cwd, output } = reviewArgs(org.dir, { cache, label: key });
  return run(label, args, cwd, { output, before });
}

const findingsOf = (path) => {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8'));
    return JSON.stringify((parsed.result ?? parsed).findings);
  } catch {
    return undefined;
  }
};

const scale = Number(values.scale);
const org = ensureOrg(scale);
log(`Scale ${scale}: ${org.files} files, ${(org.bytes / 1e6).toFixed(0)} MB (${cliHasLoaderFlags ? 'sf arch review' : 'bench/review.mjs: the command has no --workers/--no-cache yet'})`);

const rows = {};
const clear = () => clearCache(org.dir);
rows.floor = run('parse floor (1 thread)', [join(repo, 'bench', 'floor.mjs'), org.dir], repo);
rows.coldNoCache = reviewRow('review, cache off', org, { cache: false, key: 'cold-nocache', before: clear });
rows.cold = reviewRow('review cold (empty cache)', org, { cache: true, key: 'cold', before: clear });
rows.warm = reviewRow('review warm (nothing changed)', org, { cache: true, key: 'warm' });
// Each run edits the two files again, with content no run has seen: two changed files every time.
let touched;
let round = 0;
rows.touched = reviewRow('review warm, one flow and one class changed', org, {
  cache: true,
  key: 'touched',
  before: () => {
    if (touched) restoreTouched(touched);
    touched = touchOneFlowAndClass(org.dir, (round += 1));
  },
});
if (touched) restoreTouched(touched);
// The default format: the Markdown report, warm (its result cached by a first run), and its size.
const markdownFile = join(results, 'warm.md');
const markdownArgs = [join(repo, 'bin', 'run.js'), 'arch', 'review', '--output-file', markdownFile];
spawnSync(node, markdownArgs, { cwd: org.dir, stdio: 'ignore' });
rows.warmMarkdown = run('review warm, Markdown report (the default format)', markdownArgs, org.dir);
rows.markdownBytes = existsSync(markdownFile) ? readFileSync(markdownFile).length : undefined;

rows.loadCold = run('loader only, cold (discovery + parse into the model)', [join(repo, 'bench', 'load.mjs'), org.dir, '--cache'], org.dir, { before: clear });
rows.loadWarm = run('loader only, warm', [join(repo, 'bench', 'load.mjs'), org.dir, '--cache'], org.dir);

rows.help = run('sf-arch-review: arch review --help', [join(repo, 'bin', 'run.js'), 'arch', 'review', '--help'], repo);
rows.sample = run('sf-arch-review: review of the sample', [join(repo, 'bin', 'run.js'), 'arch', 'review', '--format', 'json', '--output-file', join(results, 'sample.json')], join(repo, 'fixtures', 'acme'));
const sf = findSfCli();
// One run first, as for our --help above: the first start of a CLI writes its caches and config.
if (sf) spawnSync(node, [sf.script, 'org', 'list', '--help'], { cwd: repo, encoding: 'utf8' });
rows.sfHelp = sf
  ? run(`sf org list --help (${sf.where})`, [sf.script, 'org', 'list', '--help'], repo)
  : { label: 'sf org list --help', skipped: 'the sf CLI is not installed on this machine (neither on PATH nor cached by npm run test:e2e)' };

// Flow Scanner against our review of the same flows; a smaller copy too, for the cost of one more flow (start-up aside).
const flowRuns = (which, flowDir) => {
  const count = readdirSync(join(flowDir, 'force-app', 'main', 'default', 'flows')).length;
  const lfs = run(`Lightning Flow Scanner core 6.6.0, ${count} flows (parse + scan)`, [join(repo, 'bench', 'lfs.mjs'), flowDir], repo);
  const ours = reviewArgs(flowDir, { cache: false, label: `flows-only-${which}` });
  return { count, lfs, ours: run(`sf-arch-review on the same ${count} flows (cache off)`, ours.args, ours.cwd, { before: () => clearCache(flowDir) }) };
};
const smallScale = Math.min(...values.growth.split(',').map(Number).filter((value) => value > 0 && value < scale), scale / 4);
const flows = { large: flowRuns('large', flowsOnly(org)), small: flowRuns('small', flowsOnly(ensureOrg(smallScale))) };
rows.lfs = flows.large.lfs;
rows.flowsReview = flows.large.ours;
rows.lfsSmall = flows.small.lfs;
rows.flowsReviewSmall = flows.small.ours;
const flowCount = flows.large.count;

const growth = [];
for (const growthScale of values.growth === 'none' ? [] : values.growth.split(',').map(Number)) {
  if (growthScale === scale) {
    growth.push({ scale, files: org.files, bytes: org.bytes, floor: rows.floor, cold: rows.cold, warm: rows.warm });
    continue;
  }
  const other = ensureOrg(growthScale);
  log(`Growth, scale ${growthScale}:`);
  const floor = run('parse floor', [join(repo, 'bench', 'floor.mjs'), other.dir], repo);
  const cold = reviewRow('review cold', other, { cache: true, key: `cold-${growthScale}`, before: () => clearCache(other.dir) });
  const warm = reviewRow('review warm', other, { cache: true, key: `warm-${growthScale}` });
  growth.push({ scale: growthScale, files: other.files, bytes: other.bytes, floor, cold, warm });
}

// The exit delay: from the process's `exit` event (a preloaded probe registers first) to its end,
// on the flows-only review, where the log writer thread used to hold exit for up to a second.
const exitRuns = [];
for (let index = 0; index < 3; index += 1) {
  const child = spawnSync(node, ['--import', join(repo, 'bench', 'support', 'exit-probe.mjs'), join(repo, 'bin', 'run.js'), 'arch', 'review', '--no-cache', '--format', 'json', '--output-file', join(results, 'exit-probe.json')], { cwd: flowsOnly(org), encoding: 'utf8' });
  const ended = Date.now();
  const probe = Number(child.stderr.match(/exit-probe (\d+)/)?.[1]);
  if (Number.isFinite(probe)) exitRuns.push(ended - probe);
}
const exitDelay = exitRuns.length > 0 ? { ms: median(exitRuns), runs: exitRuns.length } : undefined;

const sameFile = (a, b) => existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b));
const checks = {
  sameReportColdWarm: sameFile(join(results, 'cold.json'), join(results, 'warm.json')),
  sameFindingsCacheOnOff: findingsOf(join(results, 'cold-nocache.json')) !== undefined && findingsOf(join(results, 'cold-nocache.json')) === findingsOf(join(results, 'cold.json')),
  sameFindingsColdWarm: findingsOf(join(results, 'cold.json')) !== undefined && findingsOf(join(results, 'cold.json')) === findingsOf(join(results, 'warm.json')),
};

let profiles;
if (values.profile) {
  log('CPU profiles (cold, then warm)...');
  const dir = join(benchOut, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  profiles = {};
  for (const [kind, cache] of [['cold', true], ['warm', true]]) {
    if (kind === 'cold') clearCache(org.dir);
    const target = join(dir, kind);
    spawnSync(node, ['--cpu-prof', `--cpu-prof-dir=${target}`, join(repo, 'bench', 'review.mjs'), org.dir, ...(cache ? ['--cache'] : [])], { cwd: org.dir, stdio: 'ignore' });
    profiles[kind] = existsSync(target) ? readdirSync(target).sort().map((file) => summariseProfile(join(target, file), 8)) : [];
  }
}

const report = renderReport({ machine: machine(), scale, org, rows, flowCount, smallFlowCount: flows.small.count, growth, checks, profiles, exitDelay, measuredResources: canMeasureResources, runner: cliHasLoaderFlags ? 'sf arch review' : 'bench/review.mjs' });
process.stdout.write(`${report}\n`);
if (values.docs) writeDocs(join(repo, 'docs', 'performance.md'), report);

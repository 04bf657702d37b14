/** The benchmark's tables (Markdown), and writing them between the markers of docs/performance.md. */
import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside the markers) -->';
const END = '<!-- bench:end -->';

const num = (value, digits = 1) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const ratio = (a, b) => (a !== undefined && b ? a / b : undefined);
const times = (value) => `${num(value, 2)}×`;
const thousands = (value) => value.toLocaleString('en-US');

function row(entry, note = '') {
  if (!entry) return '';
  if (entry.skipped) return `| ${entry.label} | – | – | – | ${entry.skipped} | – |`;
  if (!entry.ok) return `| ${entry.label} | failed (${entry.status}) | – | – | ${note} | ${num(entry.load)} |`;
  return `| ${entry.label} | ${num(entry.wall)} | ${num(entry.cpu)} | ${num(entry.rssMb, 0)} | ${note} | ${num(entry.load)} |`;
}

const verdict = (met) => (met ? '**met**' : '**not met**');

export function renderReport({ machine, scale, org, rows, flowCount, smallFlowCount, growth, checks, profiles, measuredResources, runner, exitDelay }) {
  const r = rows;
  const perFlow = (entry, count) => (entry?.ok ? (entry.wall * 1000) / count : undefined);
  const perAdded = (large, small) => (large?.ok && small?.ok ? ((large.wall - small.wall) * 1000) / (flowCount - smallFlowCount) : undefined);
  const lfsPer = perFlow(r.lfs, flowCount);
  const oursPer = perFlow(r.flowsReview, flowCount);
  const lfsAdded = perAdded(r.lfs, r.lfsSmall);
  const oursAdded = perAdded(r.flowsReview, r.flowsReviewSmall);
  const reviewRows = [r.coldNoCache, r.cold, r.warm, r.touched].filter((entry) => entry?.ok);
  const peak = Math.max(...reviewRows.map((entry) => entry.rssMb ?? 0));
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}. Load average when the run ended: ${machine.load.join(' / ')}.`,
    `Each row: ${r.cold?.runs ?? 1} run(s) (the median). Reviews run through \`${runner}\`; every row is one child process${measuredResources ? ', measured with `/usr/bin/time -v` (CPU = user + system over all threads; peak RSS of the process)' : ''}. "load" is the 1-minute load average when the row started.`,
    '',
    `### Scale ${scale}: ${thousands(org.files)} files, ${(org.bytes / 1e6).toFixed(0)} MB`,
    '',
    '| run | wall s | CPU s | peak RSS MB | ratio | load |',
    '|---|---:|---:|---:|---|---:|',
    row(r.floor, 'the reference'),
    row(r.coldNoCache, `${times(ratio(r.coldNoCache?.wall, r.floor?.wall))} floor (wall), ${times(ratio(r.coldNoCache?.cpu, r.floor?.cpu))} (CPU)`),
    row(r.cold, `${times(ratio(r.cold?.wall, r.floor?.wall))} floor (wall), ${times(ratio(r.cold?.cpu, r.floor?.cpu))} (CPU)`),
    row(r.warm, `${times(ratio(r.warm?.wall, r.cold?.wall))} cold (wall), ${times(ratio(r.warm?.cpu, r.cold?.cpu))} (CPU)`),
    row(r.touched, `${times(ratio(r.touched?.wall, r.cold?.wall))} cold (wall), ${times(ratio(r.touched?.cpu, r.cold?.cpu))} (CPU)`),
    row(r.warmMarkdown, `${times(ratio(r.warmMarkdown?.wall, r.cold?.wall))} cold (wall)${r.markdownBytes ? `; report ${(r.markdownBytes / 1e6).toFixed(2)} MB` : ''}`),
    row(r.loadCold, `${times(ratio(r.loadCold?.wall, r.floor?.wall))} floor (wall); ${times(ratio(r.loadCold?.wall, r.cold?.wall))} of the cold review`),
    row(r.loadWarm, `${times(ratio(r.loadWarm?.wall, r.loadCold?.wall))} loader cold (wall), ${times(ratio(r.loadWarm?.cpu, r.loadCold?.cpu))} (CPU)`),
    row(r.help, r.sfHelp?.ok ? `${times(ratio(r.help?.wall, r.sfHelp.wall))} \`sf org list --help\`` : ''),
    row(r.sample, 'cold start on the sample (fixtures/acme)'),
    row(r.sfHelp),
    row(r.lfsSmall, `${num(perFlow(r.lfsSmall, smallFlowCount), 2)} ms per flow`),
    row(r.flowsReviewSmall, `${num(perFlow(r.flowsReviewSmall, smallFlowCount), 2)} ms per flow`),
    row(r.lfs, `${num(lfsPer, 2)} ms per flow; ${num(lfsAdded, 2)} ms per added flow`),
    row(r.flowsReview, `${num(oursPer, 2)} ms per flow; ${num(oursAdded, 2)} ms per added flow; ${times(ratio(r.flowsReview?.wall, r.lfs?.wall))} Flow Scanner`),
  ].filter((line) => line !== '');
  lines.push('', `Findings identical with the cache off and on: ${checks.sameFindingsCacheOnOff ? 'yes' : '**no**'}; cold and warm: ${checks.sameFindingsColdWarm ? 'yes' : '**no**'}; whole JSON report cold and warm: ${checks.sameReportColdWarm ? 'yes' : '**no**'}.`);
  if (exitDelay !== undefined) lines.push(`Exit delay (from the process's \`exit\` event to its end, the ${flowCount}-flow review, median of ${exitDelay.runs}): ${exitDelay.ms.toFixed(0)} ms.`);
  const targets = [
    ['cold review ≤ 0.5× the parse floor', `${times(ratio(r.cold?.wall, r.floor?.wall))} (wall), ${times(ratio(r.cold?.cpu, r.floor?.cpu))} (CPU)`, ratio(r.cold?.wall, r.floor?.wall) <= 0.5],
    ['warm ≤ 0.15× cold', `${times(ratio(r.warm?.wall, r.cold?.wall))} (wall), ${times(ratio(r.warm?.cpu, r.cold?.cpu))} (CPU)`, ratio(r.warm?.wall, r.cold?.wall) <= 0.15],
    ['warm, one flow and one class changed ≤ 0.25× cold', `${times(ratio(r.touched?.wall, r.cold?.wall))} (wall), ${times(ratio(r.touched?.cpu, r.cold?.cpu))} (CPU)`, ratio(r.touched?.wall, r.cold?.wall) <= 0.25],
    ['peak RSS ≤ 1.5 GB (every review row)', `${peak.toFixed(0)} MB`, peak > 0 && peak <= 1536],
    ['Markdown report < 1 MB', r.markdownBytes ? `${(r.markdownBytes / 1e6).toFixed(2)} MB` : '–', r.markdownBytes !== undefined && r.markdownBytes < 1e6],
    ['--help no slower than `sf org list --help`', r.sfHelp?.ok ? `${num(r.help?.wall, 2)} s vs ${num(r.sfHelp.wall, 2)} s` : 'sf not installed', r.sfHelp?.ok && r.help.wall <= r.sfHelp.wall],
    ['faster than Lightning Flow Scanner per flow (whole run)', `${num(oursPer, 2)} vs ${num(lfsPer, 2)} ms`, oursPer <= lfsPer],
    ['faster than Lightning Flow Scanner per added flow', `${num(oursAdded, 2)} vs ${num(lfsAdded, 2)} ms`, oursAdded <= lfsAdded],
  ];
  lines.push('', '### Targets', '', '| target | measured | |', '|---|---|---|', ...targets.map(([name, measured, met]) => `| ${name} | ${measured} | ${verdict(met)} |`));
  if (growth.length > 0) {
    lines.push('', '### Growth', '', '| scale | files | input MB | floor wall s | cold wall s | warm wall s | cold CPU s | cold peak RSS MB | RSS MB per input MB |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const entry of growth) {
      lines.push(`| ${entry.scale} | ${thousands(entry.files)} | ${(entry.bytes / 1e6).toFixed(0)} | ${num(entry.floor?.wall)} | ${num(entry.cold?.wall)} | ${num(entry.warm?.wall)} | ${num(entry.cold?.cpu)} | ${num(entry.cold?.rssMb, 0)} | ${num(ratio(entry.cold?.rssMb, entry.bytes / 1e6), 2)} |`);
    }
  }
  if (profiles) {
    lines.push('', '### CPU profiles (`node --cpu-prof`, bench/review.mjs)');
    for (const [kind, summaries] of Object.entries(profiles)) lines.push('', `**${kind}**`, '', ...summaries.map((summary) => `- ${summary}`));
  }
  return lines.join('\n');
}

/** Replaces what is between the markers (the text around them is kept). */
export function writeDocs(file, report) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start === -1 || end === -1 || end < start) throw new Error(`${file} has no bench markers`);
  writeFileSync(file, `${text.slice(0, start + BEGIN.length)}\n\n${report}\n\n${text.slice(end)}`);
}

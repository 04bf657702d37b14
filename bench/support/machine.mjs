/** What the benchmark ran on, for the table's first line. */
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export function machine() {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return {
    cpu: /EPYC/.test(model) ? 'AMD EPYC' : model.replace(/\s+/g, ' ').trim(),
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${type()} ${release()}`,
    load: loadavg().map((value) => value.toFixed(1)),
  };
}

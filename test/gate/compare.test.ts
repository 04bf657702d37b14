import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineKind, parseBaseline, readBaselineFile } from '../../src/gate/baseline-file.js';
import { compareToBaseline } from '../../src/gate/compare.js';
import { renderers } from '../../src/report/index.js';
import { finding, sampleResult } from '../report/result-kit.js';

const a = finding({ ruleId: 'recursion/self-update', severity: 'high', fingerprint: 'aaaa' });
const b = finding({ ruleId: 'recursion/event-loop', severity: 'medium', fingerprint: 'bbbb' });
const c = finding({ ruleId: 'recursion/cross-object-cycle', severity: 'critical', fingerprint: 'cccc' });

describe('compareToBaseline', () => {
  it('marks findings new or existing by fingerprint, and lists what the baseline had and this review has not', () => {
    const { findings, fixed } = compareToBaseline([a, b], [b, c]);
    expect(findings.map((item) => `${item.fingerprint} ${item.baselineState}`)).toEqual(['aaaa new', 'bbbb existing']);
    expect(fixed.map((item) => `${item.fingerprint} ${item.baselineState}`)).toEqual(['cccc fixed']);
  });

  it('ignores lines, messages and severity: the same fingerprint is the same finding', () => {
    const moved = { ...b, message: 'reworded', severity: 'low' as const, components: [{ ...b.components[0]!, line: 99 }] };
    expect(compareToBaseline([moved], [b]).findings[0]!.baselineState).toBe('existing');
  });

  it('keeps the current order, sorts fixed most severe first, and ignores duplicates and stale states in the baseline', () => {
    const stale = { ...c, baselineState: 'new' as const };
    const { findings, fixed } = compareToBaseline([b, a], [stale, c, a, { ...b, fingerprint: 'dddd', severity: 'low' }]);
    expect(findings.map((item) => item.fingerprint)).toEqual(['bbbb', 'aaaa']);
    expect(fixed.map((item) => `${item.fingerprint} ${item.baselineState}`)).toEqual(['cccc fixed', 'dddd fixed']);
  });

  it('with an empty baseline everything is new and nothing fixed', () => {
    const { findings, fixed } = compareToBaseline([a], []);
    expect(findings[0]!.baselineState).toBe('new');
    expect(fixed).toEqual([]);
  });
});

describe('--baseline FILE', () => {
  const folder = mkdtempSync(join(tmpdir(), 'arch-review-baseline-'));
  const write = (name: string, text: string): string => {
    writeFileSync(join(folder, name), text);
    return name;
  };

  it('reads a saved --format json report and the --json envelope', () => {
    const result = sampleResult();
    const plain = readBaselineFile(folder, write('report.json', renderers.json(result)));
    expect(plain.findings.map((item) => item.fingerprint)).toEqual(result.findings.map((item) => item.fingerprint));
    expect(plain.file).toBe('report.json');
    const envelope = readBaselineFile(folder, write('envelope.json', JSON.stringify({ status: 0, result, warnings: [] })));
    expect(envelope.findings).toHaveLength(result.findings.length);
    expect(parseBaseline(JSON.parse(renderers.json(sampleResult({ objectFilter: ['Account'] }))), 'x').objectFilter).toEqual(['Account']);
  });

  it('tells a saved report from a permission snapshot, for one --baseline flag taking either', () => {
    expect(baselineKind(folder, write('r.json', renderers.json(sampleResult())))).toBe('report');
    expect(baselineKind(folder, write('e.json', JSON.stringify({ status: 0, result: sampleResult() })))).toBe('report');
    expect(baselineKind(folder, write('s.json', '{"kind": "sf-arch-review/permission-snapshot", "snapshotVersion": 1}'))).toBe('permission-snapshot');
    expect(baselineKind(folder, write('x.json', 'nope'))).toBe('unknown');
    expect(baselineKind(folder, 'missing.json')).toBe('unknown');
  });

  it('fails clearly (exit code 2) on a missing, foreign or other-version file', () => {
    const fail = (name: string): unknown => {
      try {
        readBaselineFile(folder, name);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(fail('nope.json')).toMatchObject({ exitCode: 2, name: 'BaselineNotFound' });
    expect(fail(write('text.json', 'hello'))).toMatchObject({ exitCode: 2, name: 'InvalidBaseline', message: expect.stringContaining('it is not JSON') });
    expect(fail(write('package.json', '{"name": "x", "version": "1.0.0"}'))).toMatchObject({ message: expect.stringContaining('it has no schemaVersion') });
    expect(fail(write('snapshot.json', '{"kind": "sf-arch-review/permission-snapshot", "snapshotVersion": 1, "principals": []}'))).toMatchObject({
      message: expect.stringContaining('it is a permission snapshot'),
    });
    expect(fail(write('log.sarif', '{"version": "2.1.0", "runs": []}'))).toMatchObject({ message: expect.stringContaining('SARIF log') });
    expect(fail(write('old.json', JSON.stringify({ ...sampleResult(), schemaVersion: '1' })))).toMatchObject({
      exitCode: 2,
      name: 'BaselineVersionMismatch',
      message: expect.stringContaining('schema version "1"'),
    });
    const broken = JSON.parse(renderers.json(sampleResult())) as { findings: Array<Record<string, unknown>> };
    delete broken.findings[1]!.fingerprint;
    expect(fail(write('broken.json', JSON.stringify(broken)))).toMatchObject({ message: expect.stringContaining('findings[1] is not a finding') });
    expect(fail(write('array.json', '[]'))).toMatchObject({ message: expect.stringContaining('not a JSON object') });
  });
});

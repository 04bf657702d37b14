import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/review/finding.js';
import { computeTrend } from '../../src/trend/compute.js';
import { entryText } from '../../src/trend/entry.js';
import { readHistory } from '../../src/trend/history.js';
import type { ReviewResult } from '../../src/review/result.js';
import { RESULT_SCHEMA_VERSION } from '../../src/review/result.js';

const finding = (ruleId: string, fingerprint: string, severity: Finding['severity'] = 'high'): Finding => ({
  ruleId,
  severity,
  category: ruleId.split('/')[0]!,
  message: `${ruleId} ${fingerprint}`,
  object: 'Account',
  components: [],
  evidence: [],
  fingerprint,
});

const compactRun = (findings: Finding[]): string => JSON.stringify({ schemaVersion: RESULT_SCHEMA_VERSION, detail: 'compact', findings });

describe('computeTrend', () => {
  it('counts per severity, topic and rule, zeros included, and names the new and the fixed since the previous run', () => {
    const earlier = [
      { date: '2026-10-01', result: { findings: [finding('sor/foreign-field-write', 'a'), finding('perm/integration-creep', 'b', 'critical')] } },
      { date: '2026-11-01', result: { findings: [finding('sor/foreign-field-write', 'a'), finding('perm/integration-creep', 'b', 'critical'), finding('recursion/self-update', 'c')] } },
    ];
    const trend = computeTrend(earlier, { date: '2026-12-01', findings: [finding('sor/foreign-field-write', 'a'), finding('hygiene/missing-owner', 'd', 'low')] });
    expect(trend.runs.map((run) => `${run.date} ${run.findings}`)).toEqual(['2026-10-01 2', '2026-11-01 3', '2026-12-01 2']);
    expect(trend.runs[2]!.categories).toEqual({ hygiene: 1, perm: 0, recursion: 0, sor: 1 });
    expect(trend.runs[0]!.rules).toEqual({ 'hygiene/missing-owner': 0, 'perm/integration-creep': 1, 'recursion/self-update': 0, 'sor/foreign-field-write': 1 });
    expect(trend.runs[1]!.severities).toMatchObject({ critical: 1, high: 2, low: 0 });
    expect(trend.sincePrevious?.previous).toBe('2026-11-01');
    expect(trend.sincePrevious?.new.map((item) => item.fingerprint)).toEqual(['d']);
    expect(trend.sincePrevious?.fixed.map((item) => item.fingerprint).sort()).toEqual(['b', 'c']);
    expect(trend.totalRuns).toBe(3);
  });

  it('has nothing to compare on the first run, and shows only the last runs of a long history', () => {
    expect(computeTrend([], { date: '2026-12-01', findings: [] }).sincePrevious).toBeUndefined();
    const many = Array.from({ length: 20 }, (_, index) => ({ date: `2025-${String((index % 12) + 1).padStart(2, '0')}-${String(10 + Math.floor(index / 12)).padStart(2, '0')}`, result: { findings: [] } }));
    const trend = computeTrend(many, { date: '2026-12-01', findings: [] }, 12);
    expect(trend.runs).toHaveLength(12);
    expect(trend.totalRuns).toBe(21);
    expect(trend.runs.at(-1)!.date).toBe('2026-12-01');
  });
});

describe('readHistory', () => {
  it('reads the runs before the date, replaces the same date, and names every file it leaves out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arch-history-'));
    writeFileSync(join(dir, '2026-11-01.json'), compactRun([finding('sor/foreign-field-write', 'a')]));
    writeFileSync(join(dir, '2026-12-01.json'), compactRun([finding('sor/foreign-field-write', 'z')]));
    writeFileSync(join(dir, '2026-10-01.json'), '{ not json');
    writeFileSync(join(dir, '2026-09-01.json'), JSON.stringify({ schemaVersion: '1', detail: 'compact', findings: [] }));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, '2027-01-01.json'), compactRun([]));
    mkdirSync(join(dir, 'sub'));
    const history = readHistory(dir, '2026-12-01');
    expect(history.runs.map((run) => run.date)).toEqual(['2026-11-01']);
    expect(history.warnings).toHaveLength(5);
    for (const name of ['2026-10-01.json', '2026-09-01.json', 'notes.txt', '2027-01-01.json', 'sub']) expect(history.warnings.join('\n')).toContain(join(dir, name));
    expect(readHistory(join(dir, 'missing'), '2026-12-01')).toEqual({ runs: [], warnings: [] });
  });

  it('keeps a run as its compact result without the trend, the same bytes for the same result', () => {
    const result = { schemaVersion: RESULT_SCHEMA_VERSION, findings: [finding('sor/foreign-field-write', 'a')], summary: { counts: {}, objects: [] }, warnings: [], ruleErrors: [], parseIssues: [], sourceDirs: [], objects: [], edges: [], trend: { runs: [], totalRuns: 1 } } as unknown as ReviewResult;
    const text = entryText(result);
    expect(text).toBe(entryText(result));
    const kept = JSON.parse(text) as Record<string, unknown>;
    expect(kept.detail).toBe('compact');
    expect(kept.trend).toBeUndefined();
  });
});

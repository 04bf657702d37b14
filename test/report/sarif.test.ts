import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyGate } from '../../src/gate/apply-gate.js';
import { parsePolicy } from '../../src/policy/load-policy.js';
import { FINGERPRINT_KEY, fileUri, renderSarif } from '../../src/report/sarif.js';
import { review } from '../../src/review/review.js';
import type { ReviewResult } from '../../src/review/result.js';
import { RULES } from '../../src/rules/index.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { finding, nastyResult, sampleResult } from './result-kit.js';

/**
 * test/fixtures/sarif-2.1.0.json is a reconstruction of the official OASIS sarif-schema-2.1.0.json
 * (draft-07), written without network access; formats are checked with the small validators below.
 */
const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'sarif-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('uri-reference', (value: string) => !/[\s<>"{}|\\^`\u0000-\u001f]/.test(value) && !/%(?![0-9A-F]{2})/i.test(value));
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
const validate = ajv.compile(schema);

function errors(text: string): string[] {
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

type SarifResult = {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
  partialFingerprints: Record<string, string>;
  baselineState?: string;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
};
type SarifLog = {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string; defaultConfiguration: { level: string } }> } };
    results: SarifResult[];
    invocations: Array<{ executionSuccessful: boolean; exitCode?: number }>;
    properties: Record<string, unknown>;
  }>;
};

describe('SARIF 2.1.0', () => {
  let acme: ReviewResult;
  beforeAll(async () => {
    acme = (await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' })).result;
  });

  it('the sample project’s log validates against the SARIF 2.1.0 schema', () => {
    const text = renderSarif(acme);
    expect(errors(text)).toEqual([]);
    const log = JSON.parse(text) as SarifLog;
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results.length).toBe(acme.findings.length);
    expect(acme.findings.length).toBeGreaterThan(0);
  });

  it('lists every rule with its docs page as help URI, and points each result at its rule', () => {
    const log = JSON.parse(renderSarif(acme)) as SarifLog;
    const rules = log.runs[0]!.tool.driver.rules;
    for (const rule of RULES) {
      const listed = rules.find((candidate) => candidate.id === rule.meta.id);
      expect(listed, rule.meta.id).toBeDefined();
      expect(listed!.helpUri).toBe(`https://github.com/sf-arch-review/sf-arch-review/blob/main/${rule.meta.docs}`);
    }
    for (const result of log.runs[0]!.results) expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('gives each finding its file, line and fingerprint', () => {
    const log = JSON.parse(renderSarif(acme)) as SarifLog;
    const results = log.runs[0]!.results;
    acme.findings.forEach((item, index) => {
      const result = results[index]!;
      expect(result.partialFingerprints[FINGERPRINT_KEY]).toBe(item.fingerprint);
      const primary = item.components.find((component) => component.file);
      expect(result.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe(primary?.file);
      if (primary?.line) expect(result.locations?.[0]?.physicalLocation.region?.startLine).toBe(primary.line);
    });
    const cycle = results.find((result) => result.ruleId === 'recursion/cross-object-cycle')!;
    expect(cycle.level).toBe('error');
  });

  it('carries the baseline state, accepted risks as suppressions, and the verdict', () => {
    const [first, second] = acme.findings;
    const policy = parsePolicy(
      `accepted:\n  - fingerprint: ${second!.fingerprint}\n    reason: "Bounded by design"\n    owner: sales-ops\n    expires: 2027-01-31\n`,
      'arch-review.yml',
    );
    const gone = finding({ ruleId: 'recursion/self-update', severity: 'high', fingerprint: 'feedfacefeedface' });
    const gated = applyGate(acme, {
      policy,
      asOf: '2026-11-23',
      baseline: { info: { kind: 'baseline-file', file: 'base.json', findings: 3 }, findings: [second!, gone] },
      gate: { failOn: 'high' },
    });
    const text = renderSarif(gated);
    expect(errors(text)).toEqual([]);
    const run = (JSON.parse(text) as SarifLog).runs[0]!;
    const byFingerprint = new Map(run.results.map((result) => [result.partialFingerprints[FINGERPRINT_KEY], result]));
    expect(byFingerprint.get(first!.fingerprint)!.baselineState).toBe('new');
    expect(byFingerprint.get(second!.fingerprint)!.baselineState).toBe('unchanged');
    expect(byFingerprint.get(second!.fingerprint)!.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: 'Bounded by design (owner sales-ops, accepted until 2027-01-31)' },
    ]);
    // Fixed findings stay out of results (code scanning would show them as open alerts), in the run's properties instead.
    expect(byFingerprint.has('feedfacefeedface')).toBe(false);
    expect(JSON.stringify(run.properties)).toContain('feedfacefeedface');
    expect(run.results.every((result) => result.baselineState !== undefined)).toBe(true);
    expect(run.invocations[0]!.exitCode).toBe(gated.gate!.exitCode);
  });

  it('is byte-identical for the same result, and valid for hand-built and hostile results', () => {
    expect(renderSarif(acme)).toBe(renderSarif(JSON.parse(JSON.stringify(acme)) as ReviewResult));
    expect(errors(renderSarif(sampleResult()))).toEqual([]);
    expect(errors(renderSarif(nastyResult()))).toEqual([]);
    expect(errors(renderSarif(sampleResult({ findings: [], parseIssues: [], ruleErrors: [] })))).toEqual([]);
  });

  it('lists the rules the result says ran, with their effective severity', () => {
    const result: ReviewResult = {
      ...sampleResult({ findings: [] }),
      rules: [{ id: 'recursion/self-update', category: 'recursion', severity: 'low', description: 'x', docs: 'docs/rules/recursion/self-update.md' }],
    };
    const rules = (JSON.parse(renderSarif(result)) as SarifLog).runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => [rule.id, rule.defaultConfiguration.level])).toEqual([['recursion/self-update', 'note']]);
  });

  it('percent-encodes what a URI cannot hold, keeping the slashes', () => {
    expect(fileUri('force-app/main/default/flows/A b#c?.flow-meta.xml')).toBe('force-app/main/default/flows/A%20b%23c%3F.flow-meta.xml');
  });

  it('the schema is strict enough to catch a broken log', () => {
    const log = JSON.parse(renderSarif(sampleResult())) as SarifLog & { runs: Array<Record<string, unknown>> };
    (log.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    (log.runs[0]!.results[1] as unknown as Record<string, unknown>).colour = 'red';
    delete (log.runs[0]!.results[2] as unknown as Record<string, unknown>).message;
    const found = errors(JSON.stringify(log)).join('\n');
    expect(found).toContain('/runs/0/results/0/level');
    expect(found).toContain('/runs/0/results/1 must NOT have additional properties');
    expect(found).toContain("/runs/0/results/2 must have required property 'message'");
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { EXECUTION_STEPS } from '../../src/graph/pipeline-types.js';
import { SEVERITIES } from '../../src/review/finding.js';
import { RESULT_SCHEMA_VERSION, type ReviewResult } from '../../src/review/result.js';
import { renderJson, renderers } from '../../src/report/index.js';
import { compactResult } from '../../src/review/compact.js';
import { repoRoot } from '../helpers/paths.js';
import { finding, nastyResult, sampleResult } from './result-kit.js';

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'review-result.json'), 'utf8')) as {
  properties: { schemaVersion: { const: string } };
  definitions: Record<string, { enum?: string[] }>;
};
const validate = new Ajv({ allErrors: true }).compile(schema);

function errors(value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

/** A deep copy to break on purpose. */
function copy(): ReviewResult {
  return JSON.parse(JSON.stringify(sampleResult())) as ReviewResult;
}

describe('schemas/review-result.json', () => {
  it('compiles with ajv (draft-07) and follows the code’s enums and version', () => {
    expect(schema.properties.schemaVersion.const).toBe(RESULT_SCHEMA_VERSION);
    expect(schema.definitions.severity!.enum).toEqual([...SEVERITIES]);
    expect(schema.definitions.stepId!.enum).toEqual(EXECUTION_STEPS.map((step) => step.id));
  });

  it('accepts hand-built results, and the JSON renderer’s output', () => {
    expect(errors(sampleResult())).toEqual([]);
    expect(errors(nastyResult())).toEqual([]);
    expect(errors(sampleResult({ findings: [], objects: [], edges: [], parseIssues: [], ruleErrors: [] }))).toEqual([]);
    expect(errors(JSON.parse(renderers.json(sampleResult())))).toEqual([]);
  });

  it('rejects a finding with a bad severity', () => {
    const result = copy();
    (result.findings[0] as { severity: string }).severity = 'urgent';
    expect(errors(result)).toContainEqual(expect.stringMatching(/^\/findings\/0\/severity must be equal to one of the allowed values/));
  });

  it('rejects a rule id that is not category/kebab-name', () => {
    expect(errors(sampleResult({ findings: [finding({ ruleId: 'Recursion/Cycle', severity: 'high' })] }))).toContainEqual(
      expect.stringMatching(/^\/findings\/0\/ruleId must match pattern/),
    );
  });

  it('rejects unknown properties where the shape is fixed, and missing required ones', () => {
    const extra = copy() as ReviewResult & { surprise?: boolean };
    extra.surprise = true;
    expect(errors(extra)).toContainEqual(' must NOT have additional properties');

    const entry = copy();
    (entry.objects[0]!.entries[0] as unknown as Record<string, unknown>).colour = 'red';
    expect(errors(entry)).toContainEqual('/objects/0/entries/0 must NOT have additional properties');

    const missing = copy() as Partial<ReviewResult>;
    delete missing.edges;
    expect(errors(missing)).toContainEqual(" must have required property 'edges'");

    const noFingerprint = copy();
    delete (noFingerprint.findings[0] as Partial<ReviewResult['findings'][number]>).fingerprint;
    expect(errors(noFingerprint)).toContainEqual("/findings/0 must have required property 'fingerprint'");
  });

  it('rejects a bad step, edge kind or schema version', () => {
    const step = copy();
    (step.objects[0]!.entries[0] as { step: string }).step = 'before-lunch';
    expect(errors(step).join('\n')).toContain('/objects/0/entries/0/step');

    const edge = copy();
    (edge.edges[0] as { kind: string }).kind = 'teleports';
    expect(errors(edge).join('\n')).toContain('/edges/0/kind');

    expect(errors({ ...copy(), schemaVersion: '1' }).join('\n')).toContain('/schemaVersion must be equal to constant');
  });

  it('accepts the compact JSON (the default) and rejects full-only parts in it', () => {
    expect(errors(JSON.parse(renderJson(sampleResult())))).toEqual([]);
    expect(errors(compactResult(nastyResult()))).toEqual([]);
    expect(JSON.parse(renderJson(sampleResult(), 'full'))).toEqual(JSON.parse(renderers.json(sampleResult())));
    const withObjects = { ...compactResult(sampleResult()), objects: sampleResult().objects };
    expect(errors(withObjects).join('\n')).toContain('/objects');
    const fullSummary = { ...compactResult(sampleResult()), summary: sampleResult().summary };
    expect(errors(fullSummary).join('\n')).toContain('/summary');
    const noCounts = compactResult(sampleResult()) as { summary: Partial<ReturnType<typeof compactResult>['summary']> };
    delete noCounts.summary.counts;
    expect(errors(noCounts)).toContainEqual("/summary must have required property 'counts'");
  });
});

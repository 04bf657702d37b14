import { describe, expect, it, vi } from 'vitest';
import { review } from '../../src/review/review.js';
import { apexTrigger, writeProject } from '../helpers/dx-project.js';

// One trigger's graph builder and one report section fail as a real org made them fail (a stack overflow, a
// TypeError); the review must report both and keep everything else.
vi.mock('../../src/graph/build/apex-edges.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/graph/build/apex-edges.js')>();
  return {
    ...original,
    linkApexEntry: (...args: Parameters<typeof original.linkApexEntry>) => {
      if (args[1] === 'apex-trigger:Exploding') throw new RangeError('Maximum call stack size exceeded');
      return original.linkApexEntry(...args);
    },
  };
});
vi.mock('../../src/review/sections/recursion.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/review/sections/recursion.js')>()),
  buildRecursionReport: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'hops')");
  },
}));

describe('a failure on one component or section', () => {
  it('is reported and the rest of the review stands', async () => {
    const root = writeProject([
      ...apexTrigger('Exploding', 'Account', 'after update', '    update [SELECT Id FROM Account WHERE Id IN :Trigger.new];'),
      ...apexTrigger('Fine', 'Contact', 'after update', '    update [SELECT Id FROM Contact WHERE Id IN :Trigger.new];'),
    ]);
    const { result, failures } = await review({ baseDir: root, sourceDirs: [], asOf: '2025-01-01', workers: 1 });

    expect(result.parseIssues).toEqual([
      {
        file: 'force-app/main/default/triggers/Exploding.trigger',
        type: 'ApexTrigger',
        message: 'could not be analysed (nested too deeply to read (Maximum call stack size exceeded): simplify the expression or split the file): it is left out of the automation graph',
      },
    ]);
    expect(result.findings.filter((finding) => finding.ruleId === 'recursion/self-update').map((finding) => finding.object)).toEqual(['Contact']);
    expect(result.ruleErrors).toEqual([{ ruleId: 'section/recursion', message: "Cannot read properties of undefined (reading 'hops')" }]);
    expect(result.recursion).toBeUndefined();
    expect(result.objects.map((pipeline) => pipeline.object)).toEqual(['Account', 'Contact']);
    // The original errors are kept for --dev-debug, each with what the review was doing.
    expect(failures.map((failure) => [failure.context.stage, failure.context.component, (failure.error as Error).name])).toEqual([
      ['building the automation graph', 'ApexTrigger Exploding', 'RangeError'],
      ['building the report (section/recursion)', undefined, 'TypeError'],
    ]);
  });
});

import { it } from 'vitest';
import { writeProject } from './helpers/dx-project.js';
import { apexCallChain, crossObjectCycle, deepFormulas, longFlow, subflowChain } from './helpers/deep-shapes.js';
import { review } from '../src/review/review.js';
import { renderers } from '../src/report/index.js';

const shapes = { subflow: () => subflowChain(5000), apex: () => apexCallChain(5000), formulas: () => deepFormulas(2000), cycle: () => crossObjectCycle(5000), long: () => longFlow(3000) };
for (const [name, make] of Object.entries(shapes)) {
  it(name, async () => {
    const root = writeProject(make());
    const t = performance.now();
    try {
      const r = await review({ baseDir: root, sourceDirs: [], asOf: '2025-01-01', workers: 1 });
      const t2 = performance.now();
      for (const [f, render] of Object.entries(renderers)) { try { render(r.result); } catch (e) { console.log(name, 'render', f, String(e).slice(0,200)); } }
      console.log(name, 'OK', Math.round(t2 - t), 'ms', 'findings', r.result.findings.length, r.result.findings.map((x) => x.ruleId).slice(0, 10), 'issues', r.result.parseIssues.map((p) => p.file + ': ' + p.message.slice(0, 100)), 'ruleErrors', r.result.ruleErrors.map(e=>e.ruleId+': '+e.message.slice(0,80)));
    } catch (e) { console.log(name, 'FAIL', Math.round(performance.now() - t), (e as Error).stack?.split('\n').slice(0, 12).join('\n')); }
  }, 600_000);
}

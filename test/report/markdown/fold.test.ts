import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/report/markdown/index.js';
import { MARKDOWN_LIMITS } from '../../../src/report/markdown/fold.js';
import { finding, sampleResult } from '../result-kit.js';

describe('a long Markdown report', () => {
  it('lists the most severe findings first and folds the rest into counts per rule', () => {
    const findings = Array.from({ length: MARKDOWN_LIMITS.findings + 30 }, (_, index) =>
      finding({ ruleId: index < 5 ? 'perm/integration-dangerous-permission' : 'hygiene/missing-owner', severity: index < 5 ? 'critical' : 'low', message: `finding ${index}` }),
    );
    const text = renderMarkdown(sampleResult({ findings }));
    const section = text.slice(text.indexOf('## Findings'), text.indexOf('\n## ', text.indexOf('## Findings') + 1));
    expect(section.indexOf('**critical**')).toBeLessThan(section.indexOf('**low**'));
    expect(section).toContain('<details>\n<summary>30 more findings');
    expect(section).toMatch(/\| \*\*low\*\* \| `hygiene\/missing-owner` \| 30 \|/);
  });
});

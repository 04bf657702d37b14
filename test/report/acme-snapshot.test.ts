import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderers } from '../../src/report/index.js';
import { review } from '../../src/review/review.js';
import { fixturesDir } from '../helpers/paths.js';

/**
 * The sample's Markdown report, as a reviewer reads it: any change to it shows in review as a diff of
 * `__snapshots__/acme.md` (update deliberately with `npx vitest run -u test/report/acme-snapshot.test.ts`).
 */
describe('the sample report', () => {
  it('matches the committed Markdown snapshot', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    await expect(renderers.markdown(result)).toMatchFileSnapshot('__snapshots__/acme.md');
  });
});

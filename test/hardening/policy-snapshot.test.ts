import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_KIND, SNAPSHOT_VERSION } from '../../src/permissions/snapshot.js';
import { review } from '../../src/review/review.js';
import { hostileProject } from './kit.js';

type SfLikeError = Error & { exitCode?: number; actions?: string[] };

async function failure(run: Promise<unknown>): Promise<SfLikeError> {
  const error = (await run.then(() => undefined, (caught: unknown) => caught)) as SfLikeError | undefined;
  expect(error, 'expected an input error').toBeDefined();
  expect(error!.exitCode).toBe(2);
  expect(error!.actions?.length).toBeGreaterThan(0);
  expect(error!.message).not.toMatch(/\n\s+at /);
  return error!;
}

function withPolicy(yaml: string): string {
  const root = hostileProject({});
  writeFileSync(join(root, 'arch-review.yml'), yaml);
  return root;
}

const run = (root: string, extra: { permissionBaselineFile?: string } = {}) => review({ baseDir: root, sourceDirs: [], asOf: '2025-01-01', workers: 1, ...extra });

describe('policy and snapshot files', () => {
  it('invalid YAML fails with the file and line', async () => {
    const error = await failure(run(withPolicy('systems:\n  sap:\n    label: [unclosed\n')));
    expect(error.message).toMatch(/arch-review\.yml:\d+: not valid YAML/);
  });

  it('wrong types fail naming the path', async () => {
    const error = await failure(run(withPolicy('systems:\n  sap:\n    label: SAP\n    owns: 42\n')));
    expect(error.message).toMatch(/arch-review\.yml:4/);
    expect(error.message).toMatch(/systems\.sap\.owns/);
  });

  it('unknown keys are warnings with their line, and the review goes on', async () => {
    const { result } = await run(withPolicy('systems:\n  sap:\n    label: SAP\nfrobnicate: true\n'));
    expect(result.warnings).toContainEqual(expect.stringMatching(/arch-review\.yml:4: unknown key "frobnicate"/));
  });

  it('a snapshot from a future version, or not JSON, fails naming the file', async () => {
    const root = hostileProject({});
    writeFileSync(join(root, 'future.json'), JSON.stringify({ kind: SNAPSHOT_KIND, snapshotVersion: SNAPSHOT_VERSION + 1, principals: [] }));
    writeFileSync(join(root, 'broken.json'), '{"kind": ');
    expect((await failure(run(root, { permissionBaselineFile: 'future.json' }))).message).toMatch(/future\.json.*newer sf-arch-review/);
    expect((await failure(run(root, { permissionBaselineFile: 'broken.json' }))).message).toMatch(/broken\.json is not JSON/);
  });
});

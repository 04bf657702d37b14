/**
 * Writes the synthetic org for a scale into a folder, in DX source format, with a marker file
 * (`bench-org.json`) saying what was generated so the benchmark can reuse it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classFiles, triggerFiles } from './apex.mjs';
import { workflowFile } from './automation-xml.mjs';
import { afterSaveFlow, beforeSaveFlow, subflow } from './flows.mjs';
import { objectFiles } from './objects.mjs';
import { permissionSetFile, permissionSetGroupFile, profileFile } from './permissions.mjs';
import { TEAMS, planOrg } from './plan.mjs';

/** Bump when the generated content changes, so stale generated orgs are regenerated. */
export const GENERATOR_VERSION = 1;
export const MARKER = 'bench-org.json';

function* orgFiles(plan) {
  const context = { teamOf: (object) => TEAMS[object.index % TEAMS.length] };
  for (const object of plan.objects) yield* objectFiles(object);
  for (const object of plan.objects) {
    yield beforeSaveFlow(object);
    yield afterSaveFlow(object);
    if (object.flows.subflow) yield subflow(object);
  }
  for (const object of plan.triggerObjects) yield* triggerFiles(object, context);
  for (const cls of plan.classes) yield* classFiles(cls, context);
  for (const workflow of plan.workflows) yield workflowFile(workflow);
  for (const set of plan.permissionSets) yield permissionSetFile(set);
  for (const group of plan.permissionSetGroups) yield permissionSetGroupFile(group);
  for (const [index, profile] of plan.profiles.entries()) yield profileFile(profile, index, plan.objects);
}

/** Generates the org; returns what was written. Replaces `force-app` in `out` if it exists. */
export function generateOrg({ scale, out, seed = 42 }) {
  if (!(scale > 0)) throw new Error(`scale must be a positive number, got ${scale}`);
  const plan = planOrg(scale, seed);
  const root = join(out, 'force-app', 'main', 'default');
  rmSync(join(out, 'force-app'), { recursive: true, force: true });
  rmSync(join(out, MARKER), { force: true });
  const made = new Set();
  const counts = {};
  let files = 0;
  let bytes = 0;
  for (const [path, content] of orgFiles(plan)) {
    const file = join(root, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, content);
    files += 1;
    bytes += Buffer.byteLength(content);
    const kind = path.split('/')[path.startsWith('objects/') ? 2 : 0] ?? 'object';
    const key = path.startsWith('objects/') && !path.includes('/fields/') && !path.includes('/validationRules/') ? 'objects' : kind.replace(/\..*$/, '');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  writeFileSync(join(out, 'sfdx-project.json'), `${JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], name: 'bench-org', sourceApiVersion: '62.0' }, null, 2)}\n`);
  const summary = { generatorVersion: GENERATOR_VERSION, scale, seed, files, bytes, counts };
  writeFileSync(join(out, MARKER), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

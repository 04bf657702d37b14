/**
 * "One flow and one class changed": edits an after-save flow and a trigger handler that automation
 * reaches (so both change the model, not only a comment), with content no earlier run has seen.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function pick(dir, pattern) {
  const name = readdirSync(dir).filter((file) => pattern.test(file)).sort()[0];
  if (!name) throw new Error(`no file matching ${pattern} in ${dir}`);
  return join(dir, name);
}

export function touchOneFlowAndClass(orgDir, round) {
  const root = join(orgDir, 'force-app', 'main', 'default');
  const flow = pick(join(root, 'flows'), /_After_Save.*\.flow-meta\.xml$/);
  const cls = pick(join(root, 'classes'), /TriggerHandler\.cls$/);
  const touched = [flow, cls].map((path) => ({ path, original: readFileSync(path, 'utf8') }));
  const [flowFile, classFile] = touched;
  // A new label on the flow, a new method in the class: both are read into the model.
  writeFileSync(flowFile.path, flowFile.original.replace(/<\/label>/, ` (bench round ${round}, ${Date.now()})</label>`));
  writeFileSync(classFile.path, classFile.original.replace(/\}\s*$/, `\n    public static Integer benchRound${round}x${Date.now()}() { return ${round}; }\n}\n`));
  return touched;
}

export function restoreTouched(touched) {
  for (const { path, original } of touched) writeFileSync(path, original);
}

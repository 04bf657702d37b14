import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The first file (by path) under `dir` whose name matches. */
export function firstFile(dir: string, pattern: RegExp): string | undefined {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name) && !entry.parentPath.includes('.sfdx'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()[0];
}

/** Edits a file so the model changes (a new label, a new method), not just its bytes. Returns the path. */
export function touch(path: string, round: string): string {
  const text = readFileSync(path, 'utf8');
  const edited = path.endsWith('.cls')
    ? text.replace(/\}\s*$/, `\n    public static Integer touched${round}() { return 1; }\n}\n`)
    : text.replace(/<label>([^<]*)<\/label>/, `<label>$1 ${round}</label>`);
  if (edited === text) throw new Error(`could not edit ${path}`);
  writeFileSync(path, edited);
  return path;
}

/** One flow, one Apex class and one permission set of a project, edited (those it has). */
export function touchFlowClassPermissionSet(dir: string, round: string): string[] {
  return [/\.flow(-meta\.xml)?$/, /\.cls$/, /\.permissionset(-meta\.xml)?$/]
    .map((pattern) => firstFile(dir, pattern))
    .filter((path): path is string => path !== undefined)
    .map((path) => touch(path, round));
}

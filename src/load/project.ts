import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputError } from './errors.js';

type SfdxProject = { packageDirectories?: Array<{ path?: unknown }> };

/**
 * Which folders to review: the `--source-dir`s when given, else the packageDirectories of
 * `sfdx-project.json` in the base folder. Fails fast, naming the file and what to pass.
 */
export function resolveSourceDirs(base: string, sourceDirs: readonly string[]): string[] {
  if (sourceDirs.length > 0) {
    return sourceDirs.map((dir) => {
      const absolute = resolve(base, dir);
      if (!existsSync(absolute)) {
        throw inputError(`The source directory ${dir} does not exist.`, [
          'Check the path passed to --source-dir; relative paths are read from the current folder.',
        ], 'SourceDirNotFound');
      }
      if (!statSync(absolute).isDirectory()) {
        throw inputError(`The source directory ${dir} is a file, not a folder.`, [
          'Pass the folder that holds the metadata (for example force-app) to --source-dir.',
        ], 'SourceDirNotADirectory');
      }
      return absolute;
    });
  }
  return packageDirectories(base);
}

function packageDirectories(base: string): string[] {
  const projectFile = join(base, 'sfdx-project.json');
  if (!existsSync(projectFile)) {
    throw inputError(`No project to review: ${base} has no sfdx-project.json and no --source-dir was given.`, [
      'Run the command from the root of a Salesforce DX project (the folder with sfdx-project.json).',
      'Or pass the metadata folders with --source-dir, for example --source-dir force-app or --source-dir src (metadata API format).',
    ], 'NoProject');
  }
  let project: SfdxProject;
  try {
    project = JSON.parse(readFileSync(projectFile, 'utf8')) as SfdxProject;
  } catch (error) {
    throw inputError(`${projectFile} is not valid JSON: ${(error as Error).message}`, [
      'Fix the JSON syntax of sfdx-project.json, or pass the metadata folders with --source-dir.',
    ], 'InvalidProjectFile');
  }
  const paths = (project.packageDirectories ?? [])
    .map((entry) => entry.path)
    .filter((path): path is string => typeof path === 'string' && path.length > 0);
  if (paths.length === 0) {
    throw inputError(`${projectFile} lists no packageDirectories.`, [
      'Add a packageDirectories entry (for example {"path": "force-app", "default": true}) or pass --source-dir.',
    ], 'NoPackageDirectories');
  }
  return resolveSourceDirs(base, paths);
}

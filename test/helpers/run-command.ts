import { format } from 'node:util';
import { Config } from '@oclif/core';
import { repoRoot } from './paths.js';

export type CommandRun<T> = { result?: T; error?: Error & { exitCode?: number; actions?: string[] }; stdout: string; stderr: string };

type Runnable<T> = { run(argv: string[], config: Config): Promise<T> };

let config: Config | undefined;

/** Runs an sf command class in-process, capturing what it prints. */
export async function runCommand<T>(command: Runnable<T>, argv: string[]): Promise<CommandRun<T>> {
  config ??= await Config.load(repoRoot);
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += chunk.toString()), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += chunk.toString()), true)) as typeof process.stderr.write;
  // oclif prints through console.log/console.error, which vitest intercepts: capture those too.
  const consoleMethods = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  console.log = (...args: unknown[]) => void (stdout += `${format(...args)}\n`);
  console.info = console.log;
  console.warn = (...args: unknown[]) => void (stderr += `${format(...args)}\n`);
  console.error = console.warn;
  const exitCode = process.exitCode;
  try {
    const result = await command.run(argv, config);
    return { result, stdout, stderr };
  } catch (error) {
    return { error: error as CommandRun<T>['error'], stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    Object.assign(console, consoleMethods);
    process.exitCode = exitCode;
  }
}

#!/usr/bin/env node
// Runs the plugin's commands without the sf CLI (development and CI); `sf plugins link .` is the
// other way in. The plugin needs Node 22: when this file is started by an older `node` (the
// machine's), it hands over to the Node 22 that the repo pins as a devDependency.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const pinned = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
  if (!existsSync(pinned)) {
    process.stderr.write(`sf-arch-review needs Node.js 22 or later (this is ${process.version}); run npm ci first.\n`);
    process.exit(2);
  }
  const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

// `--dev-debug` as the sf CLI reads it (before oclif parses flags): debug output and the original
// error's stack on a failure. Under `sf`, the sf binary has already done this.
const devDebug = process.argv.indexOf('--dev-debug', 2);
if (devDebug > 0) {
  process.argv.splice(devDebug, 1);
  process.env.DEBUG ??= '*';
  process.env.SF_DEBUG = '1';
  process.env.SF_ENV = 'development';
  process.env.SF_LOG_LEVEL ??= 'trace';
}

const { execute } = await import('@oclif/core');
await execute({ dir: import.meta.url });

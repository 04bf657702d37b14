import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './protocol.js';

/**
 * Starts a parser thread. The built plugin runs `parse-worker.js` beside this file. When this module
 * runs from TypeScript sources (the tests), the thread loads `parse-worker.ts` the same way: Node
 * strips the types, and `.js` imports are resolved to the `.ts` files next to them.
 */
export function spawnParser(init: WorkerInit): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', self), { workerData: init });
  const entry = new URL('./parse-worker.ts', self).href;
  const bootstrap = [
    "import { registerHooks } from 'node:module';",
    'registerHooks({ resolve(specifier, context, next) {',
    '  try { return next(specifier, context); } catch (error) {',
    "    if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) return next(specifier.slice(0, -3) + '.ts', context);",
    '    throw error;',
    '  }',
    '} });',
    `await import(${JSON.stringify(entry)});`,
  ].join('\n');
  return new Worker(bootstrap, { eval: true, workerData: init, execArgv: ['--experimental-transform-types', '--no-warnings'] });
}

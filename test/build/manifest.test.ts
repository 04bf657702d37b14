import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

type Manifest = { commands: Record<string, { hasDynamicHelp?: boolean; flags: Record<string, { hasDynamicHelp?: boolean }> }> };

describe('oclif.manifest.json (npm run build)', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'oclif.manifest.json'), 'utf8')) as Manifest;

  it('lists every command of src/commands', () => {
    const commands = readdirSync(join(repoRoot, 'src', 'commands'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => relative('.', file).replace(/\.ts$/, '').split(/[\\/]/).join(':'))
      .sort();
    expect(Object.keys(manifest.commands).sort()).toEqual(commands);
  });

  it('has no flag with computed help, so --help is answered without importing a command or @salesforce/core', () => {
    const dynamic = Object.entries(manifest.commands).flatMap(([id, command]) => [
      ...(command.hasDynamicHelp ? [id] : []),
      ...Object.entries(command.flags).filter(([, flag]) => flag.hasDynamicHelp).map(([name]) => `${id} --${name}`),
    ]);
    expect(dynamic).toEqual([]);
  });
});

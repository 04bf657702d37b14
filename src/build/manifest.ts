/**
 * Writes oclif.manifest.json (run by `npm run build`). With it, oclif answers `--help` and lists the
 * commands from the manifest instead of importing every command module, and with each
 * @salesforce/core and sf-plugins-core, which is most of a cold start. The sf CLI ships its plugins
 * the same way (`oclif manifest` at pack time).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Plugin } from '@oclif/core/config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true });
await plugin.load();
const manifest = plugin.manifest;
if (Object.keys(manifest.commands).length === 0) throw new Error('no commands found: build the plugin (tsc) first');
writeFileSync(join(root, 'oclif.manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`oclif.manifest.json: ${Object.keys(manifest.commands).sort().join(', ')}\n`);

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesDir = join(repoRoot, 'fixtures');
/** The shared real-world corpus; read it, never copy it into the repo. */
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './paths.js';

/** True when ../shared/corpus is present; corpus suites use `describe.runIf(hasCorpus)`. */
export const hasCorpus = existsSync(corpusDir);
if (!hasCorpus) process.stderr.write(`corpus tests skipped: ${corpusDir} is absent\n`);

export const corpus = (...parts: string[]): string => join(corpusDir, ...parts);

/** The five corpus folders, each reviewed whole (source and metadata API format, as they come). */
export const CORPUS_FOLDERS = [
  'Lightning-Flow-Scanner__lightning-flow-scanner-core',
  'SFDO-Community-Sprints__Membership-Essentials-App',
  'SalesforceFoundation__NPSP',
  'SalesforceFoundation__NPSP__mdapi',
  'SalesforceLabs__Technology-Transfer-Starter',
] as const;

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { entryText, readWholeEntry } from '../../load/cache/entry-file.js';

/** First line of every entry: a format tag, the key it answers and the payload's length. */
const MAGIC = 'arch-review-result/2';
const NAMESPACE = /^r\d+-[0-9a-f]{20}$/;

/** Where results live in a project, beside the parse cache. */
export const resultRoot = (projectDir: string): string => join(projectDir, '.sfdx', 'arch-review', 'results');

/**
 * Whole review results on disk, one file per slot (a slot is one combination of flags, so a project
 * keeps one result per way it is reviewed, not one per edit). The entry names the input key it was
 * computed from: a different key, a torn or foreign file is a miss and is overwritten. Writes go to a
 * temp file renamed into place, so concurrent runs never read half an entry; the last writer wins.
 */
export class ResultStore {
  public constructor(private readonly dir: string) {}

  /** The store of this build in a project; the folders of other builds are removed on first use. */
  public static open(projectDir: string, namespace: string): ResultStore {
    const dir = join(resultRoot(projectDir), namespace);
    if (!existsSync(dir)) {
      try {
        mkdirSync(dir, { recursive: true });
        for (const sibling of readdirSync(dirname(dir))) {
          if (sibling !== basename(dir) && NAMESPACE.test(sibling)) rmSync(join(dirname(dir), sibling), { recursive: true, force: true });
        }
      } catch {
        // a store that cannot be tidied still works
      }
    }
    return new ResultStore(dir);
  }

  /** The slot's entry whatever key it was computed for: the last run's rules may still hold (see rule-reuse.ts). */
  public latest(slot: string): { key: string; payload: string } | undefined {
    return readWholeEntry(this.pathOf(slot), MAGIC);
  }

  public set(slot: string, key: string, json: string): void {
    const target = this.pathOf(slot);
    const temp = join(this.dir, `.${slot}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, entryText(MAGIC, key, json));
      renameSync(temp, target);
    } catch {
      // A read-only project or a full disk: no cache, the review stands.
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }

  private pathOf(slot: string): string {
    return join(this.dir, `${slot}.json`);
  }
}

/** The namespace folder of a build: format and the fingerprint of the sources that compute results. */
export const namespaceOf = (fingerprint: string, format = 1): string => `r${format}-${fingerprint.slice(0, 20)}`;

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { entryText, readEntry } from './entry-file.js';

/** First line of every entry: a format tag, the key it answers and the payload's length. */
const MAGIC = 'arch-review-parse-cache/1';

/**
 * Parsed components on disk, one file per content-hash key under `<dir>/<2 hex>/<key>.json`.
 * Safe to delete at any time. An entry that is unreadable, truncated or answers another key counts
 * as a miss and is rewritten. Writes go to a temp file renamed into place, so concurrent runs (and
 * threads) never see half an entry; the last writer wins with the same content.
 */
export class ParseCache {
  private readonly shards = new Set<string>();
  private sequence = 0;

  public constructor(public readonly dir: string) {}

  public get(key: string): string | undefined {
    return readEntry(this.pathOf(key), MAGIC, key);
  }

  public set(key: string, json: string): void {
    const shard = join(this.dir, key.slice(0, 2));
    const temp = join(shard, `.${key}.${process.pid}.${threadId}.${(this.sequence += 1)}.tmp`);
    try {
      if (!this.shards.has(shard)) {
        mkdirSync(shard, { recursive: true });
        this.shards.add(shard);
      }
      writeFileSync(temp, entryText(MAGIC, key, json));
      renameSync(temp, this.pathOf(key));
    } catch {
      // A cache that cannot be written (read-only project, full disk, folder deleted meanwhile) is no
      // cache: parse next time, and try the folder again.
      this.shards.delete(shard);
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

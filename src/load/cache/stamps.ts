import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileStamp } from '../parse/task.js';

type Row = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

const FILE = 'stamps.json';

/**
 * Last run's stamp and content hash of every input file, so a warm run stats files instead of
 * reading and hashing them (the profiles of a large org are a gigabyte). Like git's index: a stamp is
 * only recorded once the file is older than the file system's time resolution. A lost or damaged
 * index only costs re-hashing.
 */
export class StampIndex {
  private readonly seen = new Map<string, FileStamp>();
  private changed = false;

  private constructor(
    private readonly dir: string,
    private readonly known: Map<string, FileStamp>,
  ) {}

  public static load(dir: string): StampIndex {
    const known = new Map<string, FileStamp>();
    try {
      const data = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as { files?: Record<string, Row> };
      for (const [path, row] of Object.entries(data.files ?? {})) {
        if (Array.isArray(row) && row.length === 5 && typeof row[4] === 'string') {
          known.set(path, { size: row[0], mtimeMs: row[1], ctimeMs: row[2], ino: row[3], hash: row[4] });
        }
      }
    } catch {
      // none yet, or unreadable: start over
    }
    return new StampIndex(dir, known);
  }

  public get(path: string): FileStamp | undefined {
    return this.known.get(path);
  }

  /** Records the stamp a file had in this run (undefined: too fresh to trust, or unreadable). */
  public record(path: string, stamp: FileStamp | undefined): void {
    if (!stamp) {
      if (this.known.has(path)) this.changed = true;
      return;
    }
    const before = this.known.get(path);
    if (!before || before.hash !== stamp.hash || before.mtimeMs !== stamp.mtimeMs || before.ctimeMs !== stamp.ctimeMs || before.size !== stamp.size || before.ino !== stamp.ino) this.changed = true;
    this.seen.set(path, stamp);
  }

  /** Writes the stamps of the files seen in this run (others are dropped, keeping the index to the project's size). */
  public save(): void {
    if (!this.changed && this.seen.size === this.known.size) return;
    const files: Record<string, Row> = {};
    for (const [path, stamp] of this.seen) files[path] = [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, stamp.hash];
    const temp = join(this.dir, `.${FILE}.${process.pid}.tmp`);
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, JSON.stringify({ format: 1, files }));
      renameSync(temp, join(this.dir, FILE));
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
    }
  }
}

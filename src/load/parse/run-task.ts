import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { decodeMetadataBytes, needsStrictDecode } from '../../metadata/decode-text.js';
import type { ParseInput } from '../../metadata/parse-input.js';
import type { ParseCache } from '../cache/parse-cache.js';
import { messageOf } from './errors.js';
import { APEX_TYPES, loadHandlerFor, type Reader } from './handlers.js';
import { resultToJson } from './pack.js';
import type { FileStamp, InputStamps, ParseOutcome, ParseResult, ParseTask } from './task.js';

/** A file as read for one task: its text, or why it could not be read; with a cache, its hash and stamp. */
type Input = { path: string; text?: string; error?: unknown; hash?: string; stamp?: FileStamp };

/** Files younger than this may still change within the file system's time resolution: never trust their stamp. */
const RACY_MS = 2000;

// Read as text in one step (no Buffer then string: at a gigabyte of profiles the copy shows), and hash the text.
export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Reads, parses and caches one component. Pure apart from the file reads and the cache: the same
 * task gives the same result in any thread. With a cache, inputs are identified by the hash of their
 * content; a file whose stamp (size, times, inode) still matches the last run is not even read
 * unless its result has to be parsed again.
 */
export async function runTask(task: ParseTask, cache: ParseCache | undefined, as: 'value' | 'json'): Promise<ParseOutcome> {
  const xml = task.xmlPath !== undefined ? open(task.xmlPath, task.stamps?.xml, cache !== undefined) : undefined;
  const content = task.contentPath !== undefined && APEX_TYPES.has(task.type) ? open(task.contentPath, task.stamps?.content, cache !== undefined) : undefined;
  const readable = !xml?.error && !content?.error;
  const key = cache && readable ? cacheKey(task, xml?.hash, content?.hash) : undefined;
  const stamps = stampsOf(xml, content);

  if (cache && key && !task.fresh) {
    const hit = cache.get(key);
    if (hit !== undefined) return { index: task.index, json: hit, cached: true, ...(stamps ? { stamps } : {}) };
  }
  // A miss: read what the stamps let us skip, and key the result by what was actually read.
  for (const input of [xml, content]) if (input && input.text === undefined && !input.error) load(input, true);
  const finalKey = cache && !xml?.error && !content?.error ? cacheKey(task, xml?.hash, content?.hash) : undefined;
  const result = await parse(task, xml, content);
  const finalStamps = stampsOf(xml, content);
  const base = { index: task.index, ...(finalStamps ? { stamps: finalStamps } : {}) };
  const json = finalKey || as === 'json' ? resultToJson(result) : undefined;
  if (cache && finalKey) cache.set(finalKey, json!);
  return as === 'json' ? { ...base, json: json! } : { ...base, value: result };
}

function open(path: string, known: FileStamp | undefined, hashing: boolean): Input {
  const input: Input = { path };
  if (hashing && known) {
    try {
      const stat = statSync(path);
      if (sameStamp(stat, known)) {
        input.hash = known.hash;
        input.stamp = known;
        return input;
      }
    } catch {
      // unreadable: reading it below says why
    }
  }
  load(input, hashing);
  return input;
}

function load(input: Input, hashing: boolean): void {
  try {
    const before = hashing ? statSync(input.path) : undefined;
    input.text = readFileSync(input.path, 'utf8');
    // UTF-16 or broken UTF-8 shows as U+FFFD: decode strictly (a clear error, not silent noise).
    if (needsStrictDecode(input.text)) input.text = decodeMetadataBytes(readFileSync(input.path));
    if (!hashing) return;
    input.hash = hashText(input.text);
    const after = statSync(input.path);
    // Only a file that is old enough and did not change while it was read gets a stamp.
    const settled = before !== undefined && Date.now() - Math.max(before.mtimeMs, before.ctimeMs) > RACY_MS && sameStamp(before, after);
    input.stamp = settled ? { size: before.size, mtimeMs: before.mtimeMs, ctimeMs: before.ctimeMs, ino: before.ino, hash: input.hash } : undefined;
  } catch (error) {
    input.error = error;
    input.text = undefined;
  }
}

type StatLike = { size: number; mtimeMs: number; ctimeMs: number; ino: number };

const sameStamp = (a: StatLike, b: StatLike): boolean => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

function stampsOf(xml: Input | undefined, content: Input | undefined): InputStamps | undefined {
  if (!xml?.stamp && !content?.stamp) return undefined;
  return { ...(xml?.stamp ? { xml: xml.stamp } : {}), ...(content?.stamp ? { content: content.stamp } : {}) };
}

/** What the result depends on: the parser inputs, and the names the result carries. */
function cacheKey(task: ParseTask, xmlHash: string | undefined, contentHash: string | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([task.type, task.fullName, task.file, task.xmlPath !== undefined, xmlHash ?? null, contentHash ?? null]))
    .digest('hex');
}

async function parse(task: ParseTask, xml: Input | undefined, content: Input | undefined): Promise<ParseResult> {
  try {
    const handler = await loadHandlerFor(task.type);
    return handler(reader(task, xml, content), task);
  } catch (error) {
    return { kind: 'error', message: messageOf(error) };
  }
}

/** The same accessors (and the same errors, in the same order) as reading the files on demand. */
function reader(task: ParseTask, xml: Input | undefined, content: Input | undefined): Reader {
  const text = (input: Input | undefined, file: string, what: string): ParseInput => {
    if (!input) throw new Error(`the ${what} file is missing`);
    if (input.error !== undefined) throw input.error;
    return { file, text: input.text!, fullName: task.fullName };
  };
  return {
    xml: () => text(xml, task.file, 'metadata XML'),
    // Apex findings point at the code file, not at its -meta.xml.
    content: () => text(content, task.file.replace(/-meta\.xml$/, ''), 'source'),
    meta: () => {
      if (!xml) return undefined;
      if (xml.error !== undefined) throw xml.error;
      return xml.text!;
    },
  };
}

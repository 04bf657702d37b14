import { readFileSync } from 'node:fs';

/**
 * One cache entry per file: a header line `<magic> <key> <length>`, then the JSON. A torn write, another
 * store's file or an entry for another key fails the header check and reads as a miss, never as data.
 */
export function entryText(magic: string, key: string, json: string): string {
  return `${magic} ${key} ${json.length}\n${json}`;
}

export function readEntry(path: string, magic: string, key: string): string | undefined {
  const entry = readWholeEntry(path, magic);
  return entry?.key === key ? entry.payload : undefined;
}

/** An entry whatever key it answers (undefined when torn or foreign): what the key was, and the JSON. */
export function readWholeEntry(path: string, magic: string): { key: string; payload: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline === -1) return undefined;
  const [entryMagic, entryKey, length] = text.slice(0, newline).split(' ');
  const payload = text.slice(newline + 1);
  if (entryMagic !== magic || entryKey === undefined || Number(length) !== payload.length) return undefined;
  return { key: entryKey, payload };
}

/**
 * Metadata files are UTF-8, but editors on Windows save UTF-16 and copies get corrupted. Reading them
 * as UTF-8 would silently turn either into U+FFFD noise; this decodes UTF-16 (by its BOM) and names
 * invalid UTF-8 with its byte offset, so the file becomes a clear ParseIssue instead.
 */
export function decodeMetadataBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`the file is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8`);
  }
}

/** Text read as UTF-8 holds U+FFFD for every undecodable byte: only then is the file decoded again, strictly. */
export function needsStrictDecode(text: string): boolean {
  return text.includes('\ufffd');
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest prefix that decodes (a cut in a sequence only fails with `stream: false`).
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

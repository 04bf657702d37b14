/**
 * How far the graph follows a call chain (Apex calls, subflows, flow → Apex) from the automation that
 * starts it. Real handler chains are a dozen steps deep; a chain this long is generated or cyclic code,
 * and following it further only multiplies edges. What lies beyond is reported, never dropped silently.
 */
export const MAX_CHAIN_STEPS = 64;

/** The note a review shows for a chain it cut: which entry, and where the cut is. */
export function chainCutNote(kind: string, entry: string, cutPath: readonly string[]): string {
  const shown = cutPath.length > 6 ? [...cutPath.slice(0, 3), '…', ...cutPath.slice(-2)] : cutPath;
  return `${kind} chain from ${entry} cut at depth ${MAX_CHAIN_STEPS} (${shown.join(' → ')}): what it runs deeper is not followed.`;
}

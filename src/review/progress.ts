/** Told when a review stage starts, with how far it is (`parsing`, `12/24 perm/integration-creep`). */
export type ProgressListener = (stage: string, detail?: string) => void;

export type ProgressLine = { onProgress?: ProgressListener; done: () => void };

/**
 * Progress for long runs on one line of stderr, rewritten in place: only on a terminal (a CI log or a
 * pipe gets none, so stderr stays for warnings and errors) and never under `--json` (the caller passes
 * `enabled: false`). The line is cleared when the review is done.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr, enabled = true): ProgressLine {
  if (!enabled || !stream.isTTY) return { done: () => {} };
  const started = Date.now();
  let shown = false;
  const onProgress: ProgressListener = (stage, detail) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const text = `arch review ${seconds}s: ${stage}${detail ? ` (${detail})` : ''}`;
    const width = stream.columns > 10 ? stream.columns - 1 : 79;
    stream.write(`\r\u001b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    shown = true;
  };
  return {
    onProgress,
    done: () => {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}

// Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise
// (CI logs and pipes must not fill up with carriage returns).

export interface ProgressSnapshot {
  pairs: number;
  bytesRead: number;
  bytesTotal: number;
  file: string;
}

export interface ProgressReporter {
  update(snapshot: ProgressSnapshot): void;
  done(): void;
}

export function silentProgress(): ProgressReporter {
  return { update() {}, done() {} };
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs?: number): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  const every = intervalMs ?? (tty ? 200 : 5000);
  const started = performance.now();
  let last = 0;
  let drawn = false;
  return {
    update(snapshot) {
      const now = performance.now();
      if (now - last < every) return;
      last = now;
      const line = progressLine(snapshot, (now - started) / 1000, tty ? (stream.columns ?? 100) : 0);
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        drawn = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (drawn) stream.write("\n");
    },
  };
}

export function progressLine(snapshot: ProgressSnapshot, seconds: number, columns: number): string {
  const fraction = snapshot.bytesTotal > 0 ? Math.min(1, snapshot.bytesRead / snapshot.bytesTotal) : 0;
  const rate = seconds > 0 ? snapshot.pairs / seconds : 0;
  // Bytes, not pairs, drive the estimate: counting lines first would read every file twice.
  const eta = fraction > 0.01 ? (seconds / fraction) * (1 - fraction) : null;
  const stats = `${(fraction * 100).toFixed(1).padStart(5)}%  ${snapshot.pairs} pairs  ${Math.round(rate)} pairs/s  ETA ${eta === null ? "--" : formatSeconds(eta)}  ${snapshot.file}`;
  if (!columns) return `import: ${stats}`;
  const width = Math.max(10, Math.min(40, columns - stats.length - 4));
  const filled = Math.round(fraction * width);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${stats}`.slice(0, columns - 1);
}

export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

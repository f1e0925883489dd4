import { readdirSync, readFileSync } from "node:fs";

// Memory of benchmarked processes, read from /proc. A process tree (Postgres forks one backend
// per connection) is summed by PSS, which splits shared pages (shared_buffers) between the
// processes that map them, so the sum is not inflated the way summed RSS would be.

function readStatus(pid: number, field: "VmRSS"): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function pss(pid: number): number {
  try {
    const match = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return readStatus(pid, "VmRSS");
  }
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return tree;
}

/** Current memory of one process (RSS) or a whole tree (sum of PSS). */
export function memoryOf(pid: number | undefined, tree = false): number {
  if (!pid) return 0;
  if (!tree) return readStatus(pid, "VmRSS");
  return processTree(pid).reduce((sum, p) => sum + pss(p), 0);
}

/** Samples a process's memory every `everyMs` and keeps the peak since the last reset. */
export function memorySampler(pid: () => number | undefined, options: { tree?: boolean; everyMs?: number } = {}) {
  const read = () => memoryOf(pid(), options.tree);
  let peak = 0;
  const timer = setInterval(
    () => {
      peak = Math.max(peak, read());
    },
    options.everyMs ?? (options.tree ? 1000 : 200),
  );
  timer.unref();
  return {
    reset() {
      peak = read();
    },
    peak: () => Math.max(peak, read()),
    stop: () => clearInterval(timer),
  };
}

export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** This process's own memory, sampled: its peak RSS and what V8 held at that moment (heap, buffers outside it). */
export function heapSampler(everyMs = 200) {
  let peak = process.memoryUsage();
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  }, everyMs);
  timer.unref();
  return {
    stop: () => clearInterval(timer),
    atPeak: () => ({ rss: mb(peak.rss), heapUsed: mb(peak.heapUsed), heapTotal: mb(peak.heapTotal), external: mb(peak.external), arrayBuffers: mb(peak.arrayBuffers) }),
  };
}

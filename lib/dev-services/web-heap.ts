// Node flags for the web process, shared by `npm start` (scripts/start.ts) and the scale
// benchmark's app (bench/scale/serve-phase.ts), so the benchmark measures what ships.
//
// V8 lets the heap grow to about four times what survived the last full collection when the
// process may use a large heap (Node's default limit here is several GB) and allocates fast;
// with a cap under 1 GB it grows by at most about twice. A fast allocator is the export: at a
// million pairs the app's tree went from 241 to 479 MB PSS while exporting, mostly garbage, and
// peaked at 281 MB with this cap on the same data (bench/results/app-memory-1m-mem2-*.json).
// The live heap is 75-150 MB (page cache LRU 128 MB at most), so 900 MB leaves ample room; a
// web process that ever needed more would stop with "heap out of memory" and be restarted by
// the supervisor, which is why the cap is not tighter.
export const WEB_HEAP_FLAGS = ["--max-old-space-size=900"];

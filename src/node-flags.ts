/**
 * V8 flags every long-running dubao process is started with (`npm start`, `npm run
 * start:sharded` and its shard processes, `npm run cli`; bench/run.ts runs its scenarios with
 * them too, so that it measures what is served). Both trade a little garbage-collection work for
 * memory: V8's defaults size a heap for throughput, and on a small server peak RSS is the limit.
 *
 * - `--max-semi-space-size=2`: the young generation's two halves at 2 MB each rather than up to
 *   16 MB (the default grows to 16 MB on a fast allocation rate, 32+ MB of RSS that parsing, a
 *   summary or the dictionary load fill with short-lived garbage and never give back).
 * - `--heap-growing-percent=50`: after a full collection the old generation may grow by half
 *   before the next, rather than by up to 4× (V8's factor for a heap it collects quickly), so the
 *   garbage a burst of questions promotes is collected before it doubles the heap.
 *
 * Set on the command line (package.json's scripts): V8 sizes its heap when the process starts,
 * and `v8.setFlagsFromString` afterwards does not resize it. A test checks that the scripts and
 * this list agree.
 */
export const MEMORY_FLAGS: readonly string[] = [
  "--max-semi-space-size=2",
  "--heap-growing-percent=50",
];

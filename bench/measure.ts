/**
 * Small measuring helpers shared by the benchmark's parent (bench/run.ts) and its child
 * processes (bench/scenarios.ts): latency percentiles, memory snapshots, timing of a list of
 * calls, garbage collection pauses.
 */
import { PerformanceObserver } from "node:perf_hooks";

export interface Latency {
  /** Number of timed calls. */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (ms) of a list of durations. */
export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    n: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1] ?? 0,
    mean: sorted.length === 0 ? 0 : total / sorted.length,
  };
}

export interface Timed<T> {
  input: T;
  ms: number;
}

/**
 * Times `run` once per input, in order (each call alone, synchronously), and returns each
 * duration. A call that throws counts with its duration; `onResult` sees what came back.
 */
export function timeEach<T, R>(
  inputs: readonly T[],
  run: (input: T) => R,
  onResult?: (input: T, result: R | undefined, error: unknown) => void,
): Timed<T>[] {
  const out: Timed<T>[] = [];
  for (const input of inputs) {
    let result: R | undefined;
    let error: unknown;
    const started = performance.now();
    try {
      result = run(input);
    } catch (caught) {
      error = caught;
    }
    const ms = performance.now() - started;
    onResult?.(input, result, error);
    out.push({ input, ms });
  }
  return out;
}

/** The slowest calls, for saying where a p99 comes from. */
export function slowest<T>(timed: readonly Timed<T>[], count = 5): Timed<T>[] {
  return [...timed].sort((a, b) => b.ms - a.ms).slice(0, count);
}

export interface MemorySnapshot {
  /** After a full garbage collection when the process runs with --expose-gc. */
  collected: boolean;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Peak resident set size of the process so far (bytes; includes its worker threads). */
  maxRss: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Memory now, after a full collection when `global.gc` is exposed. */
export function memory(): MemorySnapshot {
  gc?.();
  const usage = process.memoryUsage();
  return {
    collected: gc !== undefined,
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    heapTotal: usage.heapTotal,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    maxRss: peakRss(),
  };
}

/** Peak RSS so far in bytes (`resourceUsage().maxRSS` is in kilobytes). */
export function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** A deterministic pseudo-random generator (mulberry32), so mixes are the same every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MB = 1024 * 1024;

/**
 * Garbage collection pauses from now on: `gcWithin` gives the milliseconds of them within
 * [from, to) of `performance.now()` time; `settle` lets the entries, delivered asynchronously,
 * arrive first.
 */
export function observeGcPauses(): {
  gcWithin: (from: number, to: number) => number;
  settle: () => Promise<void>;
} {
  const pauses: Array<[number, number]> = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      pauses.push([entry.startTime, entry.startTime + entry.duration]);
  }).observe({ entryTypes: ["gc"] });
  return {
    gcWithin: (from, to) =>
      pauses.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, to) - Math.max(s, from)), 0),
    settle: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };
}

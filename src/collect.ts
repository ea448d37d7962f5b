import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * A full garbage collection now, where a cold start has just let go of hundreds of megabytes (the
 * parsed articles once stored, the collected postings once packed): V8 starts one on its own only
 * when the heap grows, and array buffers, whose memory lies outside the heap, stay allocated until
 * one runs, so the next phase's allocations would otherwise pile onto the last one's garbage.
 * Uses `gc` when the process was started with `--expose-gc`, else exposes it; does nothing where
 * neither works.
 */
export function collectGarbage(): void {
  collector ??= findCollector();
  if (collector !== "none") collector();
}

let collector: (() => void) | "none" | undefined;

function findCollector(): (() => void) | "none" {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return exposed;
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : "none";
  } catch {
    return "none";
  }
}

import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { exitOnConfigError } from "./config.js";

/** Whether the module at `moduleUrl` is the script node was started with (not an import). */
export function isEntryPoint(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return Boolean(entry) && moduleUrl === pathToFileURL(resolve(entry as string)).href;
}

/**
 * Runs an entry point's `main` when its module is the one started: a configuration mistake
 * prints its message alone and exits 1; anything else prints its stack and sets exit code 1.
 */
export function runAsEntryPoint(moduleUrl: string, main: () => Promise<unknown>): void {
  if (!isEntryPoint(moduleUrl)) return;
  main().catch(reportFatal);
}

/** How an entry point reports an error that ends it. */
export function reportFatal(error: unknown): void {
  exitOnConfigError(error);
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}

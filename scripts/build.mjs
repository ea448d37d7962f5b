#!/usr/bin/env node
/**
 * `npm run build [-- --out DIR]`: compiles src/ and commands/ to dist/ (tsconfig.build.json),
 * from a clean folder so that a deleted source leaves no stale module behind, then writes a
 * build stamp that `scripts/start.mjs` compares with the sources' modification times.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
const STAMP = ".build-stamp";
/** What the build reads: a change to any of these makes dist/ stale. */
const INPUTS = ["src", "commands", "tsconfig.json", "tsconfig.build.json"];

/** The TypeScript compiler's entry, or undefined where devDependencies are not installed. */
export function findCompiler() {
  try {
    const manifest = createRequire(join(ROOT, "package.json")).resolve("typescript/package.json");
    const tsc = join(dirname(manifest), "bin", "tsc");
    return existsSync(tsc) ? tsc : undefined;
  } catch {
    return undefined;
  }
}

/** The newest modification time under `path` (folders count: a deleted file changes them). */
function newestChange(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  let newest = stat.mtimeMs;
  if (stat.isDirectory()) {
    for (const name of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, name)));
  }
  return newest;
}

/** Why `out` needs a build, or undefined when it is up to date. */
export function staleness(out = DIST) {
  let built;
  try {
    built = statSync(join(out, STAMP)).mtimeMs;
  } catch {
    return existsSync(out) ? "it has no build stamp" : "it is missing";
  }
  const changed = Math.max(...INPUTS.map((input) => newestChange(join(ROOT, input))));
  return changed > built ? "the sources changed since the last build" : undefined;
}

/** Compiles into `out`; returns tsc's exit status. */
export function build(out = DIST) {
  const tsc = findCompiler();
  if (!tsc) {
    process.stderr.write("Cannot build: TypeScript is not installed (run `npm install`).\n");
    return 1;
  }
  rmSync(out, { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", out],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (result.status !== 0) return result.status ?? 1;
  writeFileSync(join(out, STAMP), `${new Date(started).toISOString()}\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const out = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : DIST;
  const started = Date.now();
  const status = build(out);
  if (status === 0) {
    process.stderr.write(`Built ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  process.exitCode = status;
}

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";

/**
 * The real corpus lives outside the project (never committed). Checks that use it find it at
 * CORPUS_DIR or ../shared/corpus, unpack a tarball once into a cache folder, and skip with a
 * message when it is absent.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function corpusDir(): string | undefined {
  const candidates = [loadConfig().CORPUS_DIR, join(projectRoot, "..", "shared", "corpus")].filter(
    (dir): dir is string => Boolean(dir),
  );
  return candidates.find((dir) => existsSync(dir));
}

export function corpusFile(name: string): string | undefined {
  const dir = corpusDir();
  if (!dir) return undefined;
  const path = join(dir, name);
  return existsSync(path) ? path : undefined;
}

/** Unpacks `<name>.tar.zst` once into a cache folder and returns the folder, or undefined. */
export function unpackedCorpus(name: string): string | undefined {
  const tarball = corpusFile(`${name}.tar.zst`);
  if (!tarball) return undefined;
  const target = join(tmpdir(), "dubao-corpus", name);
  if (existsSync(target) && readdirSync(target).length > 0) return target;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync("bash", ["-c", `zstd -dc "$0" | tar -x -C "$1"`, tarball, partial], {
    stdio: "inherit",
  });
  try {
    renameSync(partial, target);
  } catch {
    // Another test process unpacked it first.
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

export function skipMessage(what: string): string {
  return `SKIPPED: ${what} needs the shared corpus (../shared/corpus or CORPUS_DIR), which is absent`;
}

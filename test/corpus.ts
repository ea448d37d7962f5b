import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.js";

/**
 * The real corpus lives outside the project (never committed). Checks that use it find it at
 * CORPUS_DIR or ../shared/corpus, unpack a tarball into a cache folder, and skip with a message
 * when it is absent. The unpacked copy is reused only while it matches its tarball.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function corpusDir(): string | undefined {
  // CORPUS_DIR, when set, is the only place looked at: pointing it at an empty or missing folder
  // is how a run says "no corpus" even where ../shared/corpus exists.
  const configured = loadConfig().CORPUS_DIR;
  const dir = configured || join(projectRoot, "..", "shared", "corpus");
  return existsSync(dir) ? dir : undefined;
}

export function corpusFile(name: string): string | undefined {
  const dir = corpusDir();
  if (!dir) return undefined;
  const path = join(dir, name);
  return existsSync(path) ? path : undefined;
}

/** Unpacks `<name>.tar.zst` into a cache folder (once per version of it) and returns the folder. */
export function unpackedCorpus(name: string): string | undefined {
  const tarball = corpusFile(`${name}.tar.zst`);
  if (!tarball) return undefined;
  return unpackTarball(tarball, join(tmpdir(), "dubao-corpus", name));
}

/** What identifies a tarball's version: its path, size and modification time. */
function tarballStamp(tarball: string): string {
  const stats = statSync(tarball);
  return JSON.stringify({ tarball: resolve(tarball), size: stats.size, mtimeMs: stats.mtimeMs });
}

/** The stamp file beside an unpacked copy, naming the tarball version it was unpacked from. */
export function stampFile(target: string): string {
  return `${target}.source.json`;
}

/**
 * Unpacks a `.tar.zst` into `target` unless `target` already holds this very tarball (the
 * stamp beside it records the tarball's size and modification time). A copy without a stamp,
 * or from another version of the tarball, is replaced.
 */
export function unpackTarball(tarball: string, target: string): string {
  const stamp = tarballStamp(tarball);
  const recorded = existsSync(stampFile(target)) ? readFileSync(stampFile(target), "utf8") : "";
  if (recorded === stamp && existsSync(target) && readdirSync(target).length > 0) return target;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  execFileSync("bash", ["-c", `zstd -qdc "$0" | tar -x -C "$1"`, tarball, partial], {
    stdio: "inherit",
  });
  if (existsSync(target)) {
    // Moved aside first, so the swap leaves no moment with a half-deleted copy at `target`.
    const stale = `${target}.stale-${process.pid}`;
    try {
      renameSync(target, stale);
      rmSync(stale, { recursive: true, force: true });
    } catch {
      // Another test process replaced it at the same moment.
    }
  }
  try {
    renameSync(partial, target);
    writeFileSync(stampFile(target), stamp);
  } catch {
    // Another test process unpacked it first.
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

export function skipMessage(what: string): string {
  return `SKIPPED: ${what} needs the shared corpus (../shared/corpus or CORPUS_DIR), which is absent`;
}

/** The unpacked 2020–2022 archive's pages/ folder, or undefined without the corpus. */
export function archivePages(): string | undefined {
  const root = unpackedCorpus("epoch-news-2020-2022");
  return root ? join(root, "pages") : undefined;
}

/** For scripts: the archive's pages/ folder, or a SKIPPED line and exit 0 without the corpus. */
export function archivePagesOrExit(what: string): string {
  const pages = archivePages();
  if (pages) return pages;
  console.log(skipMessage(what));
  process.exit(0);
}

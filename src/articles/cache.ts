import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw, createInflateRaw, inflateRawSync } from "node:zlib";
import type { ArticleFileInfo } from "./loader.js";

/**
 * The persisted index on disk: one file per section (articles, search, people), each starting
 * with the id of the save it belongs to, then the section deflated (zlib level 1: the archive's
 * 430 MB of sections take about 190 MB), and a meta file, written last, that commits the save
 * and holds each section's length and CRC-32 on disk and its length inflated (inflated into one
 * buffer of that size, never pieces joined). Damage that keeps a section's structure (bytes
 * overwritten inside it) is caught by the checksum, before the section is inflated.
 */

/** Bump when anything that goes into the cache changes shape or meaning. */
export const CACHE_VERSION = 7;
export const CACHE_SECTIONS = ["articles", "search", "people"] as const;
export type CacheSection = (typeof CACHE_SECTIONS)[number];

/**
 * How each section's text is encoded. Articles and people are mostly Chinese: in UTF-16 they
 * take 2 bytes a character rather than 3 (smaller deflated too) and decode by copying, several
 * times faster than UTF-8 at start-up. The search section is ASCII (see archive.ts).
 */
export const SECTION_ENCODING: Record<CacheSection, BufferEncoding> = {
  articles: "utf16le",
  search: "latin1",
  people: "utf16le",
};

export const cachePath = (dir: string, name: CacheSection | "meta") =>
  join(dir, `dubao-index.${name}`);

/** Length and CRC-32 of a section's payload (the deflated bytes after its save line). */
interface SectionCheck {
  bytes: number;
  crc32: number;
  /** The payload's length once inflated. */
  inflated: number;
}

/** What `dubao-index.meta` holds. */
export interface CacheMeta {
  version: number;
  save: string;
  root: string;
  files: ArticleFileInfo[];
  /** For each file, the id of the article it holds (or null when it was skipped). */
  fileArticle: Record<string, string | null>;
  sections: Record<CacheSection, SectionCheck>;
}

/** A section's payload, written piece by piece (the whole would not fit one string). */
export type SectionPieces = () => Iterable<string | Uint8Array>;

/** Why a cache cannot be used; the message is meant for a log line. */
export class CacheRejected extends Error {}

/** The meta file, or undefined when there is none; throws `CacheRejected` when unusable. */
export async function readCacheMeta(dir: string): Promise<CacheMeta | undefined> {
  let text: string;
  try {
    text = await readFile(cachePath(dir, "meta"), "utf8");
  } catch {
    return undefined;
  }
  let meta: CacheMeta;
  try {
    meta = JSON.parse(text) as CacheMeta;
  } catch (error) {
    throw new CacheRejected(`${cachePath(dir, "meta")}: ${(error as Error).message}`);
  }
  if (meta?.version !== CACHE_VERSION) {
    throw new CacheRejected(`version ${String(meta?.version)}, not ${CACHE_VERSION}`);
  }
  return meta;
}

/** A section's payload, once its save id, length and checksum are those the meta file holds. */
export async function readCacheSection(
  dir: string,
  meta: CacheMeta,
  name: CacheSection,
): Promise<Buffer> {
  const { path, payload, check } = await checkedPayload(dir, meta, name);
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(payload, { chunkSize: Math.max(1 << 16, check.inflated + 1) });
  } catch (error) {
    throw new CacheRejected(`${path} does not inflate: ${(error as Error).message}`);
  }
  if (inflated.length !== check.inflated) {
    throw new CacheRejected(`${path} inflates to ${inflated.length} bytes, not ${check.inflated}`);
  }
  return inflated;
}

/** Pieces a checked section is inflated in (see `streamCacheSection`). */
const INFLATE_PIECE = 1 << 20;

/**
 * A section checked as `readCacheSection` does, then inflated piece by piece in the thread pool,
 * each piece handed to `take` on this thread as it comes: the whole section is never in memory
 * inflated, and inflating overlaps with what `take` does.
 */
export async function streamCacheSection(
  dir: string,
  meta: CacheMeta,
  name: CacheSection,
  take: (piece: Buffer) => void,
): Promise<void> {
  const { path, payload, check } = await checkedPayload(dir, meta, name);
  let inflated = 0;
  const inflate = createInflateRaw({ chunkSize: INFLATE_PIECE });
  const done = new Promise<void>((resolve, reject) => {
    inflate.on("data", (piece: Buffer) => {
      inflated += piece.length;
      try {
        take(piece);
      } catch (error) {
        inflate.destroy(error as Error);
      }
    });
    inflate.once("end", resolve);
    inflate.once("error", reject);
  });
  inflate.end(payload);
  try {
    await done;
  } catch (error) {
    throw new CacheRejected(`${path} does not inflate: ${(error as Error).message}`);
  }
  if (inflated !== check.inflated) {
    throw new CacheRejected(`${path} inflates to ${inflated} bytes, not ${check.inflated}`);
  }
}

async function checkedPayload(
  dir: string,
  meta: CacheMeta,
  name: CacheSection,
): Promise<{ path: string; payload: Buffer; check: SectionCheck }> {
  const path = cachePath(dir, name);
  const data = await readFile(path);
  const newline = data.indexOf(0x0a);
  if (newline < 0 || data.toString("utf8", 0, newline) !== meta.save) {
    throw new CacheRejected(`${path} does not belong to this save`);
  }
  const payload = data.subarray(newline + 1);
  const check = meta.sections?.[name];
  if (!check) throw new CacheRejected(`no checksum for ${path}`);
  if (payload.length !== check.bytes) {
    throw new CacheRejected(`${path} holds ${payload.length} bytes, not ${check.bytes}`);
  }
  if (crc32(payload) !== check.crc32) {
    throw new CacheRejected(`${path} fails its checksum (its bytes were overwritten)`);
  }
  return { path, payload, check };
}

/** Characters encoded at a time: a section held as one long string is not copied whole. */
export const WRITE_CHUNK_CHARS = 1 << 22;

function* chunks(piece: string | Uint8Array, encoding: BufferEncoding): Generator<Uint8Array> {
  if (typeof piece !== "string") {
    yield piece;
    return;
  }
  for (let start = 0; start < piece.length; ) {
    let end = Math.min(start + WRITE_CHUNK_CHARS, piece.length);
    // Never between the two halves of a surrogate pair.
    const last = piece.charCodeAt(end - 1);
    if (end < piece.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield Buffer.from(piece.slice(start, end), encoding);
    start = end;
  }
}

/**
 * Writes every section to a temporary file, then the meta file with their checksums, then
 * renames them into place, the meta file last.
 */
export async function writeCache(
  dir: string,
  sections: Record<CacheSection, SectionPieces>,
  meta: Omit<CacheMeta, "version" | "save" | "sections">,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const save = `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
  const temporary = (path: string) => `${path}.${process.pid}.tmp`;
  const checks = {} as Record<CacheSection, SectionCheck>;
  for (const name of CACHE_SECTIONS) {
    const path = temporary(cachePath(dir, name));
    await writeFile(path, `${save}\n`);
    const check: SectionCheck = { bytes: 0, crc32: 0, inflated: 0 };
    const measure = new Transform({
      transform(data: Buffer, _encoding, done) {
        check.crc32 = crc32(data, check.crc32);
        check.bytes += data.length;
        done(null, data);
      },
    });
    const pieces = sections[name];
    await pipeline(
      Readable.from(
        (function* () {
          for (const piece of pieces()) {
            for (const chunk of chunks(piece, SECTION_ENCODING[name])) {
              check.inflated += chunk.length;
              yield chunk;
            }
          }
        })(),
      ),
      createDeflateRaw({ level: 1 }),
      measure,
      createWriteStream(path, { flags: "a" }),
    );
    checks[name] = check;
  }
  const full: CacheMeta = { version: CACHE_VERSION, save, ...meta, sections: checks };
  await writeFile(temporary(cachePath(dir, "meta")), JSON.stringify(full));
  for (const name of CACHE_SECTIONS) {
    await rename(temporary(cachePath(dir, name)), cachePath(dir, name));
  }
  await rename(temporary(cachePath(dir, "meta")), cachePath(dir, "meta"));
  return save;
}

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { crc32, createDeflateRaw, inflateRaw } from "node:zlib";
import type { ArticleFileInfo } from "./loader.js";

/**
 * The persisted index on disk: one file per section (articles, search, people), each starting
 * with the id of the save it belongs to, then the section's bytes, deflated (zlib level 1) or as
 * they are (`SECTION_DEFLATED`), and a meta file, written last, that commits the save and holds each
 * section's length and CRC-32 on disk and its length inflated (inflated into one buffer of that
 * size, in the thread pool, never pieces joined). Damage that keeps a section's structure (bytes
 * overwritten inside it) is caught by the checksum, before the section is inflated.
 */

/** Bump when anything that goes into the cache changes shape or meaning. */
export const CACHE_VERSION = 22;
export const CACHE_SECTIONS = ["articles", "search", "people"] as const;
export type CacheSection = (typeof CACHE_SECTIONS)[number];

/**
 * Which sections are deflated. The search section is not: its postings are varints that deflate
 * by a third only, and inflating them would cost more of a warm start than reading them (they are
 * used where they are read, as views of the file's bytes).
 */
export const SECTION_DEFLATED: Record<CacheSection, boolean> = {
  articles: true,
  search: false,
  people: true,
};

export const cachePath = (dir: string, name: CacheSection | "meta") =>
  join(dir, `dubao-index.${name}`);

/** Length and CRC-32 of a section's payload (the bytes after its save line). */
interface SectionCheck {
  bytes: number;
  crc32: number;
  /** The payload's length once inflated. */
  inflated: number;
  /**
   * A deflated section written as frames (`SECTION_FRAME_END`): each frame's length deflated and
   * inflated. The frames are deflated apart, so they inflate in several threads at once.
   */
  frames?: Array<[number, number]>;
}

/** What `dubao-index.meta` holds, as read back. */
export interface CacheMeta {
  version: number;
  save: string;
  root: string;
  files: ArticleFileInfo[];
  /** For each file, the id of the article it holds (or null when it was skipped). */
  fileArticle: Map<string, string | null>;
  sections: Record<CacheSection, SectionCheck>;
}

/**
 * A file as the meta file writes it: path, size, modification time, and the id of its article
 * (null: skipped; left out: none recorded). Rows parse faster than objects, and are half the size.
 */
type FileRow = [string, number, number, (string | null)?];

/** The meta file as written: the files as rows, and the articles of paths not listed (if any). */
interface MetaOnDisk extends Omit<CacheMeta, "files" | "fileArticle"> {
  files: FileRow[];
  unlisted: Array<[string, string | null]>;
}

/**
 * Ends a frame of a deflated section's payload: what follows is deflated apart, so that a warm
 * start inflates the frames in several threads at once and uses each as it comes. The payload's
 * bytes are the same, framed or not.
 */
export const SECTION_FRAME_END = Symbol("section frame end");

/** A section's payload, written piece by piece (never joined into one buffer). */
export type SectionPieces = () => Iterable<Uint8Array | typeof SECTION_FRAME_END>;

const inflate = promisify(inflateRaw);

/** Why a cache cannot be used; the message is meant for a log line. */
export class CacheRejected extends Error {}

/** The meta file, or undefined when there is none; throws `CacheRejected` when unusable. */
export async function readCacheMeta(dir: string): Promise<CacheMeta | undefined> {
  const meta = await readMetaOnDisk(dir);
  if (!meta) return undefined;
  if (!Array.isArray(meta.files) || !Array.isArray(meta.unlisted)) {
    throw new CacheRejected(`${cachePath(dir, "meta")}: no list of files`);
  }
  const files = new Array<ArticleFileInfo>(meta.files.length);
  const fileArticle = new Map<string, string | null>();
  meta.files.forEach((row, i) => {
    if (!Array.isArray(row) || typeof row[0] !== "string")
      throw new CacheRejected(`${cachePath(dir, "meta")}: a file is not a row`);
    files[i] = { path: row[0], size: row[1], mtimeMs: row[2] };
    if (row.length > 3) fileArticle.set(row[0], row[3] ?? null);
  });
  for (const [path, id] of meta.unlisted) fileArticle.set(path, id);
  const { unlisted: _unlisted, ...rest } = meta;
  return { ...rest, files, fileArticle };
}

/** The id of the save in `dir` (undefined when there is none); throws `CacheRejected` when unusable. */
export async function readCacheSave(dir: string): Promise<string | undefined> {
  return (await readMetaOnDisk(dir))?.save;
}

async function readMetaOnDisk(dir: string): Promise<MetaOnDisk | undefined> {
  let text: string;
  try {
    text = await readFile(cachePath(dir, "meta"), "utf8");
  } catch {
    return undefined;
  }
  let meta: MetaOnDisk;
  try {
    meta = JSON.parse(text) as MetaOnDisk;
  } catch (error) {
    throw new CacheRejected(`${cachePath(dir, "meta")}: ${(error as Error).message}`);
  }
  if (meta?.version !== CACHE_VERSION) {
    throw new CacheRejected(`version ${String(meta?.version)}, not ${CACHE_VERSION}`);
  }
  return meta;
}

/** The files and their articles as rows (see `FileRow`). */
function metaOnDisk(meta: CacheMeta): MetaOnDisk {
  const listed = new Set<string>();
  const files = meta.files.map((file): FileRow => {
    listed.add(file.path);
    const row: FileRow = [file.path, file.size, file.mtimeMs];
    if (meta.fileArticle.has(file.path)) row.push(meta.fileArticle.get(file.path) ?? null);
    return row;
  });
  const unlisted = [...meta.fileArticle].filter(([path]) => !listed.has(path));
  const { files: _files, fileArticle: _fileArticle, ...rest } = meta;
  return { ...rest, files, unlisted };
}

/**
 * A section's payload, once its save id, length and checksum are those the meta file holds;
 * with `inflate: false`, a deflated section as it is on disk (`inflateRawSync` reads it).
 */
export async function readCacheSection(
  dir: string,
  meta: CacheMeta,
  name: CacheSection,
  options: { inflate?: boolean } = {},
): Promise<Buffer> {
  const { path, payload, check } = await checkedPayload(dir, meta, name);
  if (!SECTION_DEFLATED[name] || options.inflate === false) return payload;
  if (check.frames) {
    const frames = await Promise.all(framesOf(path, payload, check, check.frames.length));
    return frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames, check.inflated);
  }
  return inflatedFrame(path, payload, check.inflated);
}

/**
 * A framed section's frames (see `SECTION_FRAME_END`), each inflating in the thread pool, at most
 * `atOnce` at a time and in order, so that the first frames come first.
 */
export async function readCacheFrames(
  dir: string,
  meta: CacheMeta,
  name: CacheSection,
  atOnce = 2,
): Promise<Array<Promise<Buffer>>> {
  const { path, payload, check } = await checkedPayload(dir, meta, name);
  if (!SECTION_DEFLATED[name]) throw new CacheRejected(`${path} is not deflated`);
  if (!check.frames) return [inflatedFrame(path, payload, check.inflated)];
  return framesOf(path, payload, check, atOnce);
}

function framesOf(
  path: string,
  payload: Buffer,
  check: SectionCheck,
  atOnce: number,
): Array<Promise<Buffer>> {
  const frames = check.frames ?? [];
  let bytes = 0;
  let inflated = 0;
  for (const frame of frames) {
    if (!Array.isArray(frame) || frame.length !== 2)
      throw new CacheRejected(`${path}: a frame is not a pair of lengths`);
    bytes += frame[0];
    inflated += frame[1];
  }
  if (bytes !== payload.length || inflated !== check.inflated) {
    throw new CacheRejected(`${path}: its frames are not its length`);
  }
  const out: Array<Promise<Buffer>> = [];
  let at = 0;
  frames.forEach(([deflated, size], i) => {
    const bytesOfFrame = payload.subarray(at, at + deflated);
    at += deflated;
    const started = i < atOnce ? Promise.resolve() : (out[i - atOnce] as Promise<Buffer>);
    out.push(started.then(() => inflatedFrame(path, bytesOfFrame, size)));
  });
  for (const frame of out) frame.catch(() => {});
  return out;
}

async function inflatedFrame(path: string, bytes: Buffer, size: number): Promise<Buffer> {
  let inflated: Buffer;
  try {
    inflated = await inflate(bytes, { chunkSize: Math.max(1 << 16, size + 1) });
  } catch (error) {
    throw new CacheRejected(`${path} does not inflate: ${(error as Error).message}`);
  }
  if (inflated.length !== size) {
    throw new CacheRejected(`${path} inflates to ${inflated.length} bytes, not ${size}`);
  }
  return inflated;
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
    const measure = () =>
      new Transform({
        transform(data: Buffer, _encoding, done) {
          check.crc32 = crc32(data, check.crc32);
          check.bytes += data.length;
          done(null, data);
        },
      });
    const pieces = sections[name]()[Symbol.iterator]();
    const deflated = SECTION_DEFLATED[name];
    const frames: Array<[number, number]> = [];
    // One frame after another, each deflated apart (the section's pieces up to a frame end).
    for (let ended = false; !ended; ) {
      const frame: [number, number] = [check.bytes, check.inflated];
      const source = Readable.from(
        (function* () {
          for (;;) {
            const next = pieces.next();
            if (next.done) {
              ended = true;
              return;
            }
            if (next.value === SECTION_FRAME_END) {
              if (!deflated) continue;
              return;
            }
            check.inflated += next.value.length;
            yield next.value;
          }
        })(),
      );
      const file = createWriteStream(path, { flags: "a" });
      if (deflated) await pipeline(source, createDeflateRaw({ level: 1 }), measure(), file);
      else await pipeline(source, measure(), file);
      frames.push([check.bytes - frame[0], check.inflated - frame[1]]);
    }
    if (frames.length > 1) check.frames = frames;
    checks[name] = check;
  }
  const full: CacheMeta = { version: CACHE_VERSION, save, ...meta, sections: checks };
  await writeFile(temporary(cachePath(dir, "meta")), JSON.stringify(metaOnDisk(full)));
  for (const name of CACHE_SECTIONS) {
    await rename(temporary(cachePath(dir, name)), cachePath(dir, name));
  }
  await rename(temporary(cachePath(dir, "meta")), cachePath(dir, "meta"));
  return save;
}

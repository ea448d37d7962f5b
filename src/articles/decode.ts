import { isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { ArticleParseError } from "./parse-error.js";

/** A saved page's bytes → its text: BOMs, UTF-16, legacy Chinese encodings, binary files refused. */

const utf8Lossy = new TextDecoder("utf-8");

const MAGIC: [string, number[]][] = [
  ["PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["JPEG image", [0xff, 0xd8, 0xff]],
  ["GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["zip archive", [0x50, 0x4b, 0x03, 0x04]],
  ["gzip archive", [0x1f, 0x8b]],
  ["zstd archive", [0x28, 0xb5, 0x2f, 0xfd]],
  ["ELF executable", [0x7f, 0x45, 0x4c, 0x46]],
];

/**
 * Decodes a file's bytes: UTF-8 (BOM stripped), UTF-16 with a BOM, or, when the bytes are not
 * UTF-8, the charset the page declares or else GBK/GB18030 (the usual legacy encoding of Chinese
 * pages). A few stray invalid bytes in otherwise UTF-8 text are tolerated (dropped).
 * Throws `ArticleParseError` for binary data and for text in no encoding we can read.
 */
export function decodeArticleBytes(bytes: Buffer): string {
  if (bytes.length === 0) throw new ArticleParseError("empty file");
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const label = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    return new TextDecoder(label).decode(bytes.subarray(2));
  }
  for (const [what, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte))
      throw new ArticleParseError(`binary file (${what})`);
  }
  const headLength = Math.min(bytes.length, 8192);
  let controls = 0;
  for (let i = 0; i < headLength; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x20) continue;
    if (byte === 0) throw new ArticleParseError("binary file (contains NUL bytes)");
    if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  if (controls > headLength / 20) throw new ArticleParseError("binary file (control bytes)");
  // NUL bytes past the head: a binary file with a text-like start.
  if (bytes.length > headLength && bytes.indexOf(0, headLength) >= 0) {
    throw new ArticleParseError("binary file (contains NUL bytes)");
  }

  if (isUtf8(bytes)) return bytes.toString("utf8");
  const lossy = utf8Lossy.decode(bytes);
  let bad = 0;
  let wide = 0;
  for (let i = 0; i < lossy.length; i++) {
    const code = lossy.charCodeAt(i);
    if (code === 0xfffd) bad++;
    else if (code >= 0x80) wide++;
  }
  // UTF-8 text with a few damaged bytes: keep it, the cleaner drops U+FFFD.
  if (bad <= Math.max(2, wide / 200)) return lossy;

  const declared = declaredCharset(bytes);
  const encoding = declared && iconv.encodingExists(declared) ? declared : "gb18030";
  const text = iconv.decode(bytes, encoding);
  let unreadable = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) unreadable++;
    else if (code >= 0x4e00 && code <= 0x9fff) han++;
  }
  if (unreadable > Math.max(2, text.length / 100) || (han === 0 && wide > 0)) {
    throw new ArticleParseError(`unreadable text (not UTF-8, and not ${encoding} either)`);
  }
  return text;
}

function declaredCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 4096).toString("latin1");
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  if (!label || label === "utf-8" || label === "utf8") return undefined;
  return label === "gb2312" || label === "gbk" ? "gb18030" : label;
}

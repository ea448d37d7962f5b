/** Plain text from the raw text of an HTML block or a plain-text line. */

/** Zero-width and direction marks, soft hyphens, BOMs and replacement characters. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]/g;
/** Any run of whitespace, including no-break and ideographic spaces. */
const SPACE_RUN = /[\s\u00a0\u3000]+/g;
/** Marks a hard line break (`<br>`) inside a block while its text is gathered. */
export const BREAK = "\u2029";

const OPENING = new Set([0x28, 0x5b, 0x7b]);
const CLOSING = new Set([0x29, 0x5d, 0x7d, 0x2c, 0x2e, 0x3b, 0x3a, 0x21, 0x3f]);

/**
 * "Wide" characters take no spaces around them in Chinese text: Han, kana, hangul, CJK and
 * full-width punctuation, curly quotes, dashes, ellipses and name dots.
 */
function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe10 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) ||
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x205e) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    code === 0x00b7
  );
}

/**
 * Plain text from the text of an HTML block: entities are already decoded by the parser;
 * invisible characters go; a run of whitespace next to a wide character vanishes (the line
 * breaks and indentation a pretty-printer puts around `<ok>` tags inside Chinese text), and
 * elsewhere becomes one space (`Wendy Sherman`). With `keepSpaces`, a run of plain spaces (no
 * line break) between wide characters stays as one space: titles and headings use spaces as
 * separators (`美俄日内瓦会谈 美副国务卿：未能缩小分歧`).
 */
export function cleanText(raw: string, keepSpaces = false): string {
  const text = raw.replace(INVISIBLE, "");
  return text
    .replace(SPACE_RUN, (run: string, offset: number) => {
      if (offset === 0 || offset + run.length === text.length) return "";
      const before = text.charCodeAt(offset - 1);
      const after = text.charCodeAt(offset + run.length);
      if (isWide(before) || isWide(after)) return keepSpaces && !/[\n\r]/.test(run) ? " " : "";
      // No space inside brackets or before punctuation: `( KO.N )` → `(KO.N)`, `Trump ,` → `Trump,`.
      return OPENING.has(before) || CLOSING.has(after) ? "" : " ";
    })
    .trim();
}

/** Splits gathered block text at `<br>` marks and cleans each piece; empty pieces vanish. */
export function cleanBlock(raw: string, keepSpaces = false): string[] {
  if (!raw.includes(BREAK)) {
    const one = cleanText(raw, keepSpaces);
    return one ? [one] : [];
  }
  const out: string[] = [];
  for (const piece of raw.split(BREAK)) {
    const clean = cleanText(piece, keepSpaces);
    if (clean) out.push(clean);
  }
  return out;
}

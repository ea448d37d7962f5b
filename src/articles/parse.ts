import { isUtf8 } from "node:buffer";
import { basename } from "node:path";
import { load } from "cheerio/slim";
import iconv from "iconv-lite";
import { alternation } from "../text/lexicon.js";
import { isPlaceName } from "../text/names.js";
import { detectScript } from "../text/text.js";
import { type Article, ArticleSchema } from "./article.js";
import { englishNamePairs } from "./english-names.js";

/**
 * Turns one saved news page into a clean, typed `Article`.
 *
 * Handles the mirror's format (a markdown wrapper: `### title`, a nav line, the page's HTML with
 * `<ok href=".../tag/...">` tag links, then `原文链接（需翻墙）：URL`), the older mirror format
 * (plain `<a>` links and `原文链接：`, pages from other outlets such as VOA and Reuters), bare HTML
 * pages and plain-text / markdown articles. The HTML is parsed once with cheerio's htmlparser2
 * build (`cheerio/slim`: about five times faster than parse5 on these pages, and it closes
 * whatever a truncated file leaves open); the body is then read by one walk over the DOM.
 */

/** Why a file is not an article; the message is short and safe to log or show. */
export class ArticleParseError extends Error {
  override readonly name = "ArticleParseError";
}

// ---------------------------------------------------------------------------------------------
// Bytes → text

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

// ---------------------------------------------------------------------------------------------
// Text cleaning

/** Zero-width and direction marks, soft hyphens, BOMs and replacement characters. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffd]/g;
/** Any run of whitespace, including no-break and ideographic spaces. */
const SPACE_RUN = /[\s\u00a0\u3000]+/g;
/** Marks a hard line break (`<br>`) inside a block while its text is gathered. */
const BREAK = "\u2029";

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
function cleanBlock(raw: string, keepSpaces = false): string[] {
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

// ---------------------------------------------------------------------------------------------
// DOM walking (htmlparser2 nodes, typed structurally so no parser package is imported)

interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "video",
  "audio",
  "source",
  "track",
  "object",
  "embed",
  "canvas",
  "svg",
  "math",
  "img",
  "picture",
  "figure",
  "figcaption",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "nav",
  "aside",
  "header",
  "footer",
  "head",
  "title",
  "meta",
  "link",
]);

/** Blocks whose text is one paragraph (or several, split at `<br>`), unless they nest blocks. */
const BLOCK_TAGS = new Set(["p", "li", "dd", "dt", "pre", "blockquote", "td", "th", "address"]);
const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/**
 * Block-level elements: in the body they hold paragraphs; inside a paragraph they mark a break.
 * Anything else (`<a>`, `<strong>`, `<span>`, unknown tags such as `<ok>`) flows inline.
 */
const STRUCTURE_TAGS = new Set([
  "div",
  "section",
  "article",
  "main",
  "body",
  "html",
  "center",
  "ul",
  "ol",
  "dl",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "hgroup",
  "details",
  "summary",
  "fieldset",
  "hr",
  ...BLOCK_TAGS,
  ...HEADING_TAGS,
]);

/** Class names and ids of page furniture inside article bodies: captions, ads, players, credits. */
const SKIP_CLASSES = new Set([
  "caption",
  "wp-caption-text",
  "imgtxt",
  "arttop",
  "toptitle",
  "subtitle",
  "video_fit_container",
  "player-container",
  "Attribution_container",
  "StandardArticleBody_trustBadgeContainer",
  "PrimaryAsset_container",
  "published",
  "dateline",
  "gtx-bubble",
  "share",
  "social",
  "related",
  "advertisement",
  "sidebar",
  "comments",
  "breadcrumb",
]);
const SKIP_ID = /^(?:below_article_ad|gtx-|ad[_-]|ads?$|share|related|comments?$|sidebar)/;

function isSkipped(node: DomNode): boolean {
  const name = node.name ?? "";
  if (SKIP_TAGS.has(name)) return true;
  const attribs = node.attribs;
  if (!attribs) return false;
  const id = attribs.id;
  if (id && SKIP_ID.test(id)) return true;
  const cls = attribs.class;
  if (cls) for (const token of cls.split(/\s+/)) if (SKIP_CLASSES.has(token)) return true;
  return attribs.hidden !== undefined || /display\s*:\s*none/.test(attribs.style ?? "");
}

/** Elements holding an image's caption (skipped as body text, gathered as captions). */
const CAPTION_CLASSES = ["caption", "wp-caption-text", "imgtxt"];

function isCaption(node: DomNode): boolean {
  if (node.name === "figcaption") return true;
  const cls = node.attribs?.class;
  return Boolean(cls?.split(/\s+/).some((token) => CAPTION_CLASSES.includes(token)));
}

/** The captions of the images in a container, in document order (figures are entered). */
function collectCaptions(container: DomNode, out: string[]): void {
  for (const child of container.children ?? []) {
    if (child.type !== "tag") continue;
    if (isCaption(child)) {
      const text = cleanText(textOf(child).replaceAll(BREAK, " "));
      if (text) out.push(text);
    } else if (child.name === "figure" || !isSkipped(child)) collectCaptions(child, out);
  }
}

/** Gathers the text of a node: `<br>` and nested blocks become break marks. */
function gatherText(node: DomNode, out: string[]): void {
  for (const child of node.children ?? []) {
    if (child.type === "text") out.push(child.data ?? "");
    else if (child.type === "tag" || child.type === "script" || child.type === "style") {
      if (child.name === "br") out.push(BREAK);
      else if (isSkipped(child)) continue;
      else if (STRUCTURE_TAGS.has(child.name ?? "")) {
        out.push(BREAK);
        gatherText(child, out);
        out.push(BREAK);
      } else gatherText(child, out);
    } else if (child.type === "cdata") gatherText(child, out);
  }
}

function textOf(node: DomNode): string {
  const parts: string[] = [];
  gatherText(node, parts);
  return parts.join("");
}

function hasBlockDescendant(node: DomNode): boolean {
  for (const child of node.children ?? []) {
    if (child.type !== "tag" || isSkipped(child)) continue;
    const name = child.name ?? "";
    if (BLOCK_TAGS.has(name) || HEADING_TAGS.has(name) || name === "div") return true;
    if (hasBlockDescendant(child)) return true;
  }
  return false;
}

interface Block {
  text: string;
  heading: boolean;
}

/**
 * Collects the body's blocks in document order. Inline content lying loose in the container
 * (text, links, `<br>`) forms paragraphs too, except at the document root, where loose text is
 * the markdown wrapper (title, nav line, source link) rather than article text.
 */
function collectBlocks(container: DomNode, loose: boolean, blocks: Block[]): void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0 && loose) blocks.push({ text: pending.join(""), heading: false });
    pending = [];
  };
  for (const child of container.children ?? []) {
    if (child.type === "text") {
      pending.push(child.data ?? "");
      continue;
    }
    if (child.type !== "tag") continue;
    const name = child.name ?? "";
    if (name === "br") {
      pending.push(BREAK);
      continue;
    }
    if (isSkipped(child)) {
      flush();
      continue;
    }
    if (HEADING_TAGS.has(name) || BLOCK_TAGS.has(name)) {
      flush();
      if (name !== "p" && hasBlockDescendant(child)) collectBlocks(child, true, blocks);
      else blocks.push({ text: textOf(child), heading: HEADING_TAGS.has(name) });
    } else if (STRUCTURE_TAGS.has(name)) {
      flush();
      collectBlocks(child, true, blocks);
    } else {
      // Inline element lying loose in the container (a link, <strong>, <span>, <ok>).
      gatherText({ type: "tag", children: [child] }, pending);
    }
  }
  flush();
}

/** What one walk over the page finds besides the body. */
interface PageScan {
  /** The first element matching each of `CONTAINERS`, best first. */
  containers: (DomNode | undefined)[];
  tags: string[];
  caption?: DomNode;
  figcaption?: DomNode;
  imageAlt?: string;
  titleElement?: DomNode;
  heading?: DomNode;
  canonical?: string;
  time?: string;
  subtitle?: DomNode;
}

/** Article containers of the layouts we know, best first (by id, itemprop, class or tag). */
const CONTAINERS: { id?: string; itemprop?: string; classes?: string[]; tag?: string }[] = [
  { id: "artbody" },
  { itemprop: "articleBody" },
  { classes: ["StandardArticleBody_body"] },
  { classes: ["wsw"] },
  { classes: ["post_content", "entry-content"] },
  { tag: "article" },
];

const TAG_LINK = /\/tag\//;
const TAG_NAME = /\/tag\/([^/?#]+?)(?:\.html?)?(?:[?#]|$)/;

function tagText(node: DomNode, href: string): string {
  const text = cleanText(textOf(node), true);
  if (text) return text;
  try {
    return decodeURIComponent(TAG_NAME.exec(href)?.[1] ?? "");
  } catch {
    return "";
  }
}

function scanPage(node: DomNode, scan: PageScan): void {
  for (const child of node.children ?? []) {
    if (child.type !== "tag") continue;
    const name = child.name ?? "";
    const attribs = child.attribs ?? {};
    const cls = attribs.class;
    const classes = cls ? cls.split(/\s+/) : undefined;
    for (let i = 0; i < CONTAINERS.length; i++) {
      const want = CONTAINERS[i];
      if (!want || scan.containers[i]) continue;
      if (
        (want.id !== undefined && attribs.id === want.id) ||
        (want.itemprop !== undefined && attribs.itemprop === want.itemprop) ||
        (want.tag !== undefined && name === want.tag) ||
        (want.classes !== undefined && classes?.some((c) => want.classes?.includes(c)))
      ) {
        scan.containers[i] = child;
      }
    }
    const href = attribs.href;
    if (href && (name === "ok" || name === "a") && TAG_LINK.test(href)) {
      const tag = tagText(child, href);
      if (tag && !scan.tags.includes(tag)) scan.tags.push(tag);
    } else if (classes?.includes("caption")) scan.caption ??= child;
    else if (classes?.includes("subtitle")) scan.subtitle ??= child;
    else if (name === "figcaption") scan.figcaption ??= child;
    else if (name === "img") {
      if (!scan.imageAlt && attribs.alt?.trim()) scan.imageAlt = attribs.alt;
    } else if (name === "title") scan.titleElement ??= child;
    else if (name === "h1" || name === "h2" || name === "h3") scan.heading ??= child;
    else if (name === "link" && attribs.rel === "canonical") scan.canonical ??= attribs.href;
    else if (name === "meta") {
      if (attribs.property === "og:url") scan.canonical ??= attribs.content;
      else if (attribs.property === "article:published_time") scan.time ??= attribs.content;
    } else if (name === "time" && attribs.datetime) scan.time ??= attribs.datetime;
    scanPage(child, scan);
  }
}

/**
 * The element holding the article: a known container, else the element with the most paragraph
 * text among its direct `<p>` children (the document root for pages that are bare `<p>` lists).
 */
function findContainer(root: DomNode, scan: PageScan): { node: DomNode; known: boolean } {
  for (const hit of scan.containers) if (hit) return { node: hit, known: true };
  let best = root;
  let bestScore = 0;
  const visit = (node: DomNode) => {
    let score = 0;
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "p") score += textOf(child).length;
      else if (!isSkipped(child)) visit(child);
    }
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  };
  visit(root);
  return { node: best, known: false };
}

// ---------------------------------------------------------------------------------------------
// Fields

const DATELINE =
  /^【([^】\d]{0,12}?)(\d{4})\s*年\s*(\d\s?\d?)\s*月\s*(\d\s?\d?)\s*日\s*[讯訊电電]?】/;

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `/gb/22/1/10/n13495457.htm` → 2022-01-10; also `/2022/01/10/` paths. */
export function dateFromUrl(url: string | null): string | null {
  if (!url) return null;
  const epoch = /\/(?:gb|b5)\/(\d{1,2})\/(\d{1,2})\/(\d{1,2})\//.exec(url);
  if (epoch) return isoDate(2000 + Number(epoch[1]), Number(epoch[2]), Number(epoch[3]));
  const generic = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})\//.exec(url);
  if (generic) return isoDate(Number(generic[1]), Number(generic[2]), Number(generic[3]));
  return null;
}

/**
 * Days a dateline may lie from its link's date: the dateline is the newsroom's local date, often
 * a day after the link's (US) date. Further apart, the dateline is an update or a typo
 * (`2022年02月23日` on an article filed under 22/1/23), and the link's date is the one the
 * article was filed under.
 */
const DATELINE_DRIFT_DAYS = 3;

/** The article's date: the dateline's, unless it lies more than a few days from the link's. */
export function articleDate(dateline: string | null, linkDate: string | null): string | null {
  if (!dateline || !linkDate) return dateline ?? linkDate;
  const days = Math.abs(Date.parse(dateline) - Date.parse(linkDate)) / 86_400_000;
  return days <= DATELINE_DRIFT_DAYS ? dateline : linkDate;
}

/** The article number of an Epoch Times link (`n13495457`), or null. */
export function idFromUrl(url: string | null): string | null {
  if (!url) return null;
  const match = /\/(n\d+)\.html?(?:[?#]|$)/.exec(url);
  return match?.[1] ?? null;
}

function validUrl(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const trimmed = candidate.trim().replace(/&amp;/g, "&");
  try {
    const url = new URL(trimmed);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return ArticleSchema.shape.url.safeParse(trimmed).success ? trimmed : null;
  } catch {
    return null;
  }
}

const SOURCE_LINK =
  /原文(?:链接|鏈接|連結|网址|網址)[^:：\n<]{0,12}[:：]\s*(?:<a\s[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>\s*)?(https?:\/\/[^\s<>"'）)]+)?/;

function sourceUrl(raw: string): string | null {
  const at = raw.lastIndexOf("原文");
  if (at < 0) return null;
  for (let from = at; from >= 0; from = raw.lastIndexOf("原文", from - 1)) {
    const match = SOURCE_LINK.exec(raw.slice(from, from + 600));
    if (match) {
      const url = validUrl(match[1]) ?? validUrl(match[2]);
      if (url) return url;
    }
    if (from === 0) break;
  }
  return null;
}

/** Verbs closing a byline: 综合报导, 编译, 采访报导, 撰文 ... */
const BYLINE_VERBS = new RegExp(`(?:${alternation("parse-byline-verbs")})+$`);
const BYLINE_HINT = new RegExp(`${alternation("parse-byline-hints")}|^[^，,。]{0,12}[讯訊电電]$`);
const ORGANISATION = new RegExp(`${alternation("parse-byline-organisations")}|[讯訊电電]$`);
const ROLE_PREFIX = new RegExp(`^.*(?:${alternation("parse-byline-roles")})`);
const OUTLET_PREFIX =
  /^(?:英文|香港|台湾|台灣|美国|美國|加拿大|澳洲)?(?:大纪元|大紀元|新唐人|希望之声|希望之聲)(?:专题部|專題部|专题组|專題組|专题|專題)?/;
const COUNTRY = new RegExp(alternation("parse-byline-countries"));
/** A town named like one: `…州`, `…县`, `…市`, `…镇` (马库斯胡克镇). */
const PLACE_LIKE = /^[\u4e00-\u9fff]{1,5}[州县縣市镇鎮]$/;

/** Is the text one or more known places in a row (`宾州海里斯堡`, `华盛顿DC`)? */
function isPlaces(text: string): boolean {
  for (let end = text.length; end > 0; end--) {
    if (isPlaceName(text.slice(0, end)) && (end === text.length || isPlaces(text.slice(end))))
      return true;
  }
  return false;
}

/**
 * `李晓苏宾州` → 李晓苏: cuts at a country, else at the first suffix made of known places,
 * leaving at least 2 characters; the list of places is open, so an unknown town stays.
 */
function withoutPlace(name: string): string {
  const country = name.search(COUNTRY);
  if (country >= 2) return name.slice(0, country);
  for (let i = 2; i < name.length; i++) if (isPlaces(name.slice(i))) return name.slice(0, i);
  // An unknown place named like one: keep a 3-character name if there is room, else 2.
  const cut = name.length >= 6 ? 3 : 2;
  return PLACE_LIKE.test(name.slice(cut)) ? name.slice(0, cut) : name;
}

const HAN_START = /^[\u4e00-\u9fff]{2}/;

/** Is this parenthetical (right after the dateline) a byline? */
function isByline(inner: string): boolean {
  return inner.length <= 80 && BYLINE_HINT.test(inner);
}

/**
 * The reporters named in a byline: `大纪元记者李馨编译报导` → [李馨],
 * `大纪元记者吴旻洲、李怡欣台湾台北报导` → [吴旻洲, 李怡欣],
 * `英文大纪元记者Eva Fu报导／陈霆编译` → [Eva Fu] (translators are not reporters).
 * Stations and news desks (`大纪元香港记者站`) name no reporter.
 */
export function bylineReporters(inner: string): string[] {
  const first = (inner.split(/[／/，,；;]/)[0] ?? "").trim();
  const reporters: string[] = [];
  for (let segment of first
    .replace(BYLINE_VERBS, "")
    .split(/、|(?<=[A-Za-z.])\s*(?:和|与|與|及|and)\s*(?=[A-Z])/)) {
    segment = segment.trim();
    if (!segment || ORGANISATION.test(segment)) continue;
    const withoutRole = segment.replace(ROLE_PREFIX, "");
    if (withoutRole !== segment) segment = withoutRole.trim();
    else {
      const withoutOutlet = segment.replace(OUTLET_PREFIX, "").trim();
      // `大纪元记叶依帆`: a byline with 者 missing.
      segment =
        withoutOutlet !== segment && /^记[\u4e00-\u9fff]{2}/.test(withoutOutlet)
          ? withoutOutlet.slice(1)
          : withoutOutlet;
    }
    segment = segment.replace(BYLINE_VERBS, "").trim();
    if (HAN_START.test(segment) && segment.length >= 4) segment = withoutPlace(segment);
    // A Latin name followed by a place: `Joseph M. Hanneman美国`.
    else if (/^[A-Za-z]/.test(segment)) segment = segment.replace(/[\u4e00-\u9fff].*$/, "").trim();
    if (segment.length >= 2 && !ORGANISATION.test(segment) && !reporters.includes(segment)) {
      reporters.push(segment);
    }
  }
  return reporters;
}

/** The editor line: short, at the end of its paragraph (a sentence that mentions one is not it). */
const EDITOR =
  /^[（(]?\s*(?:责任编辑|責任編輯)\s*[:：；;]?\s*([^）)]{0,30}?)\s*[#＃]*\s*[）)]?\s*[#＃]*$/;
const EDITOR_INLINE = /[（(]?\s*(?:责任编辑|責任編輯)\s*[:：；;]/;

/** `叶紫微#` → 叶紫微, `林燕/叶紫微` → 林燕、叶紫微; stray marks after a Chinese name go. */
function editorName(raw: string): string | null {
  const text = raw.replace(/^(?:责任编辑|責任編輯)\s*[:：]\s*/, "").trim();
  const han =
    /^[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,4}(?:\s*[、/／,，]\s*[\u4e00-\u9fff][\u4e00-\u9fff·‧]{1,4})*/.exec(
      text,
    );
  const name = han
    ? han[0].replace(/\s*[/／,，]\s*/g, "、").replace(/[·‧]+(?=、|$)/g, "")
    : text.replace(/[\s#＃◇◆。.]+$/, "");
  return name || null;
}

/** Paragraphs that are link prompts or separators, dropped wherever they are. */
const NAV_LINE =
  /点击这里|點擊這裡|点此$|點此$|点阅|點閱|点击观看|點擊觀看|点击下载|點擊下載|扫码|掃碼|(?:相关|相關)(?:链接|鏈接|新闻|新聞|文章|阅读|閱讀)[:：]?$/;
const END_MARKS = new Set([0x23, 0xff03, 0x25c7, 0x25c6]);
const END_MARK = /(?<![A-Za-z0-9+])\s*[#＃◇◆]+$/;
const HAS_CONTENT = /[\p{L}\p{N}]/u;
/** A photo credit standing as a paragraph under an image: （微博截图） （大纪元资料图片） */
const IMAGE_CREDIT =
  /^[（(][^（）()]{0,24}(?:截图|截圖|图片|圖片|照片|摄影|攝影|供图|供圖|资料图|資料圖)[）)]$/;

/** Trailing credits and notices, dropped from the end of the body only (never mid-article). */
const TRAILER_PATTERNS: RegExp[] = [
  // Source lines and end marks: （中央社） （转自美国之音） （完） （未完待续）
  /^[（(【[][^（）()【】]{0,40}(?:转|轉|来源|來源|社|之音|电台|電台|新闻网|新聞網|报|報|网|網|完|待续|待續|摘编|摘編|节选|節選)[^（）()【】]{0,20}[）)】\]]$/,
  // ——转载自《新纪元》, 文章来源：…, 资料来源：明慧网
  /^[—－\-–\s]*(?:转载自|轉載自|转自|轉自|来源|來源|文章来源|文章來源|资料来源|資料來源|原文出处|原文出處|本文转自|本文轉自)/,
  // 本文仅代表作者本人的观点…; 本文所表达的是作者的观点…; （本视频只代表作者的观点和陈述）
  /^[（(]?(?:本文|文章|以上|本视频|本視頻)?(?:内容|內容|所表达的是|所表達的是)?(?:仅|只|僅)?(?:代表)?作者(?:本人|个人|個人)?的?(?:观点|觀點|意见|意見)/,
  // 《新闻看点》制作组, 【探索时分】节目组制作, 财商经济研究所, ——大纪元首发
  /^.{0,20}(?:制作组|製作組|编辑部|編輯部|节目组|節目組|研究所|工作室|节目组制作|節目組製作)$|^[—－\-\s]*(?:大纪元首发|大紀元首發)$/,
  // Credits: 撰文：… 编辑：… 监制：… 主播：… 制图：… 配音：…
  /^.{0,4}(?:撰文|编辑|編輯|剪辑|剪輯|监制|監製|策划|策劃|后制|後製|顾问|顧問|主播|制图|製圖|绘图|繪圖|配音|摄像|攝像|文字整理|财商经济研究所策划)[:：]/,
  // （英文大纪元记者X对本文有贡献。） 大纪元记者骆亚对本报导有所贡献。 案例资料源自明慧网
  /(?:对|對|为|為)(?:本|此)(?:文|报导|報導|报道|報道)(?:有所|有|做出|作出)(?:贡献|貢獻)|^(?:案例)?(?:资料|資料)(?:来|來|源)自/,
  // A lead-in or heading left dangling at the end: 优乐客会员新年优惠方案： ▼相关影片
  /[:：]$|^[▼▲►]?\s*(?:相关|相關)(?:影片|视频|視頻|新闻|新聞|链接|鏈接|文章|阅读|閱讀|报导|報導)$/,
  // A host's goodbye: 今天就先说到这里…我们不见不散。
  /(?:今天|今日)就(?:先)?(?:说|說|聊|讲|講)到这里|(?:今天|今日)就(?:先)?(?:说|說|聊|讲|講)到這裡|不见不散|不見不散|我们明天见|我們明天見|下次(?:节目)?再见|下次(?:節目)?再見/,
  // A bare timestamp: 2022-01-10 12:30
  /^[\d\s:：/.\-年月日时時分]+$/,
  // A short lead-in and a bare link: 观看完整影片及文稿请至：https://… 大纪元脸书直播：facebook.com/…
  /^[^。！？!?，,]{0,24}(?:\s*(?:https?:\/\/|www\.|facebook\.com|t\.me\/)\S+)+$/,
  // Promotion and appeals: 2022年费通票大优惠… 【支持】为真相护航… 关注我们facebook主页… 请点这里
  /^.{0,40}(?:优惠|優惠).{0,40}$|(?:欢迎|歡迎)(?:订阅|訂閱)|(?:谢谢|謝謝|感谢|感謝)[^。]{0,10}(?:收看|观看|觀看|收听|收聽)|^【支持】|(?:关注|關注)我们|請點這裡|请点这里|请点击|請點擊|爆料(?:邮箱|信箱|郵箱)|电报群|電報群|Telegram/,
];
const MAX_TRAILER_LENGTH = 120;
/** A video programme's sign-off asking for likes, subscriptions or members (longer lines too). */
const SIGN_OFF =
  /点赞|點讚|點贊|订阅我们|訂閱我們|官方公告群|会员网站|會員網站|完整.{0,4}(?:观看|觀看)|(?:观看|觀看)完整/;

function isTrailer(text: string): boolean {
  if (text.length <= 300 && SIGN_OFF.test(text)) return true;
  return (
    text.length <= MAX_TRAILER_LENGTH && TRAILER_PATTERNS.some((pattern) => pattern.test(text))
  );
}

interface BodyFields {
  paragraphs: string[];
  date: string | null;
  reporter: string | null;
  editor: string | null;
}

/** Dateline and byline off the first paragraph; editor line, nav lines and trailers out. */
function refineBody(blocks: Block[]): BodyFields {
  const texts: { text: string; heading: boolean }[] = [];
  for (const block of blocks) {
    for (const text of cleanBlock(block.text, block.heading))
      texts.push({ text, heading: block.heading });
  }
  let date: string | null = null;
  let reporter: string | null = null;
  let editor: string | null = null;

  // The dateline opens one of the first few paragraphs: 【大纪元2022年01月11日讯】（大纪元记者李馨编译报导）
  let bylineAt = 0;
  for (let i = 0; i < Math.min(texts.length, 4); i++) {
    const entry = texts[i];
    const match = entry ? DATELINE.exec(entry.text) : null;
    if (!entry || !match) continue;
    const number = (value: string | undefined) => Number((value ?? "").replace(/\s/g, ""));
    date = isoDate(number(match[2]), number(match[3]), number(match[4]));
    entry.text = entry.text.slice(match[0].length).trimStart();
    bylineAt = i;
    break;
  }
  // The byline follows the dateline, or opens the body when there is no dateline.
  const bylineEntry = texts[bylineAt];
  const byline = bylineEntry ? /^[（(]([^（）()]{1,80})[）)]/.exec(bylineEntry.text) : null;
  if (bylineEntry && byline?.[1] && isByline(byline[1])) {
    const names = bylineReporters(byline[1]);
    if (names.length > 0) reporter = names.join("、");
    bylineEntry.text = bylineEntry.text.slice(byline[0].length).trimStart();
  }

  const kept: string[] = [];
  for (const entry of texts) {
    let text = entry.text;
    const editorAt =
      text.includes("编辑") || text.includes("編輯") ? text.search(EDITOR_INLINE) : -1;
    if (editorAt >= 0) {
      const line = EDITOR.exec(text.slice(editorAt));
      if (line) {
        const name = editorName(line[1] ?? "");
        if (name && !editor) editor = name;
        text = text.slice(0, editorAt).trim();
      }
    }
    // The end mark of Epoch Times articles: `…社会动荡。#` (also ＃ and ◇), never `C#`.
    if (END_MARKS.has(text.charCodeAt(text.length - 1))) text = text.replace(END_MARK, "").trim();
    if (!text || !HAS_CONTENT.test(text)) continue;
    if (text.length <= 40 && (NAV_LINE.test(text) || IMAGE_CREDIT.test(text))) continue;
    if (text.length <= 120 && SIGN_OFF.test(text)) continue;
    kept.push(text);
  }
  // Trailers go from the end, but the first paragraph always stays.
  while (kept.length > 1 && isTrailer(kept[kept.length - 1] ?? "")) kept.pop();
  const last = kept.length - 1;
  if (last >= 0) {
    const trimmed = (kept[last] ?? "").replace(/\s*[（(]完[）)]$/, "").trim();
    if (trimmed) kept[last] = trimmed;
    else kept.pop();
  }
  return { paragraphs: kept, date, reporter, editor };
}

// ---------------------------------------------------------------------------------------------
// Markdown wrapper and plain text

const MARKDOWN_TITLE = /^[ \t]*#{1,3}(?!#)[ \t]*(\S[^\n]*?)[ \t#]*$/m;
const HTML_TAG =
  /<(?:p|div|br|h[1-6]|article|section|body|html|span|table|ul|ol|li|blockquote|ok|a|strong|b|em|img|figure)[\s>/]/i;

/** Text of the root-level text nodes before the first element: the markdown wrapper's head. */
function leadingText(root: DomNode): string {
  const parts: string[] = [];
  for (const child of root.children ?? []) {
    if (child.type === "text") parts.push(child.data ?? "");
    else if (child.type === "tag") break;
  }
  return parts.join("");
}

function isMarkdownNoise(line: string): boolean {
  return (
    /^#{1,6}\s/.test(line) ||
    /^[-=*_\s]{3,}$/.test(line) ||
    /^\[[^\]]*\]\([^)]*\)(?:\s*(?:&nbsp;|\|)\s*)*/.test(line.replace(/^#+\s*/, "")) ||
    /^原文(?:链接|鏈接)/.test(line)
  );
}

/** A plain-text or markdown article: blank-line separated paragraphs, or one per line. */
function plainBlocks(text: string): { title: string | null; blocks: Block[] } {
  const titleMatch = MARKDOWN_TITLE.exec(text);
  let title = titleMatch?.[1] ? cleanText(titleMatch[1], true) : null;
  const body = text.replace(/\r\n?/g, "\n");
  const chunks = /\n[ \t\u3000]*\n/.test(body) ? body.split(/\n[ \t\u3000]*\n/) : body.split("\n");
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split("\n").filter((line) => line.trim() && !isMarkdownNoise(line.trim()));
    if (lines.length === 0) continue;
    // Without a markdown heading, the first line is the title.
    if (!title) title = cleanText(lines.shift() ?? "", true) || null;
    if (lines.length > 0) blocks.push({ text: lines.join("\n"), heading: false });
  }
  return { title, blocks };
}

// ---------------------------------------------------------------------------------------------
// The parser

function fileStem(file: string): string {
  const name = basename(file.replace(/\\/g, "/"));
  const dot = name.lastIndexOf(".");
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem || "article";
}

/**
 * Parses one page. `file` is the path relative to the loaded folder (it becomes `article.file`,
 * and its name the id when the page has no source link). `notes`, when given, receives remarks
 * about a page that parsed but is damaged (truncated HTML).
 * Throws `ArticleParseError` when the page holds no article.
 */
export function parseArticle(html: string, file: string, notes?: string[]): Article {
  if (!html.trim()) throw new ArticleParseError("empty file");
  if (html.includes("\u0000")) throw new ArticleParseError("binary file (contains NUL bytes)");

  const truncated = looksTruncated(html);
  let title: string | null = null;
  let blocks: Block[] = [];
  let caption: string | null = null;
  const captions: string[] = [];
  const tags: string[] = [];
  let url = sourceUrl(html);
  let pageDate: string | null = null;
  let byline: string | null = null;

  const isPage = HTML_TAG.test(html);
  if (isPage) {
    const $ = load(html);
    const root = $.root()[0] as unknown as DomNode;
    const head = MARKDOWN_TITLE.exec(leadingText(root));
    if (head?.[1]) title = cleanText(head[1], true);

    const scan: PageScan = { containers: [], tags };
    scanPage(root, scan);
    const { node: container, known } = findContainer(root, scan);
    collectBlocks(container, known || container !== root, blocks);

    const captionNode = scan.caption ?? scan.figcaption;
    if (captionNode) caption = cleanText(textOf(captionNode).replaceAll(BREAK, " ")) || null;
    collectCaptions(container, captions);
    title ||=
      (scan.imageAlt && cleanText(scan.imageAlt, true)) ||
      (scan.titleElement && cleanText(textOf(scan.titleElement), true)) ||
      (scan.heading && cleanText(textOf(scan.heading).replaceAll(BREAK, " "), true)) ||
      null;
    url ??= validUrl(scan.canonical);
    // Column layout: the authors stand under the headline (`<div class="subtitle">何众力、仰岳</div>`).
    const authors = scan.subtitle ? cleanText(textOf(scan.subtitle)) : "";
    if (/^[\u4e00-\u9fff‧·]{2,5}(?:、[\u4e00-\u9fff‧·]{2,5})*$/.test(authors)) byline = authors;
    const time = scan.time;
    const timeMatch = time ? /^(\d{4})-(\d{2})-(\d{2})/.exec(time) : null;
    if (timeMatch)
      pageDate = isoDate(Number(timeMatch[1]), Number(timeMatch[2]), Number(timeMatch[3]));
  } else {
    const plain = plainBlocks(html);
    title = plain.title;
    blocks = plain.blocks;
  }

  const body = refineBody(blocks);
  if (body.paragraphs.length === 0) {
    throw new ArticleParseError(
      truncated ? "truncated HTML with no article body" : "no article body",
    );
  }
  if (!isPage && !url && !body.date) {
    // A README or notes file: plain text is taken for an article only with a news article's marks.
    throw new ArticleParseError(
      "not an article: plain text with no article page, dateline or source link",
    );
  }
  if (!title) throw new ArticleParseError("no title");
  if (truncated)
    notes?.push(`truncated HTML: parsed the ${body.paragraphs.length} paragraphs present`);

  const script =
    url && /\/b5\//.test(url)
      ? "b5"
      : url && /\/gb\//.test(url)
        ? "gb"
        : detectScript(`${title}${body.paragraphs.slice(0, 5).join("")}`);
  const article = {
    id: idFromUrl(url) ?? fileStem(file),
    title,
    date: articleDate(body.date, dateFromUrl(url)) ?? pageDate,
    reporter: body.reporter ?? byline,
    editor: body.editor,
    tags,
    caption,
    captions: bodyCaptions(captions, caption),
    paragraphs: body.paragraphs,
    url,
    script,
    file,
  };
  const englishNames = englishNamePairs(article);
  const parsed = ArticleSchema.safeParse(
    englishNames.length > 0 ? { ...article, englishNames } : article,
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArticleParseError(`invalid article (${issue?.path.join(".")}: ${issue?.message})`);
  }
  return parsed.data;
}

/** In-body captions worth keeping: not a bare photo credit, not the lead caption again, once each. */
function bodyCaptions(found: string[], lead: string | null): string[] | undefined {
  const kept: string[] = [];
  for (const text of found) {
    if (!HAS_CONTENT.test(text) || (text.length <= 40 && IMAGE_CREDIT.test(text))) continue;
    if (text !== lead && !kept.includes(text)) kept.push(text);
  }
  return kept.length > 0 ? kept : undefined;
}

/**
 * A page cut short: it ends inside a tag, or it opens more `<p>`/`<div>` elements than it
 * closes (every file of the archive balances them exactly).
 */
export function looksTruncated(html: string): boolean {
  const lastOpen = html.lastIndexOf("<");
  if (lastOpen > html.lastIndexOf(">")) return true;
  let p = 0;
  let div = 0;
  BLOCK_TAG.lastIndex = 0;
  for (let match = BLOCK_TAG.exec(html); match; match = BLOCK_TAG.exec(html)) {
    const step = match[1] ? -1 : 1;
    if ((match[2] as string).length === 1) p += step;
    else div += step;
  }
  return p > 0 || div > 0;
}

const BLOCK_TAG = /<(\/?)(p|div)[\s>]/gi;

import { ByteWriter, VarintReader } from "../bytes.js";
import { collectGarbage } from "../collect.js";
import { foldConcat, unitsToString } from "../text/fold.js";
import type { Article, EnglishNamePair } from "./article.js";
import { SECTION_FRAME_END } from "./cache.js";
import { articleEnglishNames } from "./english-names.js";

/**
 * The articles section of the persisted index, and the articles loaded from it with their text
 * held once.
 *
 * Search keeps every article's folded text in memory (search/indexed-article.ts: title, tags,
 * caption, paragraphs and image captions joined). Folding maps one UTF-16 unit to one, and changes
 * few of them (full-width punctuation, capitals, name dots, traditional characters), so the
 * original text is the folded text and a patch: the position and original unit of every unit
 * folding changed. A stored article's paragraphs and image captions are decoded from the two when
 * read (the last `RECENT_TEXTS` kept); its other fields are plain values.
 *
 * The section, one buffer:
 * - a JSON header line: the article count and the byte length of each part;
 * - the articles' other fields, a JSON array of one array per article (`metadataRow`: the fields
 *   by position, then the English name pairs flat; UTF-16LE: mostly Chinese, decoded by copying);
 * - the layout, unsigned varints per article: folded length, patch bytes, paragraph count and
 *   lengths, image caption count and lengths;
 * - the patches, per changed unit: the gap from the previous one (varint) and the original unit
 *   (two bytes, little-endian);
 * - the folded texts, one after the other, UTF-16LE.
 */

/** What the joined text of an article is made of, in order (see `joinedPieces`). */
const FIELD_SEPARATOR = "\u0000";
const TAG_SEPARATOR = "\u0001";
const LINE_SEPARATOR = "\n";

/**
 * The pieces of an article's joined text: `title \0 tags \0 caption \0 body \0 figures`, tags
 * joined by \u0001, paragraphs and the image captions by \n. Search folds the same pieces.
 */
export function joinedPieces(article: Article): string[] {
  const pieces = [article.title, FIELD_SEPARATOR];
  article.tags.forEach((tag, i) => {
    if (i > 0) pieces.push(TAG_SEPARATOR);
    pieces.push(tag);
  });
  pieces.push(FIELD_SEPARATOR, article.caption ?? "", FIELD_SEPARATOR);
  article.paragraphs.forEach((paragraph, i) => {
    if (i > 0) pieces.push(LINE_SEPARATOR);
    pieces.push(paragraph);
  });
  pieces.push(FIELD_SEPARATOR);
  (article.captions ?? []).forEach((caption, i) => {
    if (i > 0) pieces.push(LINE_SEPARATOR);
    pieces.push(caption);
  });
  return pieces;
}

/** Where the body starts in the joined text: after title, tags and caption and their separators. */
function bodyStartOf(article: Pick<Article, "title" | "tags" | "caption">): number {
  const tagsLength =
    article.tags.reduce((sum, tag) => sum + tag.length, 0) + Math.max(0, article.tags.length - 1);
  return article.title.length + 1 + tagsLength + 1 + (article.caption ?? "").length + 1;
}

/** An article of the section: its folded joined text, and the article read back. */
export interface StoredEntry {
  article: Article;
  /** The folded joined text (see `joinedPieces`). */
  folded: string;
  /** Length of the body in the joined text (paragraphs and the \n between them). */
  bodyLength: number;
}

/** What `StoredArticles` keeps of each article to write it again without decoding it. */
interface StoredText {
  store: StoredArticles;
  index: number;
}

/** Which store each stored article came from, so a save copies its patch and layout. */
const storedTexts = new WeakMap<Article, StoredText>();

/** Articles whose paragraphs and image captions are decoded, most recently read last. */
const RECENT_TEXTS = 64;

interface DecodedText {
  paragraphs: string[];
  captions: string[] | undefined;
}

/** The section's header line. */
interface SectionHeader {
  articles: number;
  /** Bytes of the metadata, layout, patch and folded-text parts. */
  parts: [number, number, number, number];
}

/** The patch that turns the folded joined text back into the original. */
function patchOf(original: readonly string[], folded: string, out: ByteWriter): void {
  let at = 0;
  let previous = -1;
  for (const piece of original) {
    for (let i = 0; i < piece.length; i++, at++) {
      const code = piece.charCodeAt(i);
      if (folded.charCodeAt(at) === code) continue;
      out.varint(at - previous - 1);
      out.unit(code);
      previous = at;
    }
  }
}

/** An article's fields but the paragraphs and image captions. */
type Metadata = Omit<Article, "paragraphs" | "captions">;

/**
 * An article's metadata as written: `[id, title, date, reporter, editor, tags, caption, url,
 * script, file]`, then `chinese, english, person (1 or 0)` per English name pair. Arrays parse
 * faster than objects, and without their keys the part is a third smaller.
 */
type MetadataRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  string[],
  string | null,
  string | null,
  Article["script"],
  string,
  ...Array<string | number>,
];
const ROW_FIELDS = 10;

/**
 * The article's metadata row: all but the paragraphs and image captions, and the English name
 * pairs it writes (those a stored article recorded, else read now).
 */
function metadataRow(article: Article): MetadataRow {
  const englishNames = storedTexts.has(article)
    ? article.englishNames
    : articleEnglishNames(article);
  const row: MetadataRow = [
    article.id,
    article.title,
    article.date,
    article.reporter,
    article.editor,
    article.tags,
    article.caption,
    article.url,
    article.script,
    article.file,
  ];
  for (const pair of englishNames ?? []) row.push(pair.chinese, pair.english, pair.person ? 1 : 0);
  return row;
}

/** The metadata of a row (see `metadataRow`), its fields in the order the parser gives them. */
function metadataOfRow(row: MetadataRow): Metadata {
  const metadata: Metadata = {
    id: row[0],
    title: row[1],
    date: row[2],
    reporter: row[3],
    editor: row[4],
    tags: row[5],
    caption: row[6],
    url: row[7],
    script: row[8],
    file: row[9],
  };
  if (row.length > ROW_FIELDS) {
    const pairs: EnglishNamePair[] = [];
    for (let i = ROW_FIELDS; i < row.length; i += 3)
      pairs.push({
        chinese: row[i] as string,
        english: row[i + 1] as string,
        person: row[i + 2] === 1,
      });
    metadata.englishNames = pairs;
  }
  return metadata;
}

/**
 * The article section's parts for these articles and their folded joined texts, in frames (see
 * `SECTION_FRAME_END`): the header, metadata, layout and patches, then each run of folded texts
 * that `StoredArticles` reads into one string.
 */
export function* articleSectionPieces(
  items: Iterable<{ article: Article; folded: string }>,
): Generator<Uint8Array | typeof SECTION_FRAME_END> {
  const metadata: string[] = [];
  const layout = new ByteWriter();
  const patches = new ByteWriter();
  const foldedTexts: string[] = [];
  for (const { article, folded } of items) {
    metadata.push(JSON.stringify(metadataRow(article)));
    foldedTexts.push(folded);
    const stored = storedTexts.get(article);
    if (stored) {
      stored.store.copyText(stored.index, layout, patches);
      continue;
    }
    const before = patches.length;
    patchOf(joinedPieces(article), folded, patches);
    layout.varint(folded.length);
    layout.varint(patches.length - before);
    layout.varint(article.paragraphs.length);
    for (const paragraph of article.paragraphs) layout.varint(paragraph.length);
    const captions = article.captions ?? [];
    layout.varint(captions.length);
    for (const caption of captions) layout.varint(caption.length);
  }
  const metadataBytes = Buffer.from(`[${metadata.join(",")}]`, "utf16le");
  const foldedBytes = foldedTexts.reduce((sum, text) => sum + text.length * 2, 0);
  const header: SectionHeader = {
    articles: metadata.length,
    parts: [metadataBytes.length, layout.length, patches.length, foldedBytes],
  };
  yield Buffer.from(`${JSON.stringify(header)}\n`);
  yield metadataBytes;
  yield layout.result();
  yield patches.result();
  const runs = foldedRuns(foldedTexts.map((text) => text.length));
  for (let i = 0; i < foldedTexts.length; i++) {
    if (i === 0 || runs[i] !== runs[i - 1]) yield SECTION_FRAME_END;
    yield Buffer.from(foldedTexts[i] as string, "utf16le");
  }
}

/** Articles turned into stored ones at a time by `storeArticles`. */
const STORE_BATCH = 512;
/** `storeArticles` collects the garbage after this many batches. */
const COLLECT_EVERY_BATCHES = 16;

/**
 * Turns parsed articles into stored ones (their text held once, as a warm start holds it), a
 * batch at a time, replacing each in `articles` as it goes so that the parsed copy can be
 * collected: a cold start then indexes and serves what a warm start would, without every
 * article's text resident twice (parsed and folded) at its peak. `beforeStore` sees each parsed
 * article before it is let go.
 */
export function storeArticles(
  articles: Article[],
  beforeStore?: (article: Article, index: number) => void,
): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (let start = 0; start < articles.length; start += STORE_BATCH) {
    const end = Math.min(articles.length, start + STORE_BATCH);
    const items: Array<{ article: Article; folded: string }> = [];
    for (let i = start; i < end; i++) {
      const article = articles[i] as Article;
      beforeStore?.(article, i);
      items.push({ article, folded: foldConcat(joinedPieces(article)) });
    }
    // The whole section in memory: its frame marks (where a saved one is deflated apart) dropped.
    const pieces = [...articleSectionPieces(items)].filter(
      (piece): piece is Uint8Array => piece !== SECTION_FRAME_END,
    );
    const store = new StoredArticles(Buffer.concat(pieces));
    for (let i = start; i < end; i++) {
      const entry = store.entries[i - start] as StoredEntry;
      articles[i] = entry.article;
      entries.push(entry);
    }
    // The parsed articles just replaced are garbage: collected every few thousand articles, since
    // V8 would let the heap grow by half (the flags of `npm start`) before it collects on its own.
    if (end % (STORE_BATCH * COLLECT_EVERY_BATCHES) === 0) {
      collectGarbage();
    }
  }
  return entries;
}

/** Folded texts are read into strings of at most this many units, each a run of articles. */
const FOLDED_STRING_UNITS = 1 << 25;

/**
 * Which run of folded texts each article's is in: runs of whole articles, each as long as it can
 * be within `FOLDED_STRING_UNITS` (an article longer than that is a run alone). A run is a frame
 * of the section as written and a string as read.
 */
function foldedRuns(lengths: ArrayLike<number>): Uint32Array {
  const runs = new Uint32Array(lengths.length);
  let run = 0;
  let units = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i] as number;
    if (i > 0 && units + length > FOLDED_STRING_UNITS) {
      run++;
      units = 0;
    }
    units += length;
    runs[i] = run;
  }
  return runs;
}

/**
 * The articles of a section. Throws when the section is not well formed (the caller rebuilds);
 * the section's checksum has been verified by then, so this only guards against a format bug.
 */
export class StoredArticles {
  /** Per article: where its layout starts in `layout`. */
  private readonly layoutStarts: Uint32Array;
  /** Per article: where its patch starts and ends in `patches`. */
  private readonly patchStarts: Uint32Array;
  /** Per article: where its body starts in the joined text. */
  private readonly bodyStarts: Uint32Array;
  /** Per article: its folded joined text. */
  private readonly folded: string[];
  private readonly layout: Uint8Array;
  private readonly patches: Uint8Array;
  private readonly recent = new Map<number, DecodedText>();
  /** Until every folded text is read: per article its folded length, body length and article. */
  private foldedLengths: Uint32Array;
  private bodyLengths: Uint32Array;
  private articles: Article[];
  /** How many articles' folded texts are read. */
  private foldedRead = 0;
  readonly entries: StoredEntry[];

  /**
   * The articles of a whole section, or with `framed` of the section's first frame (header,
   * metadata, layout and patches: `fromFrames` reads the folded texts that follow).
   */
  constructor(section: Buffer, framed = false) {
    const newline = section.indexOf(0x0a);
    if (newline < 0) throw corrupt("no header");
    const header = JSON.parse(section.toString("utf8", 0, newline)) as SectionHeader;
    const count = header.articles;
    const [metadataBytes, layoutBytes, patchBytes, foldedBytes] = header.parts;
    let at = newline + 1;
    if (
      at + metadataBytes + layoutBytes + patchBytes + (framed ? 0 : foldedBytes) !==
      section.length
    )
      throw corrupt("part lengths");
    const metadataText = section.toString("utf16le", at, at + metadataBytes);
    at += metadataBytes;
    // Copies: the section's buffer is let go once read.
    this.layout = Uint8Array.prototype.slice.call(section, at, at + layoutBytes);
    at += layoutBytes;
    this.patches = Uint8Array.prototype.slice.call(section, at, at + patchBytes);
    at += patchBytes;
    const foldedStart = at;
    this.layoutStarts = new Uint32Array(count);
    this.patchStarts = new Uint32Array(count + 1);
    this.bodyStarts = new Uint32Array(count);
    this.folded = new Array<string>(count);
    this.entries = new Array<StoredEntry>(count);
    this.articles = new Array<Article>(count);
    const layout = new VarintReader(this.layout, 0);
    const foldedLengths = new Uint32Array(count);
    const bodyLengths = new Uint32Array(count);
    const captionCounts = new Uint8Array(count);
    let foldedUnits = 0;
    for (let i = 0; i < count; i++) {
      this.layoutStarts[i] = layout.at;
      foldedLengths[i] = layout.next();
      foldedUnits += foldedLengths[i] as number;
      this.patchStarts[i + 1] = (this.patchStarts[i] as number) + layout.next();
      const paragraphs = layout.next();
      let body = Math.max(0, paragraphs - 1);
      for (let p = 0; p < paragraphs; p++) body += layout.next();
      bodyLengths[i] = body;
      const captions = layout.next();
      captionCounts[i] = Math.min(captions, 1);
      for (let c = 0; c < captions; c++) layout.next();
    }
    if (
      layout.at !== layoutBytes ||
      this.patchStarts[count] !== patchBytes ||
      foldedUnits * 2 !== foldedBytes
    )
      throw corrupt("layout");
    this.foldedLengths = foldedLengths;
    this.bodyLengths = bodyLengths;
    const rows = JSON.parse(metadataText) as MetadataRow[];
    if (!Array.isArray(rows) || rows.length !== count) throw corrupt("metadata");
    for (let i = 0; i < count; i++) {
      const row = rows[i] as MetadataRow;
      if (
        !Array.isArray(row) ||
        row.length < ROW_FIELDS ||
        (row.length - ROW_FIELDS) % 3 !== 0 ||
        typeof row[0] !== "string" ||
        !Array.isArray(row[5])
      )
        throw corrupt("metadata");
      const metadata = metadataOfRow(row);
      const article = this.articleOf(metadata, i, captionCounts[i] === 1);
      storedTexts.set(article, { store: this, index: i });
      const bodyStart = bodyStartOf(metadata);
      this.bodyStarts[i] = bodyStart;
      if (bodyStart + (bodyLengths[i] as number) + 1 > (foldedLengths[i] as number))
        throw corrupt("layout");
      this.articles[i] = article;
    }
    if (framed) return;
    this.readFolded(section.subarray(foldedStart));
    this.finish();
  }

  /**
   * The articles of a section read as frames (`readCacheFrames`): the first one's articles are
   * decoded while the folded texts that follow still inflate, and each run of folded texts
   * becomes a string as it comes, its frame let go.
   */
  static async fromFrames(frames: ReadonlyArray<Promise<Buffer>>): Promise<StoredArticles> {
    const [first, ...runs] = frames;
    if (!first) throw corrupt("no frames");
    if (runs.length === 0) return new StoredArticles(await first);
    const store = new StoredArticles(await first, true);
    for (const run of runs) store.readFolded(await run);
    store.finish();
    return store;
  }

  /** Reads the folded texts of whole runs of articles, from the first not yet read. */
  private readFolded(bytes: Buffer): void {
    const count = this.folded.length;
    const lengths = this.foldedLengths;
    let at = 0;
    while (at < bytes.length) {
      const runStart = this.foldedRead;
      let runEnd = runStart;
      let units = 0;
      while (
        runEnd < count &&
        (runEnd === runStart || units + (lengths[runEnd] as number) <= FOLDED_STRING_UNITS)
      )
        units += lengths[runEnd++] as number;
      if (runEnd === runStart || at + units * 2 > bytes.length) throw corrupt("folded texts");
      // One string per run of articles, each article's a slice of it (no copy).
      const run = bytes.toString("utf16le", at, at + units * 2);
      let offset = 0;
      for (let i = runStart; i < runEnd; i++) {
        const length = lengths[i] as number;
        this.folded[i] = run.slice(offset, offset + length);
        offset += length;
      }
      at += units * 2;
      this.foldedRead = runEnd;
    }
  }

  /** The entries, once every folded text is read. */
  private finish(): void {
    const count = this.folded.length;
    if (this.foldedRead !== count) throw corrupt("folded texts");
    for (let i = 0; i < count; i++) {
      this.entries[i] = {
        article: this.articles[i] as Article,
        folded: this.folded[i] as string,
        bodyLength: this.bodyLengths[i] as number,
      };
    }
    this.articles = [];
    this.foldedLengths = new Uint32Array(0);
    this.bodyLengths = new Uint32Array(0);
  }

  /** The article with plain fields and its paragraphs and image captions read when asked for. */
  private articleOf(metadata: Metadata, index: number, hasCaptions: boolean): Article {
    const texts = this;
    if (hasCaptions) {
      return {
        ...metadata,
        get captions() {
          return texts.decoded(index).captions;
        },
        get paragraphs() {
          return texts.decoded(index).paragraphs;
        },
      };
    }
    return {
      ...metadata,
      get paragraphs() {
        return texts.decoded(index).paragraphs;
      },
    };
  }

  /** The original paragraphs and image captions of an article: the folded text, patched. */
  private decoded(index: number): DecodedText {
    const recent = this.recent.get(index);
    if (recent) {
      this.recent.delete(index);
      this.recent.set(index, recent);
      return recent;
    }
    const folded = this.folded[index] as string;
    const bodyStart = this.bodyStarts[index] as number;
    const units = new Uint16Array(folded.length - bodyStart);
    let hasSurrogate = false;
    for (let i = 0; i < units.length; i++) {
      const code = folded.charCodeAt(bodyStart + i);
      units[i] = code;
      if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
    }
    const patches = new VarintReader(this.patches, this.patchStarts[index] as number);
    const end = this.patchStarts[index + 1] as number;
    let position = -1;
    while (patches.at < end) {
      position += patches.next() + 1;
      const code =
        (this.patches[patches.at] as number) | ((this.patches[patches.at + 1] as number) << 8);
      patches.at += 2;
      if (position >= bodyStart) units[position - bodyStart] = code;
      if (code >= 0xd800 && code <= 0xdfff) hasSurrogate = true;
    }
    const text = unitsToString(units, hasSurrogate);
    const layout = new VarintReader(this.layout, this.layoutStarts[index] as number);
    layout.next();
    layout.next();
    const pieces = (count: number, from: number) => {
      const out: string[] = [];
      let at = from;
      for (let i = 0; i < count; i++) {
        const length = layout.next();
        out.push(text.slice(at, at + length));
        at += length + 1;
      }
      return { out, at };
    };
    const body = pieces(layout.next(), 0);
    const captionCount = layout.next();
    const decoded: DecodedText = {
      paragraphs: body.out,
      captions: captionCount > 0 ? pieces(captionCount, body.at).out : undefined,
    };
    this.recent.set(index, decoded);
    if (this.recent.size > RECENT_TEXTS) {
      const oldest = this.recent.keys().next().value as number;
      this.recent.delete(oldest);
    }
    return decoded;
  }

  /** Writes an article's layout and patch as they are, for a save. */
  copyText(index: number, layout: ByteWriter, patches: ByteWriter): void {
    const reader = new VarintReader(this.layout, this.layoutStarts[index] as number);
    reader.next();
    reader.next();
    const paragraphs = reader.next();
    for (let p = 0; p < paragraphs; p++) reader.next();
    const captions = reader.next();
    for (let c = 0; c < captions; c++) reader.next();
    layout.append(this.layout.subarray(this.layoutStarts[index], reader.at));
    patches.append(this.patches.subarray(this.patchStarts[index], this.patchStarts[index + 1]));
  }
}

function corrupt(why: string): Error {
  return new Error(`articles section: corrupt data (${why})`);
}

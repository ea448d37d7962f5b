import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Word lists kept as data under `lexicon/` at the project root, one file per list:
 *
 * - one entry a line; the entry is the first field, further whitespace-separated fields are the
 *   entry's values (a gender, a canonical form, …) as the list's header says;
 * - `# text` on a line of its own states the phenomenon the entries below it serve (until the
 *   next such line); `entry  # text` states it for one entry; every entry has one;
 * - `#! disjoint-with: other-list another-list` in a header: no entry may also be in those lists
 *   (a place is never a person's title, a title never a place).
 *
 * Lists are read once, on first use, and cached.
 */

export interface LexiconEntry {
  readonly term: string;
  readonly fields: readonly string[];
  /** The phenomenon the entry serves. */
  readonly note: string;
  readonly line: number;
}

export interface Lexicon {
  readonly name: string;
  readonly entries: readonly LexiconEntry[];
  readonly disjointWith: readonly string[];
  /** Entries written twice in the file (kept once in `entries`). */
  readonly duplicates: readonly LexiconEntry[];
  /** Entries with no phenomenon note. */
  readonly unexplained: readonly LexiconEntry[];
}

function findLexiconDir(): string {
  // src/text/lexicon.ts under tsx, dist/src/text/lexicon.js once built: walk up to the folder
  // that holds lexicon/.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "lexicon");
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not here; go up
    }
    dir = dirname(dir);
  }
  throw new Error("lexicon/ folder not found above src/text");
}

let lexiconDir: string | undefined;
export function lexiconFolder(): string {
  lexiconDir ??= findLexiconDir();
  return lexiconDir;
}

export function parseLexicon(name: string, text: string): Lexicon {
  const entries: LexiconEntry[] = [];
  const duplicates: LexiconEntry[] = [];
  const unexplained: LexiconEntry[] = [];
  const disjointWith: string[] = [];
  const seen = new Set<string>();
  let note = "";
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] ?? "").trim();
    if (raw === "") continue;
    if (raw.startsWith("#!")) {
      const directive = /^#!\s*disjoint-with:\s*(.+)$/.exec(raw);
      if (directive?.[1]) disjointWith.push(...directive[1].trim().split(/\s+/));
      continue;
    }
    if (raw.startsWith("#")) {
      note = raw.replace(/^#+\s*/, "");
      continue;
    }
    const hash = raw.indexOf(" #");
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    const ownNote = hash >= 0 ? raw.slice(hash + 2).trim() : "";
    const [term, ...fields] = body.split(/\s+/);
    if (!term) continue;
    const entry: LexiconEntry = { term, fields, note: ownNote || note, line: index + 1 };
    if (!entry.note) unexplained.push(entry);
    if (seen.has(term)) {
      duplicates.push(entry);
      continue;
    }
    seen.add(term);
    entries.push(entry);
  }
  return { name, entries, disjointWith, duplicates, unexplained };
}

const cache = new Map<string, Lexicon>();

/** The list `lexicon/<name>.txt`. */
export function lexicon(name: string): Lexicon {
  let list = cache.get(name);
  if (!list) {
    const text = readFileSync(join(lexiconFolder(), `${name}.txt`), "utf8");
    list = parseLexicon(name, text);
    cache.set(name, list);
  }
  return list;
}

/** The entries of a list, in file order. */
export function wordList(name: string): readonly string[] {
  return lexicon(name).entries.map((entry) => entry.term);
}

const sets = new Map<string, ReadonlySet<string>>();
/** The entries of a list as a set. */
export function wordSet(name: string): ReadonlySet<string> {
  let set = sets.get(name);
  if (!set) {
    set = new Set(wordList(name));
    sets.set(name, set);
  }
  return set;
}

/** Every list in lexicon/, by name. */
export function allLexicons(): Lexicon[] {
  return readdirSync(lexiconFolder())
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => lexicon(file.slice(0, -4)));
}

/**
 * The entries of a list as a regular-expression alternation (`a|b|c`, special characters
 * escaped, file order kept), for code that keeps a pattern's structure and reads its words here.
 */
export function alternation(name: string): string {
  return wordList(name)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { lexiconFolder } from "../text/lexicon.js";

/**
 * Word associations learned from the archive (data/word-associations.txt, written by
 * scripts/learn-associations.ts): for a frequent word, the words the archive uses in the same
 * contexts, with their cosine similarity. /ask uses them as soft matches (丧命 ~ 死亡).
 * Loaded once, on first use; an absent file means no associations.
 */

export interface Association {
  word: string;
  similarity: number;
}

/** Per word, its neighbours as the file writes them (`word:.62 …`), read on lookup. */
let table: Map<string, string> | undefined;

export function associationsFile(): string {
  return join(dirname(lexiconFolder()), "data", "word-associations.txt");
}

function load(): Map<string, string> {
  if (table) return table;
  table = new Map();
  const file = associationsFile();
  if (!existsSync(file)) return table;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const space = line.indexOf(" ");
    const word = space < 0 ? line : line.slice(0, space);
    if (!word) continue;
    table.set(word, space < 0 ? "" : line.slice(space + 1));
  }
  return table;
}

/** The learned neighbours of a (folded) word at or above a similarity, most similar first. */
export function associatedWords(word: string, minSimilarity = 0): Association[] {
  const neighbours = load().get(word);
  if (!neighbours) return [];
  return neighbours
    .split(" ")
    .map((pair) => {
      const colon = pair.lastIndexOf(":");
      return { word: pair.slice(0, colon), similarity: Number(pair.slice(colon + 1)) };
    })
    .filter((entry) => entry.similarity >= minSimilarity);
}

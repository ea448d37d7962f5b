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

let table: Map<string, Association[]> | undefined;

export function associationsFile(): string {
  return join(dirname(lexiconFolder()), "data", "word-associations.txt");
}

function load(): Map<string, Association[]> {
  if (table) return table;
  table = new Map();
  const file = associationsFile();
  if (!existsSync(file)) return table;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [word, ...rest] = line.split(" ");
    if (!word) continue;
    table.set(
      word,
      rest.map((pair) => {
        const colon = pair.lastIndexOf(":");
        return { word: pair.slice(0, colon), similarity: Number(pair.slice(colon + 1)) };
      }),
    );
  }
  return table;
}

/** The learned neighbours of a (folded) word at or above a similarity, most similar first. */
export function associatedWords(word: string, minSimilarity = 0): Association[] {
  return (load().get(word) ?? []).filter((entry) => entry.similarity >= minSimilarity);
}

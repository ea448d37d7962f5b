import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { isHan } from "./chars.js";
import { foldText } from "./fold.js";
import { wordSet } from "./lexicon.js";

/** Word segmentation (jieba) and the content words of a text. */

let jieba: Jieba | undefined;

export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words of a text as jieba cuts it (HMM on, so unknown names tend to stay whole). */
export function segmentWords(text: string): string[] {
  return segmenter().cut(text, true);
}

/** Function words and punctuation-like tokens (lexicon/stop-words.txt), for similarity and questions. */
export function stopWords(): ReadonlySet<string> {
  return wordSet("stop-words");
}

/** Content words of a text: folded, segmented, without stop words and single non-Han characters. */
export function contentWords(text: string): string[] {
  const stop = stopWords();
  const words: string[] = [];
  for (const word of segmentWords(foldText(text))) {
    const trimmed = word.trim();
    if (!trimmed || stop.has(trimmed)) continue;
    if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
    if (trimmed.length === 1 && !isHan(trimmed)) continue;
    words.push(trimmed);
  }
  return words;
}

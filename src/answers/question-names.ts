import { SURNAMES } from "../text/names.js";
import { isHanCode, segmenter } from "../text/text.js";
import type { ParsedQuestion, QuestionTerm } from "./question.js";

/**
 * Names in a question, repaired against the candidate articles. jieba does not know most names
 * of the news (谷爱凌, 王靖渝, 张明): it cuts them apart (王靖 渝), glues a neighbouring verb to
 * them (川普谈 谷爱凌 → 谈谷 爱凌, 秦怡演) or leaves them as unknown words. A name the archive's
 * people directory knows, or that the candidate articles write, is kept whole, and an unknown
 * word the candidates write is an anchor: the article that answers must hold it.
 */

/** Whether a word is a name the archive knows (its people directory). */
export type KnownName = (word: string) => boolean;

const HAN_WORD = /^[\u4e00-\u9fff]+$/;

/**
 * The question's terms with split names joined, glued characters dropped and unknown words the
 * candidates write marked as anchors.
 */
export function repairNames(
  parsed: ParsedQuestion,
  texts: string[],
  knownName?: KnownName,
): QuestionTerm[] {
  const written = (word: string) => texts.some((text) => text.includes(word));
  const terms = parsed.terms.map((term) => unglued(term, written));
  joinSplitNames(parsed, terms, written, knownName);
  resplitAcrossNames(parsed, terms, texts, knownName);
  for (const term of terms) {
    if (term.anchor || term.latin || !HAN_WORD.test(term.word)) continue;
    if (term.word.length < 2 || term.word.length > 4) continue;
    // A known name, or a word jieba does not know (its x: 张明, 秦怡, 众泰) without a verb or
    // particle glued to an end (not 年涨, 发了, 高管).
    const unknownName = term.tag === "x" && !gluedEnd(term.word) && !NOT_NAME_START.test(term.word);
    if ((unknownName || knownName?.(term.word)) && written(term.word)) term.anchor = "name";
  }
  return terms;
}

/**
 * Words jieba cut apart that the articles write as one (王靖 渝 → 王靖渝, 蔡 英文 → 蔡英文): two
 * neighbouring question words that start with a surname or that jieba takes for a name, one of
 * them a single character or a name, joined when the joined form occurs in an article.
 */
function joinSplitNames(
  parsed: ParsedQuestion,
  terms: QuestionTerm[],
  written: (word: string) => boolean,
  knownName?: KnownName,
): void {
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i] as QuestionTerm;
    const b = terms[i + 1] as QuestionTerm;
    if (a.latin || b.latin) continue;
    const joined = a.word + b.word;
    if (joined.length > 5 || !parsed.text.includes(joined)) continue;
    const known = knownName?.(joined) ?? false;
    const short = a.word.length === 1 || b.word.length === 1;
    const named = a.tag?.startsWith("nr") || b.tag?.startsWith("nr") || a.anchor === "person";
    if (!known && !short && !named) continue;
    if (!known && !named && !SURNAMES.has(joined.charAt(0))) continue;
    if (!written(joined)) continue;
    terms.splice(i, 2, { word: joined, synonyms: [], weight: 1.3, anchor: "person", tag: "nr" });
  }
}

/**
 * A name cut across two words (谈谷 爱凌 → 谈 谷爱凌, 主张 彩玲 → 主 张彩玲): the end of one word
 * and the whole next one make a name of two to four characters that the people directory knows
 * or that starts with a surname and the candidates write, while the first word as jieba cut it
 * is written nowhere or the second is written only inside the name. The rest of the first word
 * stays a word when it is two characters or more.
 */
function resplitAcrossNames(
  parsed: ParsedQuestion,
  terms: QuestionTerm[],
  texts: string[],
  knownName?: KnownName,
): void {
  const written = (word: string) => texts.some((text) => text.includes(word));
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i] as QuestionTerm;
    const b = terms[i + 1] as QuestionTerm;
    if (a.latin || b.latin || !HAN_WORD.test(a.word) || !HAN_WORD.test(b.word)) continue;
    if (a.word.length < 2 || !parsed.text.includes(a.word + b.word)) continue;
    // 这周 跌, 今年 涨: a verb or particle of one character is no given name (not 周跌, 年涨).
    if (b.word.length === 1 && GLUE_TAGS.test(b.tag ?? "")) continue;
    for (let cut = 1; cut < a.word.length; cut++) {
      const name = a.word.slice(cut) + b.word;
      if (name.length < 2 || name.length > 4) continue;
      const known = knownName?.(name) ?? false;
      if (!known && !SURNAMES.has(name.charAt(0))) continue;
      if (!written(name)) continue;
      // 主张 is a word, but when the articles write 彩玲 only inside 张彩玲, the name wins.
      if (!known && written(a.word) && !onlyInside(b.word, name, texts)) continue;
      const rest = a.word.slice(0, cut);
      const replacement: QuestionTerm[] = [];
      if (rest.length >= 2) replacement.push({ word: rest, synonyms: [], weight: 1 });
      replacement.push({ word: name, synonyms: [], weight: 1.3, anchor: "person", tag: "nr" });
      terms.splice(i, 2, ...replacement);
      break;
    }
  }
}

/** Whether every occurrence of a word in the texts is inside the longer name that ends with it. */
function onlyInside(word: string, name: string, texts: string[]): boolean {
  const count = (text: string, part: string) => text.split(part).length - 1;
  return texts.every((text) => count(text, word) === count(text, name));
}

/** Parts of speech of a character jieba may glue to a name: a verb, preposition, particle. */
const GLUE_TAGS = /^(v|p|c|d|u|t)/;

/**
 * Unknown words of a question that are a colloquial phrase, not a name: a superlative or a rank
 * (最多能, 排第几), a threshold passed (破千, 破万).
 */
const NOT_NAME_START = /^[最排第破]/;

function gluedEnd(word: string): boolean {
  const tagOf = (char: string) => segmenter().tag(char, true)[0]?.tag ?? "";
  return GLUE_TAGS.test(tagOf(word.slice(-1))) || /^(p|c|u)/.test(tagOf(word.charAt(0)));
}

/**
 * Words jieba glued to a verb or preposition (秦怡演, 川普说, 替中共): a word the articles never
 * write loses that character when the rest is written.
 */
function unglued(term: QuestionTerm, written: (word: string) => boolean): QuestionTerm {
  const { word } = term;
  if (term.latin || word.length < 3 || !isHanCode(word.charCodeAt(0))) return term;
  // A word whose synonym the articles write (头一回 → 首次) is a word, not a glued name.
  if (written(word) || term.synonyms.some((synonym) => synonym.length >= 2 && written(synonym)))
    return term;
  for (const [rest, char] of [
    [word.slice(0, -1), word.slice(-1)],
    [word.slice(1), word.slice(0, 1)],
  ] as const) {
    const tag = segmenter().tag(char, true)[0]?.tag ?? "";
    if (!GLUE_TAGS.test(tag) || !written(rest)) continue;
    const { anchor: _anchor, ...plain } = term;
    return { ...plain, word: rest, synonyms: [] };
  }
  return term;
}

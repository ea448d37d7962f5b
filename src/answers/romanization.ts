import { lexicon } from "../text/lexicon.js";

/**
 * Chinese names and places spelled otherwise than in Hanyu pinyin, read into pinyin or Han
 * surnames for English /ask questions: Wade–Giles and Taiwan's usage (Kung Ming-hsin, Kaohsiung,
 * Tsai Ing-wen) by lexicon/ask-romanization.txt, Hong Kong's Cantonese surnames (Wong, Chan,
 * Cheung) by lexicon/ask-cantonese-surnames.txt. `isSyllable` tells a pinyin syllable the
 * dictionary uses (src/answers/english.ts passes its own).
 */

const INITIALS = new Map<string, string[]>();
const FINALS = new Map<string, string[]>();
const WHOLE = new Map<string, string[]>();
for (const entry of lexicon("ask-romanization").entries) {
  const fields = [...entry.fields];
  if (entry.term.endsWith("-")) INITIALS.set(entry.term.slice(0, -1), fields);
  else if (entry.term.startsWith("-")) FINALS.set(entry.term.slice(1), fields);
  else WHOLE.set(entry.term, fields);
}
/** Longest first, so that hs is tried before a shorter initial (and iung before ung). */
const INITIAL_KEYS = [...INITIALS.keys()].sort((a, b) => b.length - a.length);
const FINAL_KEYS = [...FINALS.keys()].sort((a, b) => b.length - a.length);

/** A Cantonese surname's Han forms (wong → 黄, 王), from lexicon/ask-cantonese-surnames.txt. */
const CANTONESE_SURNAMES = new Map(
  lexicon("ask-cantonese-surnames").entries.map((entry) => [entry.term, [...entry.fields]]),
);

export type IsSyllable = (syllable: string) => boolean;

/**
 * The pinyin syllables a written syllable may stand for, its own reading first when it is pinyin
 * (chung → zhong, chong; kao → gao, kao; hsin → xin; jun → jun, run). Empty when none.
 */
export function romanizedSyllables(written: string, isSyllable: IsSyllable): string[] {
  const syllable = written.toLowerCase().replace(/['’]/g, "").replace(/ü/g, "u");
  const out: string[] = [];
  const add = (candidate: string): void => {
    if (isSyllable(candidate) && !out.includes(candidate)) out.push(candidate);
  };
  add(syllable);
  const whole = WHOLE.get(syllable);
  if (whole) {
    for (const reading of whole) add(reading);
    return out;
  }
  const initial = INITIAL_KEYS.find((key) => syllable.startsWith(key)) ?? "";
  const initials = initial ? (INITIALS.get(initial) as string[]) : [""];
  const rest = syllable.slice(initial.length);
  const final = FINAL_KEYS.find((key) => rest.endsWith(key));
  const body = final ? rest.slice(0, -final.length) : rest;
  const finals = final ? (FINALS.get(final) as string[]).map((f) => body + f) : [rest];
  for (const start of initials) for (const end of finals) add(start + end);
  return out;
}

/**
 * A Latin word read as romanized syllables (Kaohsiung → [gao, kao], [xiong]; Ming-hsin → [ming],
 * [xin]), each with its pinyin readings; the split with the fewest syllables. Hyphens and
 * apostrophes between syllables split it. Undefined when a part cannot be read.
 */
export function romanizedReading(word: string, isSyllable: IsSyllable): string[][] | undefined {
  const out: string[][] = [];
  for (const part of word.toLowerCase().split("-")) {
    if (!part) return undefined;
    const text = part.replace(/['’]/g, "");
    const best: (string[][] | undefined)[] = [[]];
    for (let end = 1; end <= text.length; end++) {
      for (let start = Math.max(0, end - 6); start < end; start++) {
        const before = best[start];
        if (!before) continue;
        const readings = romanizedSyllables(text.slice(start, end), isSyllable);
        if (readings.length === 0) continue;
        const current = best[end];
        if (!current || before.length + 1 < current.length) best[end] = [...before, readings];
      }
    }
    const read = best[text.length];
    if (!read) return undefined;
    out.push(...read);
  }
  return out;
}

/** The Han surnames a Cantonese spelling writes (Wong → 黄, 王), or none. */
export function cantoneseSurnames(word: string): readonly string[] {
  return CANTONESE_SURNAMES.get(word.toLowerCase()) ?? [];
}

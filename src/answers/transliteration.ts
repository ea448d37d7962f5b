import { wordList } from "../text/lexicon.js";

/**
 * Foreign names Chinese news writes in transliteration only (泽伦斯基 for Zelensky, 墨菲 for
 * Murphy, 雷德温 for Red Wing): an English name and a run of transliteration characters compared by
 * their consonants, each reduced to a class of sounds (Latin spelling by English rules, the Han
 * run by its pinyin initials and nasal finals). Precision first: a match must be close and the
 * closest of the article's runs.
 */

/** Characters Chinese writes foreign names with (lexicon/ask-transliteration-chars.txt). */
const TRANSLITERATION_CHARS = new Set(wordList("ask-transliteration-chars").join(""));

/** Whether a character is one foreign names are transliterated with. */
function isTransliterationChar(char: string): boolean {
  return TRANSLITERATION_CHARS.has(char);
}

/** The consonant classes of an English name: p t k f s j l m n h w (vowels and y dropped). */
export function englishKey(name: string): string {
  let word = name.toLowerCase().replace(/[^a-z]/g, "");
  word = word
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/sch/g, "sh")
    .replace(/qu/g, "kw")
    .replace(/x/g, "ks")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/(sh|ch|tch)/g, "j")
    .replace(/ng/g, "n")
    .replace(/th/g, "t")
    .replace(/wh/g, "w");
  let key = "";
  for (const letter of word) {
    const sound = ENGLISH_CLASSES[letter] ?? "";
    if (sound && !key.endsWith(sound)) key += sound;
    else if (!sound) key += "."; // a vowel between two like consonants keeps them apart
  }
  return key.replace(/\./g, "");
}

const ENGLISH_CLASSES: Record<string, string> = {
  b: "p",
  p: "p",
  d: "t",
  t: "t",
  g: "k",
  k: "k",
  c: "k",
  q: "k",
  f: "f",
  v: "f",
  s: "s",
  z: "s",
  j: "j",
  l: "l",
  r: "l",
  m: "m",
  n: "n",
  h: "h",
  w: "w",
};

const PINYIN_INITIALS: [string, string][] = [
  ["zh", "j"],
  ["ch", "j"],
  ["sh", "s"],
  ["b", "p"],
  ["p", "p"],
  ["d", "t"],
  ["t", "t"],
  ["g", "k"],
  ["k", "k"],
  ["f", "f"],
  ["h", "h"],
  ["j", "j"],
  ["q", "j"],
  ["x", "s"],
  ["z", "s"],
  ["c", "s"],
  ["s", "s"],
  ["l", "l"],
  ["r", "l"],
  ["m", "m"],
  ["n", "n"],
  ["w", "w"],
  ["y", ""],
];

/** The consonant classes of one pinyin syllable (lun → ln, wen → wn, ji → j, er → l). */
export function syllableKey(syllable: string): string {
  if (syllable === "er") return "l";
  let key = "";
  let rest = syllable;
  for (const [initial, sound] of PINYIN_INITIALS) {
    if (rest.startsWith(initial)) {
      key = sound;
      rest = rest.slice(initial.length);
      break;
    }
  }
  if (/^u/.test(rest) && key === "w") key = ""; // wu: a vowel
  if (/ng?$/.test(rest)) key += "n";
  return key;
}

/**
 * The distance between two consonant keys: edits, where a j (基, 杰, 切) for k or s, an h for k,
 * and an English l (r) or h the Han run drops (Murphy → 墨菲) cost half.
 */
export function keyDistance(english: string, han: string): number {
  const near = (a: string, b: string) =>
    a === b ? 0 : (a === "j" && (b === "k" || b === "s")) || (a === "k" && b === "h") ? 0.5 : 1;
  const dropped = (a: string) => (a === "l" || a === "h" ? 0.5 : 1);
  const rows = english.length;
  const cols = han.length;
  let previous = Array.from({ length: cols + 1 }, (_, j) => j);
  for (let i = 1; i <= rows; i++) {
    const e = english.charAt(i - 1);
    const current = [(previous[0] as number) + dropped(e)];
    for (let j = 1; j <= cols; j++) {
      const h = han.charAt(j - 1);
      current[j] = Math.min(
        (previous[j] as number) + dropped(e),
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + near(h, e),
      );
    }
    previous = current;
  }
  return previous[cols] as number;
}

/** The shortest key a name must have to be matched by sound (two consonants match too much). */
const MIN_KEY = 4;
/** The largest distance a match may have, per consonant of the English key. */
const MAX_DISTANCE_SHARE = 0.2;
/** How many runs may share the best distance: two spellings of one name (泽连斯基, 泽伦斯基). */
const MAX_TIES = 2;

/**
 * The transliteration runs of `texts` (2–6 characters) that sound like an English name, the
 * closest first, only where one distance is the best and close enough; `reading` gives a
 * character's pinyin syllables.
 */
export function transliteratedNames(
  name: string,
  texts: readonly string[],
  reading: (char: string) => readonly string[],
): string[] {
  const key = englishKey(name);
  if (key.length < MIN_KEY) return [];
  const runs = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/[\u4e00-\u9fff]+/g)) {
      const chars = [...match[0]];
      let start = -1;
      for (let i = 0; i <= chars.length; i++) {
        const inside = i < chars.length && isTransliterationChar(chars[i] as string);
        if (inside && start < 0) start = i;
        if (!inside && start >= 0) {
          const run = chars.slice(start, i).join("");
          if (run.length >= 2 && run.length <= 6) runs.set(run, (runs.get(run) ?? 0) + 1);
          start = -1;
        }
      }
    }
  }
  let best = Number.POSITIVE_INFINITY;
  let found: string[] = [];
  for (const run of runs.keys()) {
    const distance = Math.min(...hanKeys(run, reading).map((hanKey) => keyDistance(key, hanKey)));
    if (distance < best) {
      best = distance;
      found = [run];
    } else if (distance === best) found.push(run);
  }
  if (best > key.length * MAX_DISTANCE_SHARE || found.length > MAX_TIES) return [];
  return found;
}

/** The keys a Han run may read as (a character of several readings gives each; at most 8). */
function hanKeys(run: string, reading: (char: string) => readonly string[]): string[] {
  let keys = [""];
  for (const char of run) {
    const syllables = reading(char);
    if (syllables.length === 0) return [];
    const next = new Set<string>();
    for (const key of keys) for (const syllable of syllables) next.add(key + syllableKey(syllable));
    keys = [...next].slice(0, 8);
  }
  return keys;
}

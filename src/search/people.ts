import { alternation } from "../text/lexicon.js";
import { dottedNames, englishNamePairs } from "../text/names.js";
import { foldText, NAME_DOT } from "../text/text.js";

/**
 * The names an article's `people` field indexes, found by the one name detector (src/text/names.ts):
 * the surname of a dotted name (温迪‧谢尔曼 → 谢尔曼), a name and the English original written in
 * brackets after it with the other forms given there (谢尔曼（Wendy Sherman，又译舍曼）), plus the
 * names running text ties to another form outside brackets (又译舍曼, 中文名…), which the detector
 * leaves to its callers. Returns folded names.
 */
export function peopleNames(text: string): string[] {
  const folded = foldText(text);
  const names = new Set<string>();
  const addName = (name: string) => {
    const surname = name.slice(name.lastIndexOf(NAME_DOT) + 1);
    if (surname.length >= 2) names.add(surname);
  };
  for (const [start, end] of dottedNames(folded)) addName(folded.slice(start, end));
  for (const pair of englishNamePairs(text)) {
    addName(foldText(pair.chinese));
    names.add(foldText(pair.english));
    for (const variant of pair.variants) names.add(foldText(variant));
  }
  for (const match of folded.matchAll(ALIAS_TIE)) {
    const alias = match[1] as string;
    if (alias.length >= 2 && alias.length <= 10) names.add(alias);
  }
  return [...names];
}

/** 又译舍曼, 中文名“…”: the name after a word that ties it to another written form. */
const ALIAS_TIE = new RegExp(
  `(?:${alternation("search-alias-ties")})[作为是:：]?[“「]?([\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff][\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff·]{1,12})`,
  "g",
);

import type { EnglishNames } from "../articles/english-names.js";
import { UserError } from "../errors.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_TERMS, parseQuery, type QueryTerm } from "./analyzer.js";

/**
 * A search query as the index evaluates it: its terms (checked), and the Chinese names an English
 * query stands for in this archive (Biden for 拜登, `Vladimir Putin` for 普京).
 */

/** The terms of a query; throws a `UserError` for an empty, too long or unsearchable query. */
export function checkQuery(query: string): QueryTerm[] {
  if (typeof query !== "string" || query.trim() === "") throw new UserError("search.empty");
  if (query.length > MAX_QUERY_LENGTH) {
    throw new UserError("search.tooLong", { length: query.length, max: MAX_QUERY_LENGTH });
  }
  const terms = parseQuery(query);
  if (terms.length === 0) throw new UserError("search.noTerms");
  if (terms.length > MAX_QUERY_TERMS)
    throw new UserError("search.tooManyTerms", { max: MAX_QUERY_TERMS });
  return terms;
}

export function clampInteger(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/**
 * A query of English words that together name a person (`Vladimir Putin`): the Chinese names.
 * `englishNames` is asked for only when the query is English (the names are learnt on first use).
 */
export function chineseNamesOfQuery(
  englishNames: () => EnglishNames,
  terms: QueryTerm[],
): QueryTerm[] {
  if (terms.length < 2 || !terms.every((term) => /^[a-z][a-z.'-]*$/.test(term.text))) return [];
  const whole = terms.map((term) => term.text).join(" ");
  return englishNames()
    .chineseFor(whole, { people: true })
    .flatMap((name) => parseQuery(name).slice(0, 1));
}

/** The people's Chinese names an English query term stands for in this archive, as terms. */
export function chineseNames(englishNames: () => EnglishNames, term: QueryTerm): QueryTerm[] {
  if (!/^[a-z]/.test(term.text)) return [];
  return englishNames()
    .chineseFor(term.text, { people: true })
    .flatMap((name) => parseQuery(name).slice(0, 1))
    .filter((alternative) => alternative.text !== term.text);
}

import type { AnnotatedPerson } from "./match.js";

/** Every set of the quotes benchmark, in the order drawn (a new blind set is added here). */
export const QUOTE_SETS = [
  "dev",
  "test",
  "test2",
  "test3",
  "test4",
  "test5",
  "test6",
  "test7",
  "test8",
  "test9",
  "test10",
];

/** The shape of bench/quotes/dev.json, test.json and test2.json to test10.json (see PROTOCOL.md). */
export interface BenchQuote {
  articleId: string;
  speaker: string | null;
  kind: string;
  paragraph: number;
  text: string;
  tags: string[];
}

export interface BenchNegative {
  articleId: string;
  paragraph: number;
  text: string;
  why: string;
}

export interface BenchSet {
  set: string;
  articles: { id: string; path: string; set?: string }[];
  quotes: BenchQuote[];
  people: AnnotatedPerson[];
  negatives: BenchNegative[];
}

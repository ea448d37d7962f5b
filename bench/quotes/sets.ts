import type { AnnotatedPerson } from "./match.js";

/** The shape of bench/quotes/dev.json, test.json and test2.json to test9.json (see PROTOCOL.md). */
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

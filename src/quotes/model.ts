/** What quote extraction returns: the quotes of an article and the people who said them. */

export type QuoteKind = "direct" | "partial" | "reported" | "interview";

export interface Quote {
  /** Canonical name of the person. */
  speaker: string;
  /** Exact quoted text without the marks (paragraphs of a multi-paragraph quote joined by "\n"). */
  text: string;
  kind: QuoteKind;
  articleId: string;
  /** 1-based body paragraph where the quote starts. */
  paragraph: number;
  url: string | null;
}

export interface ArticlePerson {
  /** Canonical name: surname-only transliteration for foreign names, full name for Chinese ones. */
  name: string;
  /** Every other form seen in this article, original script (full names, English, 又译 aliases). */
  aliases: string[];
}

export interface ArticleQuotes {
  articleId: string;
  /** The article's date, for ordering quotes across articles (optional for older callers). */
  date?: string | null;
  /** The people quoted in this article. */
  people: ArticlePerson[];
  quotes: Quote[];
}

export interface ExtractOptions {
  /** Also return reported speech without quotation marks (kind "reported"). */
  reported?: boolean;
}

/** An interview is one line per article: its first answer stands for the article. */
export function interviewsPerArticle<Q extends { kind: string; articleId: string }>(
  quotes: Q[],
): Q[] {
  const seen = new Set<string>();
  return quotes.filter((quote) => {
    if (quote.kind !== "interview" || seen.has(quote.articleId)) return false;
    seen.add(quote.articleId);
    return true;
  });
}

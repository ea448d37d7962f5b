/**
 * The top-level quotation-mark spans of a paragraph (“” 「」 『』; marks nested inside a span stay
 * inside it), shared by the annotation helper (show.ts) and the data check (check.ts).
 */
export interface MarkSpan {
  /** Index of the opening mark. */
  open: number;
  /** Index of the closing mark, or the paragraph's length when the span never closes. */
  close: number;
  /** The text between the marks. */
  text: string;
  closed: boolean;
}

const PAIRS: Record<string, string> = { "“": "”", "「": "」", "『": "』" };

export function markSpans(paragraph: string): MarkSpan[] {
  const spans: MarkSpan[] = [];
  let i = 0;
  while (i < paragraph.length) {
    const opener = paragraph[i] as string;
    const closer = PAIRS[opener];
    if (!closer) {
      i++;
      continue;
    }
    let depth = 0;
    let j = i + 1;
    for (; j < paragraph.length; j++) {
      const c = paragraph[j];
      if (c === opener) depth++;
      else if (c === closer) {
        if (depth === 0) break;
        depth--;
      }
    }
    const closed = j < paragraph.length;
    spans.push({ open: i, close: j, text: paragraph.slice(i + 1, j), closed });
    i = j + 1;
  }
  return spans;
}

import { cleanText } from "./clean.js";
import type { Block } from "./dom.js";

/** Plain-text and markdown articles, and the markdown wrapper's title line. */

export const MARKDOWN_TITLE = /^[ \t]*#{1,3}(?!#)[ \t]*(\S[^\n]*?)[ \t#]*$/m;

function isMarkdownNoise(line: string): boolean {
  return (
    /^#{1,6}\s/.test(line) ||
    /^[-=*_\s]{3,}$/.test(line) ||
    /^\[[^\]]*\]\([^)]*\)(?:\s*(?:&nbsp;|\|)\s*)*/.test(line.replace(/^#+\s*/, "")) ||
    /^原文(?:链接|鏈接)/.test(line)
  );
}

/** A plain-text or markdown article: blank-line separated paragraphs, or one per line. */
export function plainBlocks(text: string): { title: string | null; blocks: Block[] } {
  const titleMatch = MARKDOWN_TITLE.exec(text);
  let title = titleMatch?.[1] ? cleanText(titleMatch[1], true) : null;
  const body = text.replace(/\r\n?/g, "\n");
  const chunks = /\n[ \t\u3000]*\n/.test(body) ? body.split(/\n[ \t\u3000]*\n/) : body.split("\n");
  const blocks: Block[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split("\n").filter((line) => line.trim() && !isMarkdownNoise(line.trim()));
    if (lines.length === 0) continue;
    // Without a markdown heading, the first line is the title.
    if (!title) title = cleanText(lines.shift() ?? "", true) || null;
    if (lines.length > 0) blocks.push({ text: lines.join("\n"), heading: false });
  }
  return { title, blocks };
}

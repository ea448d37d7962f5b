/**
 * Turns the annotator's working notes (bench/quotes/<set>.ann: quotation spans referred to by
 * paragraph and span number as show.ts prints them) into bench/quotes/<set>.json, copying each
 * quote's exact text out of the archive so no text is typed by hand. Format of a .ann file:
 *
 *   @ n13795179                          an article (its path comes from selection.json)
 *   P 拜登 = 乔·拜登, 拜登总统, Joe Biden  a person: canonical name = every other form used
 *   Q 3.1 拜登 direct colon-before        a quote: ¶3 span [1], speaker (- for none), kind, tags
 *   Q 6.2+7.1 拜登 direct                 a quote over two paragraphs (joined by "\n")
 *                                        (in a Q or I line, "_" in the speaker stands for a space,
 *                                        unless a P line of the article spells the name with "_")
 *   I 8 杨杰凯 interview                  an interview answer: ¶8 without its speaker label
 *   N 4.1 scare-quote                     a marked span that is not a quote, and why
 *   N 7 subheading                        ¶7 opens with a label that is no speaker (名字：短语)
 *
 *   npx tsx bench/quotes/compile.ts dev test
 */

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArticle } from "../../src/articles/parse.js";
import { archivePagesOrExit } from "../../test/corpus.js";
import { markSpans } from "./spans.js";

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = archivePagesOrExit("bench/quotes/compile.ts");
const KINDS = new Set(["direct", "partial", "interview"]);
/** A transcript label at the start of a paragraph: a name or role, then a colon. */
const LABEL = /^(?:“[^”]{1,14}”|[^，。：:“”「」（）()]{1,16})[：:]/;

interface Selected {
  id: string;
  path: string;
}
const selection = JSON.parse(readFileSync(join(here, "selection.json"), "utf8")) as Record<
  string,
  Selected[]
>;

function compile(set: string): void {
  const lines = readFileSync(join(here, `${set}.ann`), "utf8").split("\n");
  const paths = new Map((selection[set] ?? []).map((a) => [a.id, a.path]));
  const articles: { id: string; path: string; set: string }[] = [];
  const quotes: unknown[] = [];
  const people: unknown[] = [];
  const negatives: unknown[] = [];
  let id = "";
  let paragraphs: string[] = [];
  let names = new Set<string>();
  const spanText = (ref: string): { paragraph: number; text: string } => {
    const [p, s] = ref.split(".").map(Number) as [number, number];
    const span = markSpans(paragraphs[p - 1] ?? "")[s - 1];
    if (!span) throw new Error(`${id}: no span ${ref}`);
    return { paragraph: p, text: span.text };
  };
  for (const [n, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const where = `${set}.ann:${n + 1}`;
    const [head, ...rest] = line.split(/\s+/);
    if (head === "@") {
      id = rest[0] as string;
      const path = paths.get(id);
      if (!path) throw new Error(`${where}: ${id} is not in the ${set} selection`);
      const article = parseArticle(readFileSync(join(PAGES, path), "utf8"), path);
      if (article.id !== id) throw new Error(`${where}: ${path} holds ${article.id}`);
      paragraphs = article.paragraphs;
      names = new Set();
      articles.push({ id, path, set });
    } else if (head === "P") {
      const [name, aliasList] = line
        .slice(2)
        .split("=")
        .map((x) => x.trim()) as [string, string?];
      const aliases = (aliasList ?? "")
        .split(/[,，]/)
        .map((a) => a.trim())
        .filter(Boolean);
      names.add(name);
      people.push({ articleId: id, name, aliases });
    } else if (head === "Q" || head === "I") {
      const [ref, speakerRaw, kindRaw, ...tags] = rest as [string, string, string, ...string[]];
      // "_" stands for a space unless the P line has the name with "_" (a handle like lao_shan).
      const speaker =
        speakerRaw === "-"
          ? null
          : names.has(speakerRaw)
            ? speakerRaw
            : speakerRaw.replaceAll("_", " ");
      if (speaker !== null && !names.has(speaker))
        throw new Error(`${where}: speaker ${speaker} has no P line`);
      const kind = head === "I" ? "interview" : kindRaw;
      if (!KINDS.has(kind)) throw new Error(`${where}: kind ${kind}`);
      let paragraph: number;
      let text: string;
      if (head === "I") {
        paragraph = Number(ref);
        const whole = paragraphs[paragraph - 1];
        if (!whole) throw new Error(`${where}: no paragraph ${ref}`);
        text = whole.replace(LABEL, "");
        if (kindRaw !== "interview") tags.unshift(kindRaw);
      } else {
        const parts = ref.split("+").map(spanText);
        paragraph = (parts[0] as { paragraph: number }).paragraph;
        text = parts.map((part) => part.text).join("\n");
        if (parts.length > 1 && !tags.includes("multi-paragraph")) tags.push("multi-paragraph");
      }
      if (kind === "partial" && !tags.includes("partial")) tags.push("partial");
      if (kind === "interview" && !tags.includes("interview")) tags.push("interview");
      quotes.push({ articleId: id, speaker, kind, paragraph, text, tags });
    } else if (head === "N") {
      const [ref, why] = rest as [string, string];
      if (ref.includes(".")) {
        const parts = ref.split("+").map(spanText);
        const paragraph = (parts[0] as { paragraph: number }).paragraph;
        negatives.push({
          articleId: id,
          paragraph,
          text: parts.map((x) => x.text).join("\n"),
          why,
        });
      } else {
        // A labelled paragraph that is not a transcript turn (a subheading 名字：短语): the
        // words after the label, which must not be credited to the name.
        const paragraph = Number(ref);
        const whole = paragraphs[paragraph - 1];
        if (!whole || !LABEL.test(whole)) throw new Error(`${where}: no label in ¶${ref}`);
        negatives.push({ articleId: id, paragraph, text: whole.replace(LABEL, ""), why });
      }
    } else throw new Error(`${where}: cannot read ${line}`);
  }
  const about =
    `Quotes benchmark, ${set} set: hand-annotated quotations of real archive articles (2020–2022, ` +
    "never January 2022), following bench/quotes/PROTOCOL.md. Paths are relative to the archive's " +
    "pages/ folder; only quoted spans are stored, never article text.";
  const out = { about, set, articles, quotes, people, negatives };
  writeFileSync(join(here, `${set}.json`), `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `${set}: ${articles.length} articles, ${quotes.length} quotes, ${negatives.length} negatives`,
  );
}

for (const set of process.argv.slice(2)) compile(set);

import { cleanText } from "./clean.js";
import { type DomNode, isSkipped, textOf } from "./dom.js";

/**
 * What a page holds besides its body text, found in one walk: the article's container, tag
 * links, title elements, the canonical link and the publication time; and whether it was cut short.
 */

/** What one walk over the page finds besides the body. */
export interface PageScan {
  /** The first element matching each of `CONTAINERS`, best first. */
  containers: (DomNode | undefined)[];
  tags: string[];
  caption?: DomNode;
  figcaption?: DomNode;
  imageAlt?: string;
  titleElement?: DomNode;
  heading?: DomNode;
  canonical?: string;
  time?: string;
  subtitle?: DomNode;
}

/** Article containers of the layouts we know, best first (by id, itemprop, class or tag). */
const CONTAINERS: { id?: string; itemprop?: string; classes?: string[]; tag?: string }[] = [
  { id: "artbody" },
  { itemprop: "articleBody" },
  { classes: ["StandardArticleBody_body"] },
  { classes: ["wsw"] },
  { classes: ["post_content", "entry-content"] },
  { tag: "article" },
];

const TAG_LINK = /\/tag\//;
const TAG_NAME = /\/tag\/([^/?#]+?)(?:\.html?)?(?:[?#]|$)/;

function tagText(node: DomNode, href: string): string {
  const text = cleanText(textOf(node), true);
  if (text) return text;
  try {
    return decodeURIComponent(TAG_NAME.exec(href)?.[1] ?? "");
  } catch {
    return "";
  }
}

export function scanPage(node: DomNode, scan: PageScan): void {
  for (const child of node.children ?? []) {
    if (child.type !== "tag") continue;
    const name = child.name ?? "";
    const attribs = child.attribs ?? {};
    const cls = attribs.class;
    const classes = cls ? cls.split(/\s+/) : undefined;
    for (let i = 0; i < CONTAINERS.length; i++) {
      const want = CONTAINERS[i];
      if (!want || scan.containers[i]) continue;
      if (
        (want.id !== undefined && attribs.id === want.id) ||
        (want.itemprop !== undefined && attribs.itemprop === want.itemprop) ||
        (want.tag !== undefined && name === want.tag) ||
        (want.classes !== undefined && classes?.some((c) => want.classes?.includes(c)))
      ) {
        scan.containers[i] = child;
      }
    }
    const href = attribs.href;
    if (href && (name === "ok" || name === "a") && TAG_LINK.test(href)) {
      const tag = tagText(child, href);
      if (tag && !scan.tags.includes(tag)) scan.tags.push(tag);
    } else if (classes?.includes("caption")) scan.caption ??= child;
    else if (classes?.includes("subtitle")) scan.subtitle ??= child;
    else if (name === "figcaption") scan.figcaption ??= child;
    else if (name === "img") {
      if (!scan.imageAlt && attribs.alt?.trim()) scan.imageAlt = attribs.alt;
    } else if (name === "title") scan.titleElement ??= child;
    else if (name === "h1" || name === "h2" || name === "h3") scan.heading ??= child;
    else if (name === "link" && attribs.rel === "canonical") scan.canonical ??= attribs.href;
    else if (name === "meta") {
      if (attribs.property === "og:url") scan.canonical ??= attribs.content;
      else if (attribs.property === "article:published_time") scan.time ??= attribs.content;
    } else if (name === "time" && attribs.datetime) scan.time ??= attribs.datetime;
    scanPage(child, scan);
  }
}

/**
 * The element holding the article: a known container, else the element with the most paragraph
 * text among its direct `<p>` children (the document root for pages that are bare `<p>` lists).
 */
export function findContainer(root: DomNode, scan: PageScan): { node: DomNode; known: boolean } {
  for (const hit of scan.containers) if (hit) return { node: hit, known: true };
  let best = root;
  let bestScore = 0;
  const visit = (node: DomNode) => {
    let score = 0;
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "p") score += textOf(child).length;
      else if (!isSkipped(child)) visit(child);
    }
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  };
  visit(root);
  return { node: best, known: false };
}

/** Text of the root-level text nodes before the first element: the markdown wrapper's head. */
export function leadingText(root: DomNode): string {
  const parts: string[] = [];
  for (const child of root.children ?? []) {
    if (child.type === "text") parts.push(child.data ?? "");
    else if (child.type === "tag") break;
  }
  return parts.join("");
}

/**
 * A page cut short: it ends inside a tag, or it opens more `<p>`/`<div>` elements than it
 * closes (every file of the archive balances them exactly).
 */
export function looksTruncated(html: string): boolean {
  const lastOpen = html.lastIndexOf("<");
  if (lastOpen > html.lastIndexOf(">")) return true;
  let p = 0;
  let div = 0;
  BLOCK_TAG.lastIndex = 0;
  for (let match = BLOCK_TAG.exec(html); match; match = BLOCK_TAG.exec(html)) {
    const step = match[1] ? -1 : 1;
    if ((match[2] as string).length === 1) p += step;
    else div += step;
  }
  return p > 0 || div > 0;
}

const BLOCK_TAG = /<(\/?)(p|div)[\s>]/gi;

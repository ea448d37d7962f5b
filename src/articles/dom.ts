import { BREAK } from "./clean.js";

/**
 * The body's blocks from the page's DOM, in one walk (htmlparser2 nodes, typed structurally so no
 * parser package is imported).
 */

export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

const SKIP_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "video",
  "audio",
  "source",
  "track",
  "object",
  "embed",
  "canvas",
  "svg",
  "math",
  "img",
  "picture",
  "figure",
  "figcaption",
  "form",
  "input",
  "button",
  "select",
  "textarea",
  "nav",
  "aside",
  "header",
  "footer",
  "head",
  "title",
  "meta",
  "link",
]);

/** Blocks whose text is one paragraph (or several, split at `<br>`), unless they nest blocks. */
export const BLOCK_TAGS = new Set([
  "p",
  "li",
  "dd",
  "dt",
  "pre",
  "blockquote",
  "td",
  "th",
  "address",
]);
const HEADING_TAGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/**
 * Block-level elements: in the body they hold paragraphs; inside a paragraph they mark a break.
 * Anything else (`<a>`, `<strong>`, `<span>`, unknown tags such as `<ok>`) flows inline.
 */
const STRUCTURE_TAGS = new Set([
  "div",
  "section",
  "article",
  "main",
  "body",
  "html",
  "center",
  "ul",
  "ol",
  "dl",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "hgroup",
  "details",
  "summary",
  "fieldset",
  "hr",
  ...BLOCK_TAGS,
  ...HEADING_TAGS,
]);

/** Class names and ids of page furniture inside article bodies: captions, ads, players, credits. */
const SKIP_CLASSES = new Set([
  "caption",
  "wp-caption-text",
  "imgtxt",
  "arttop",
  "toptitle",
  "subtitle",
  "video_fit_container",
  "player-container",
  "Attribution_container",
  "StandardArticleBody_trustBadgeContainer",
  "PrimaryAsset_container",
  "published",
  "dateline",
  "gtx-bubble",
  "share",
  "social",
  "related",
  "advertisement",
  "sidebar",
  "comments",
  "breadcrumb",
]);
const SKIP_ID = /^(?:below_article_ad|gtx-|ad[_-]|ads?$|share|related|comments?$|sidebar)/;

export function isSkipped(node: DomNode): boolean {
  const name = node.name ?? "";
  if (SKIP_TAGS.has(name)) return true;
  const attribs = node.attribs;
  if (!attribs) return false;
  const id = attribs.id;
  if (id && SKIP_ID.test(id)) return true;
  const cls = attribs.class;
  if (cls) for (const token of cls.split(/\s+/)) if (SKIP_CLASSES.has(token)) return true;
  return attribs.hidden !== undefined || /display\s*:\s*none/.test(attribs.style ?? "");
}

/** Gathers the text of a node: `<br>` and nested blocks become break marks. */
export function gatherText(node: DomNode, out: string[]): void {
  for (const child of node.children ?? []) {
    if (child.type === "text") out.push(child.data ?? "");
    else if (child.type === "tag" || child.type === "script" || child.type === "style") {
      if (child.name === "br") out.push(BREAK);
      else if (isSkipped(child)) continue;
      else if (STRUCTURE_TAGS.has(child.name ?? "")) {
        out.push(BREAK);
        gatherText(child, out);
        out.push(BREAK);
      } else gatherText(child, out);
    } else if (child.type === "cdata") gatherText(child, out);
  }
}

export function textOf(node: DomNode): string {
  const parts: string[] = [];
  gatherText(node, parts);
  return parts.join("");
}

function hasBlockDescendant(node: DomNode): boolean {
  for (const child of node.children ?? []) {
    if (child.type !== "tag" || isSkipped(child)) continue;
    const name = child.name ?? "";
    if (BLOCK_TAGS.has(name) || HEADING_TAGS.has(name) || name === "div") return true;
    if (hasBlockDescendant(child)) return true;
  }
  return false;
}

export interface Block {
  text: string;
  heading: boolean;
}

/**
 * Collects the body's blocks in document order. Inline content lying loose in the container
 * (text, links, `<br>`) forms paragraphs too, except at the document root, where loose text is
 * the markdown wrapper (title, nav line, source link) rather than article text.
 */
export function collectBlocks(container: DomNode, loose: boolean, blocks: Block[]): void {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0 && loose) blocks.push({ text: pending.join(""), heading: false });
    pending = [];
  };
  for (const child of container.children ?? []) {
    if (child.type === "text") {
      pending.push(child.data ?? "");
      continue;
    }
    if (child.type !== "tag") continue;
    const name = child.name ?? "";
    if (name === "br") {
      pending.push(BREAK);
      continue;
    }
    if (isSkipped(child)) {
      flush();
      continue;
    }
    if (HEADING_TAGS.has(name) || BLOCK_TAGS.has(name)) {
      flush();
      if (name !== "p" && hasBlockDescendant(child)) collectBlocks(child, true, blocks);
      else blocks.push({ text: textOf(child), heading: HEADING_TAGS.has(name) });
    } else if (STRUCTURE_TAGS.has(name)) {
      flush();
      collectBlocks(child, true, blocks);
    } else {
      // Inline element lying loose in the container (a link, <strong>, <span>, <ok>).
      gatherText({ type: "tag", children: [child] }, pending);
    }
  }
  flush();
}

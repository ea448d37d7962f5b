import { HAS_CONTENT, IMAGE_CREDIT } from "./body.js";
import { BREAK, cleanText } from "./clean.js";
import { type DomNode, isSkipped, textOf } from "./dom.js";

/** The captions of the images standing in an article body. */

/** Elements holding an image's caption (skipped as body text, gathered as captions). */
const CAPTION_CLASSES = ["caption", "wp-caption-text", "imgtxt"];

function isCaption(node: DomNode): boolean {
  if (node.name === "figcaption") return true;
  const cls = node.attribs?.class;
  return Boolean(cls?.split(/\s+/).some((token) => CAPTION_CLASSES.includes(token)));
}

/** The captions of the images in a container, in document order (figures are entered). */
export function collectCaptions(container: DomNode, out: string[]): void {
  for (const child of container.children ?? []) {
    if (child.type !== "tag") continue;
    if (isCaption(child)) {
      const text = cleanText(textOf(child).replaceAll(BREAK, " "));
      if (text) out.push(text);
    } else if (child.name === "figure" || !isSkipped(child)) collectCaptions(child, out);
  }
}

/** In-body captions worth keeping: not a bare photo credit, not the lead caption again, once each. */
export function bodyCaptions(found: string[], lead: string | null): string[] | undefined {
  const kept: string[] = [];
  for (const text of found) {
    if (!HAS_CONTENT.test(text) || (text.length <= 40 && IMAGE_CREDIT.test(text))) continue;
    if (text !== lead && !kept.includes(text)) kept.push(text);
  }
  return kept.length > 0 ? kept : undefined;
}

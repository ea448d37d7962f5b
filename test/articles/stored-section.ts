import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * An articles section (src/articles/stored.ts) with its head and every block of folded texts
 * inflated, changed by `edit` (in place, same length or not) and deflated again, its header's
 * lengths updated: damage that keeps the section well formed, for the checksum and parse tests.
 * `edit` receives the part's bytes and which part it is; it may return other bytes.
 */
export function rewriteArticleSection(
  section: Buffer,
  edit: (bytes: Buffer, part: "head" | "block") => Buffer | undefined,
): Buffer {
  const newline = section.indexOf(0x0a);
  const header = JSON.parse(section.toString("utf8", 0, newline)) as {
    head: [number, number, number, number];
    blocks: Array<[number, number, number]>;
  };
  let at = newline + 1;
  const head = inflateRawSync(section.subarray(at, at + header.head[0]));
  at += header.head[0];
  const newHead = edit(head, "head") ?? head;
  const metadataGrowth = newHead.length - head.length;
  const deflatedHead = deflateRawSync(newHead, { level: 1 });
  header.head = [
    deflatedHead.length,
    header.head[1] + metadataGrowth,
    header.head[2],
    header.head[3],
  ];
  const blocks = header.blocks.map((block) => {
    const inflated = inflateRawSync(section.subarray(at, at + block[1]));
    at += block[1];
    const deflated = deflateRawSync(edit(inflated, "block") ?? inflated, { level: 1 });
    block[1] = deflated.length;
    return deflated;
  });
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), deflatedHead, ...blocks]);
}

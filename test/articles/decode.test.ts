import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeArticleBytes } from "../../src/articles/decode.js";
import { parseArticle } from "../../src/articles/parse.js";

describe("decodeArticleBytes", () => {
  const text = "### 标题\n<p>北京时间周一，记者报导。</p>";

  it("reads UTF-8 and strips a BOM", () => {
    expect(decodeArticleBytes(Buffer.from(text))).toBe(text);
    expect(
      decodeArticleBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    ).toBe(text);
  });

  it("reads GBK when the bytes are not UTF-8", () => {
    expect(decodeArticleBytes(iconv.encode(text, "gbk"))).toBe(text);
    expect(decodeArticleBytes(iconv.encode(text, "gb18030"))).toBe(text);
  });

  it("follows a declared Big5 charset", () => {
    const big5 = '<meta charset="big5"><p>臺灣選舉結果公佈。</p>';
    expect(decodeArticleBytes(iconv.encode(big5, "big5"))).toBe(big5);
  });

  it("reads UTF-16 with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(decodeArticleBytes(bytes)).toBe(text);
  });

  it("tolerates a stray invalid byte in UTF-8 text", () => {
    const long = text.repeat(20);
    const bytes = Buffer.concat([Buffer.from(long), Buffer.from([0xff]), Buffer.from(long)]);
    expect(decodeArticleBytes(bytes)).toBe(`${long}\ufffd${long}`);
  });

  it("refuses binary data", () => {
    expect(() => decodeArticleBytes(Buffer.from([0x41, 0x00, 0x42]))).toThrow("binary file");
    expect(() => decodeArticleBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toThrow(
      "binary file (PNG image)",
    );
    const late = Buffer.concat([Buffer.from("a".repeat(9000)), Buffer.from([0])]);
    expect(() => decodeArticleBytes(late)).toThrow("binary file");
    expect(() => decodeArticleBytes(Buffer.alloc(0))).toThrow("empty file");
  });

  it("drops the replacement characters of a damaged byte when parsing", () => {
    const article = parseArticle(
      decodeArticleBytes(
        Buffer.concat([
          Buffer.from("### 标题\n<p>正"),
          Buffer.from([0xff]),
          Buffer.from("文。</p>"),
        ]),
      ),
      "a.md",
    );
    expect(article.paragraphs).toEqual(["正文。"]);
  });
});

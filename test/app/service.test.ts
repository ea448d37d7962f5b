import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runQuotes, suggestPeople } from "../../src/app/service.js";
import { Archive } from "../../src/articles/archive.js";

const seedText = readFileSync("seeds/000_d87d864bdde93e5b.txt", "utf8");

let root: string;
let archive: Archive;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "dubao-service-"));
  // The quoting article never writes the English name; another one, quoting nobody, does.
  writeFileSync(join(root, "quoting.md"), seedText.replace("（Wendy Sherman，又译舍曼）", ""));
  writeFileSync(
    join(root, "naming.md"),
    seedText
      .replaceAll("n13495457", "n20000002")
      .replace(/[“”「」]/g, "")
      .replace("2022年01月11日", "2022年01月12日"),
  );
  archive = await Archive.load({ root });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("runQuotes: asking by an English name the quoting article never writes", () => {
  it.each(["Sherman", "Wendy Sherman", "sherman"])("%s finds 谢尔曼's quotes", (person) => {
    const answer = runQuotes(archive, { person });
    expect(answer.matched.map((match) => match.name)).toEqual(["谢尔曼"]);
    expect(answer.quotes.map((quote) => quote.paragraph)).toEqual([2, 4, 5, 5, 14]);
  });
});

describe("suggestPeople: autocomplete by the start of an English name", () => {
  it.each(["Sher", "wendy s", "Sherman"])("%s offers 谢尔曼", (typed) => {
    expect(suggestPeople(archive, typed).map((choice) => choice.value)).toContain("谢尔曼");
  });

  it("offers nobody for an English start no name of the archive has", () => {
    expect(suggestPeople(archive, "Zyx")).toEqual([]);
  });
});

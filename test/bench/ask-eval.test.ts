import { describe, expect, it } from "vitest";
import {
  archiveSets,
  BLIND_SETS,
  type MatchKind,
  matchSentence,
  notesOf,
  parseArgs,
  renderReport,
  setName,
  summarise,
} from "../../bench/ask/eval.js";
import { renderSection, type SummaryScores, withSection } from "../../bench/summary/eval.js";

/** The answer-matching rule of the reading-comprehension harness (bench/ASK.md). */
/** An empty scored set of bench/summary, as its report shows it. */
const scored = (set: SummaryScores["set"]): SummaryScores => ({
  set,
  date: "2026-12-02",
  articles: 0,
  cells: {},
  latency: { p50: 0, p99: 0, max: 0 },
  keyCounts: [3],
});

describe("matchSentence", () => {
  const reference = "市政府周二宣布，当地将在明年春天开放三座新的公共图书馆。";
  const cases: Array<[string, string, MatchKind]> = [
    ["the same sentence", reference, "contains"],
    ["the sentence with a neighbour", `${reference}官员表示预算已经批准。`, "contains"],
    ["a clause of it", "当地将在明年春天开放三座新的公共图书馆", "contains"],
    [
      "traditional script and full-width punctuation",
      "市政府週二宣布，當地將在明年春天開放三座新的公共圖書館。",
      "contains",
    ],
    [
      "the dateline dropped and a word changed",
      "当地将在明年春天开放三座新的公共图书馆，市政府周二说。",
      "overlap",
    ],
    ["another sentence of the same story", "图书馆的建设费用由市政府和私人捐款共同承担。", null],
    ["the same characters scattered", "春天的时候，新市长在三座公园宣布开放。", null],
    ["an empty answer", "。", null],
  ];
  it.each(cases)("%s", (_label, shown, expected) => {
    expect(matchSentence(shown, reference)).toBe(expected);
  });
});

describe("reports", () => {
  it("says the test set is not yet scored until it is", () => {
    const report = renderReport({});
    expect(report).toContain("not yet scored");
    expect(report).toContain("| all answerable | — |");
  });

  it("keeps the hand-written notes of a report", () => {
    const markdown = "# Title\n\ntable\n\n<!-- notes:start -->\nnotes\n<!-- notes:end -->\n";
    const notes = notesOf(markdown);
    expect(notes).toBe("<!-- notes:start -->\nnotes\n<!-- notes:end -->");
    expect(renderReport({}, notes)).toContain(notes);
    expect(notesOf("# no notes")).toBeUndefined();
  });

  it("replaces the archive section of ROUGE.md, or appends it once", () => {
    const section = (body: string) =>
      `<!-- archive-references:start -->\n${body}\n<!-- archive-references:end -->`;
    const first = withSection("# ROUGE\n\nclts tables\n", section("old"));
    expect(first).toBe(`# ROUGE\n\nclts tables\n\n${section("old")}\n`);
    const second = withSection(first, section("new"));
    expect(second).toBe(`# ROUGE\n\nclts tables\n\n${section("new")}\n`);
  });
});

describe("the second blind test set (test2)", () => {
  it("takes dev, test and test2 to test8 for --set and nothing else", () => {
    expect(setName("dev")).toBe("dev");
    expect(setName("test")).toBe("test");
    expect(setName("test2")).toBe("test2");
    expect(setName("test3")).toBe("test3");
    expect(setName("test4")).toBe("test4");
    expect(setName("test5")).toBe("test5");
    expect(setName("test6")).toBe("test6");
    expect(setName("test7")).toBe("test7");
    expect(setName("test8")).toBe("test8");
    expect(() => setName("test9")).toThrow(
      /dev, test, test2, test3, test4, test5, test6, test7 or test8/,
    );
    expect(() => setName("dev-paraphrase")).toThrow();
    expect(() => setName(undefined)).toThrow();
  });

  it("gives test2 columns in ASK.md only once test2 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    expect(header(renderReport({}))).not.toContain("test2");
    const test2 = summarise("test2", [], 0, [0, 0]);
    const report = renderReport({ test2 });
    expect(header(report)).toContain("test2 top-1");
    expect(report).toContain(`test2 scored ${test2.date}`);
  });

  it("gives test2 columns in ROUGE.md only once test2 is scored", () => {
    const test2: SummaryScores = {
      set: "test2",
      date: "2026-12-02",
      articles: 0,
      cells: {},
      latency: { p50: 0, p99: 0, max: 0 },
      keyCounts: [3],
    };
    expect(renderSection({})).not.toContain("test2");
    expect(renderSection({ test2 })).toContain("test2 R-L");
  });
});

describe("the third blind test set (test3)", () => {
  it("runs each set among the pool and the sets up to its own", () => {
    expect(archiveSets("dev")).toEqual(["dev", "test"]);
    expect(archiveSets("test")).toEqual(["dev", "test"]);
    expect(archiveSets("test2")).toEqual(["dev", "test", "test2"]);
    expect(archiveSets("test3")).toEqual(["dev", "test", "test2", "test3"]);
  });

  it("gives test3 columns in ASK.md only once test3 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    expect(header(renderReport({ test2: summarise("test2", [], 0, [0, 0]) }))).not.toContain(
      "test3",
    );
    const test3 = summarise("test3", [], 0, [0, 0]);
    const report = renderReport({ test3 });
    expect(header(report)).toContain("test3 top-1");
    expect(header(report)).not.toContain("test2");
    expect(report).toContain(`test3 scored ${test3.date}`);
  });

  it("gives test3 columns in ROUGE.md only once test3 is scored", () => {
    expect(renderSection({ test2: scored("test2") })).not.toContain("test3");
    const section = renderSection({ test2: scored("test2"), test3: scored("test3") });
    expect(section).toContain("test2 R-L");
    expect(section).toContain("test3 R-L");
  });
});

describe("the fourth blind test set (test4)", () => {
  it("runs test4 among the pool and every set up to its own", () => {
    expect(archiveSets("test4")).toEqual(["dev", "test", "test2", "test3", "test4"]);
    expect(archiveSets("test3")).toEqual(["dev", "test", "test2", "test3"]);
  });

  it("gives test4 columns in ASK.md only once test4 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const test3 = summarise("test3", [], 0, [0, 0]);
    expect(header(renderReport({ test3 }))).not.toContain("test4");
    expect(renderReport({ test3 })).not.toContain("test4");
    const test4 = summarise("test4", [], 0, [0, 0]);
    const report = renderReport({ test3, test4 });
    expect(header(report)).toContain("test3 top-1");
    expect(header(report)).toContain("test4 top-1");
    expect(report).toContain(`test4 scored ${test4.date}`);
  });

  it("gives test4 columns in ROUGE.md only once test4 is scored", () => {
    expect(renderSection({ test3: scored("test3") })).not.toContain("test4");
    const section = renderSection({ test3: scored("test3"), test4: scored("test4") });
    expect(section).toContain("test4 R-L");
    expect(section).toContain("test4 (a fourth blind set, 20 articles) scored 2026-12-02");
  });
});

describe("the fifth blind test set (test5)", () => {
  it("runs test5 among the pool and every set up to its own", () => {
    expect(archiveSets("test5")).toEqual(["dev", "test", "test2", "test3", "test4", "test5"]);
    expect(archiveSets("test4")).not.toContain("test5");
  });

  it("gives test5 columns in ASK.md and ROUGE.md only once test5 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const test4 = summarise("test4", [], 0, [0, 0]);
    expect(renderReport({ test4 })).not.toContain("test5");
    const test5 = summarise("test5", [], 0, [0, 0]);
    const report = renderReport({ test4, test5 });
    expect(header(report)).toContain("test5 top-1");
    expect(report).toContain(`test5 scored ${test5.date}`);
    expect(renderSection({ test4: scored("test4") })).not.toContain("test5");
    const section = renderSection({ test4: scored("test4"), test5: scored("test5") });
    expect(section).toContain("test5 R-L");
    expect(section).toContain("test5 (a fifth blind set, 20 articles) scored 2026-12-02");
  });
});

describe("the sixth blind test set (test6)", () => {
  it("runs test6 among the pool and every set up to its own", () => {
    expect(archiveSets("test6")).toEqual([
      "dev",
      "test",
      "test2",
      "test3",
      "test4",
      "test5",
      "test6",
    ]);
    expect(archiveSets("test5")).not.toContain("test6");
  });

  it("gives test6 columns in ASK.md and ROUGE.md only once test6 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const test5 = summarise("test5", [], 0, [0, 0]);
    expect(renderReport({ test5 })).not.toContain("test6");
    const test6 = summarise("test6", [], 0, [0, 0]);
    const report = renderReport({ test5, test6 });
    expect(header(report)).toContain("test5 top-1");
    expect(header(report)).toContain("test6 top-1");
    expect(report).toContain(`test6 scored ${test6.date}`);
    expect(renderSection({ test5: scored("test5") })).not.toContain("test6");
    const section = renderSection({ test5: scored("test5"), test6: scored("test6") });
    expect(section).toContain("test6 R-L");
    expect(section).toContain("test6 (a sixth blind set, 20 articles) scored 2026-12-02");
  });
});

describe("the seventh blind test set (test7)", () => {
  it("runs test7 among the pool and every set up to its own", () => {
    expect(archiveSets("test7")).toEqual([
      "dev",
      "test",
      "test2",
      "test3",
      "test4",
      "test5",
      "test6",
      "test7",
    ]);
    expect(archiveSets("test6")).not.toContain("test7");
  });

  it("gives test7 columns in ASK.md and ROUGE.md only once test7 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const test6 = summarise("test6", [], 0, [0, 0]);
    expect(renderReport({ test6 })).not.toContain("test7");
    const test7 = summarise("test7", [], 0, [0, 0]);
    const report = renderReport({ test6, test7 });
    expect(header(report)).toContain("test6 top-1");
    expect(header(report)).toContain("test7 top-1");
    expect(report).toContain(`test7 scored ${test7.date}`);
    expect(renderSection({ test6: scored("test6") })).not.toContain("test7");
    const section = renderSection({ test6: scored("test6"), test7: scored("test7") });
    expect(section).toContain("test6 R-L");
    expect(section).toContain("test7 R-L");
    expect(section).toContain("test7 (a seventh blind set, 20 articles) scored 2026-12-02");
  });
});

describe("the eighth blind test set (test8)", () => {
  it("runs test8 among the pool and every set up to its own", () => {
    expect(archiveSets("test8")).toEqual([
      "dev",
      "test",
      "test2",
      "test3",
      "test4",
      "test5",
      "test6",
      "test7",
      "test8",
    ]);
    expect(archiveSets("test7")).not.toContain("test8");
  });

  it("keeps test8 alone blind: --set test8 only with --final, test7 as dev data", () => {
    expect(BLIND_SETS).toEqual(["test8"]);
    expect(() => parseArgs(["--set", "test8"])).toThrow(/--final/);
    expect(() => parseArgs(["--set=test8", "--no-write"])).toThrow(/--final/);
    expect(parseArgs(["--set", "test8", "--final"]).set).toBe("test8");
    expect(parseArgs(["--set", "test7", "--no-write"])).toMatchObject({
      set: "test7",
      write: false,
    });
  });

  it("gives test8 columns in ASK.md and ROUGE.md only once test8 is scored", () => {
    const header = (report: string) =>
      report.split("\n").find((line) => line.startsWith("| group |")) ?? "";
    const test7 = summarise("test7", [], 0, [0, 0]);
    expect(renderReport({ test7 })).not.toContain("test8");
    const test8 = summarise("test8", [], 0, [0, 0]);
    const report = renderReport({ test7, test8 });
    expect(header(report)).toContain("test7 top-1");
    expect(header(report)).toContain("test8 top-1");
    expect(report).toContain(`test8 scored ${test8.date}`);
    expect(renderSection({ test7: scored("test7") })).not.toContain("test8");
    const section = renderSection({ test7: scored("test7"), test8: scored("test8") });
    expect(section).toContain("test7 R-L");
    expect(section).toContain("test8 R-L");
    expect(section).toContain("test8 (an eighth blind set, 20 articles) scored 2026-12-02");
  });
});
